// A LISTEN connection of this process's own (never one of the pool's) on the channels the database
// announces things on: realtime events (hearth_realtime), session and role changes (hearth_sessions),
// new notifications to push (hearth_push). When the connection drops it comes back by itself (200 ms
// doubling to 5 s) and says so, so its owner can catch up on what was announced meanwhile — PostgreSQL
// does not keep a NOTIFY for a connection that was not listening.
import pg from 'pg';
import { errorForLog } from '../error-log.ts';

type Log = { warn: (obj: object, msg: string) => void };

export type ListenerHandlers = {
  /** What to do with each channel's notifications (their payload, '' when none). */
  channels: Record<string, (payload: string) => void>;
  /** LISTEN is in place; `reconnected` after a drop (announcements may have been missed meanwhile). */
  onListening: (reconnected: boolean) => Promise<void> | void;
  /** The connection is gone (until onListening again). */
  onLost?: () => void;
};

export class DatabaseListener {
  private readonly connection: pg.ClientConfig;
  private readonly handlers: ListenerHandlers;
  private readonly log: Log;
  private client: pg.Client | null = null;
  private listening: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = 200;
  private stopped = false;

  /** `name` says whose listener it is in the log ("realtime listener lost; reconnecting"). */
  private readonly name: string;

  constructor(connection: pg.ClientConfig, handlers: ListenerHandlers, log: Log, name: string) {
    this.connection = connection;
    this.handlers = handlers;
    this.log = log;
    this.name = name;
  }

  /** Whether this process is hearing events now. */
  get isListening(): boolean {
    return this.client !== null;
  }

  /** Starts listening (once); resolves when LISTEN is in place. A failed first try is tried again next time. */
  start(): Promise<void> {
    if (this.stopped) return Promise.reject(new Error(`${this.name} is stopped`));
    this.listening ??= this.connect(false);
    return this.listening;
  }

  /**
   * Starts listening and, should the first connection fail, keeps trying (200 ms doubling to 5 s) until it
   * listens or is stopped. Resolves after the first try, whatever its outcome.
   */
  async startAndKeepTrying(delayMs = 200): Promise<void> {
    try {
      await this.start();
    } catch (error) {
      if (this.stopped) return;
      this.log.warn({ error: errorForLog(error) }, `${this.name} could not connect; retrying`);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.startAndKeepTrying(Math.min(delayMs * 2, 5000));
      }, delayMs);
      this.retryTimer.unref();
    }
  }

  private connect(reconnecting: boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const next = new pg.Client({ ...this.connection, options: '-c TimeZone=UTC' });
      let settled = false;
      const lost = (error?: Error) => {
        next.removeAllListeners();
        next.on('error', () => {});
        next.end().catch(() => {});
        if (this.client === next) {
          this.client = null;
          this.handlers.onLost?.();
        }
        if (!settled) {
          settled = true;
          if (!reconnecting) {
            this.listening = null;
            reject(error ?? new Error(`${this.name} could not connect`));
            return;
          }
        }
        if (this.stopped) return;
        this.log.warn({ error: error ? errorForLog(error) : null }, `${this.name} lost; reconnecting`);
        this.scheduleReconnect();
      };
      next.on('error', lost);
      next.on('end', () => lost());
      next.on('notification', (message) => {
        this.handlers.channels[message.channel]?.(message.payload ?? '');
      });
      void (async () => {
        try {
          await next.connect();
          await next.query(
            Object.keys(this.handlers.channels)
              .map((channel) => `listen ${channel}`)
              .join('; '),
          );
          if (this.stopped) {
            await next.end();
            return;
          }
          this.client = next;
          this.retryMs = 200;
          await this.handlers.onListening(reconnecting);
          settled = true;
          resolve();
        } catch (error) {
          lost(error as Error);
        }
      })();
    });
  }

  private scheduleReconnect(): void {
    if (this.retryTimer || this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.listening = this.connect(true).catch(() => {});
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, 5000);
  }

  /** Drops the connection as if the network failed (tests of the reconnect). */
  dropForTest(): void {
    this.client?.emit('error', new Error('dropped by a test'));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const current = this.client;
    this.client = null;
    if (current) {
      current.removeAllListeners();
      current.on('error', () => {});
      await current.end().catch(() => {});
    }
  }
}
