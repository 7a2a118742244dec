// The LISTEN side of realtime: this process's own PostgreSQL connection (never one of the pool's) on the
// channel every publish() notifies, and on the one where the database announces session and role changes
// (drizzle/0007), so a sign-out closes that person's sockets at once on every process. When the connection drops it comes back by itself (200 ms doubling
// to 5 s) and says so, so the hub can deliver what was published meanwhile.
import pg from 'pg';
import { SESSIONS_CHANNEL } from '../auth/session-invalidation.ts';
import { REALTIME_CHANNEL } from './publish.ts';

type Log = { warn: (obj: object, msg: string) => void };

export type ListenerHandlers = {
  /** A notification's payload: the event as JSON, or its seq. */
  onPayload: (payload: string) => void;
  /** A person's sessions or roles changed (a sign-out, a role ended): their sockets are looked at again. */
  onSessionChange: (personId: string) => void;
  /** LISTEN is in place; `reconnected` after a drop (events may have been missed meanwhile). */
  onListening: (reconnected: boolean) => Promise<void>;
};

export class RealtimeListener {
  private readonly connection: pg.ClientConfig;
  private readonly handlers: ListenerHandlers;
  private readonly log: Log;
  private client: pg.Client | null = null;
  private listening: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = 200;
  private stopped = false;

  constructor(connection: pg.ClientConfig, handlers: ListenerHandlers, log: Log) {
    this.connection = connection;
    this.handlers = handlers;
    this.log = log;
  }

  /** Whether this process is hearing events now. */
  get isListening(): boolean {
    return this.client !== null;
  }

  /** Starts listening (once); resolves when LISTEN is in place. A failed first try is tried again next time. */
  start(): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('realtime is stopped'));
    this.listening ??= this.connect(false);
    return this.listening;
  }

  private connect(reconnecting: boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const next = new pg.Client({ ...this.connection, options: '-c TimeZone=UTC' });
      let settled = false;
      const lost = (error?: Error) => {
        next.removeAllListeners();
        next.on('error', () => {});
        next.end().catch(() => {});
        if (this.client === next) this.client = null;
        if (!settled) {
          settled = true;
          if (!reconnecting) {
            this.listening = null;
            reject(error ?? new Error('realtime listener could not connect'));
            return;
          }
        }
        if (this.stopped) return;
        this.log.warn({ err: error?.message }, 'realtime listener lost; reconnecting');
        this.scheduleReconnect();
      };
      next.on('error', lost);
      next.on('end', () => lost());
      next.on('notification', (message) => {
        if (!message.payload) return;
        if (message.channel === REALTIME_CHANNEL) this.handlers.onPayload(message.payload);
        else if (message.channel === SESSIONS_CHANNEL) this.handlers.onSessionChange(message.payload);
      });
      void (async () => {
        try {
          await next.connect();
          await next.query(`listen ${REALTIME_CHANNEL}; listen ${SESSIONS_CHANNEL}`);
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
