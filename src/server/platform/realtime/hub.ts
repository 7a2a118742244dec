// This process's end of realtime delivery: its own PostgreSQL connection LISTENs on hearth_realtime (every
// process does, so an event published by any of them reaches sockets held by all of them), fetches each
// notified event once, and sends it to the open sockets of its recipients. A client that (re)connects with
// `after` first gets what it missed, then live events, without a gap or a duplicate.
import pg from 'pg';
import type { WebSocket } from 'ws';
import {
  REALTIME_CLOSE,
  RealtimeClientMessageSchema,
  type RealtimeReadyMessage,
  type RealtimeServerMessage,
} from '../../../shared/contracts/realtime.ts';
import type { Actor } from '../auth/actor.ts';
import { lookUpSession } from '../auth/sessions.ts';
import type { Db } from '../database/connect.ts';
import { authoriseChannel, inChannels } from './channels.ts';
import { REALTIME_CHANNEL } from './publish.ts';

/** How long events are kept for replay (a phone asleep overnight still catches up). */
export const KEEP_EVENTS_HOURS = 24;
/** At most this many missed events are replayed; beyond, the client is told to refetch (resync). */
export const REPLAY_LIMIT = 500;
/** Open sockets per person (phones, tabs); a new one beyond closes the oldest. */
export const MAX_SOCKETS_PER_PERSON = 12;
/** A socket whose unsent data passes this is closed; it reconnects and replays what it missed. */
const MAX_BUFFERED_BYTES = 1_000_000;
const HEARTBEAT_MS = 30_000;
/** A connection's session is looked at again this often (a sign-out elsewhere closes its sockets). */
const SESSION_RECHECK_MS = 120_000;

type Log = { warn: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void };

type StoredEvent = {
  seq: number;
  organizationId: string;
  recipients: string[];
  residenceId: string | null;
  /** The message as sent, serialised once for every recipient. */
  message: string;
};

type EventRow = {
  seq: string;
  organization_id: string;
  recipients: string[];
  type: string;
  payload: Record<string, unknown>;
  created_at: Date;
};

type Connection = {
  socket: WebSocket;
  actor: Actor;
  token: string;
  channels: Set<string>;
  /** Live events held back while missed ones are replayed; null once live. */
  buffer: StoredEvent[] | null;
  /** Seqs just replayed, so a late notification of the same event is not sent twice. */
  replayed: Set<number> | null;
  alive: boolean;
  checkedAt: number;
};

export type OpenOptions = {
  socket: WebSocket;
  actor: Actor;
  token: string;
  channels: Set<string>;
  after?: number;
};

const EVENT_COLUMNS = 'seq, organization_id, recipients, type, payload, created_at';

/** The event as publish() sends it in the NOTIFY when it fits. */
type WholeEvent = {
  seq: number;
  organizationId: string;
  recipients: string[];
  type: string;
  payload: Record<string, unknown>;
  at: string;
};

function stored(
  seq: number,
  organizationId: string,
  recipients: string[],
  type: string,
  payload: Record<string, unknown>,
  at: Date,
): StoredEvent {
  const residenceId = typeof payload.residenceId === 'string' ? payload.residenceId : null;
  const message: RealtimeServerMessage = { kind: 'event', seq, type, payload, at: at.toISOString() };
  return { seq, organizationId, recipients, residenceId, message: JSON.stringify(message) };
}

const toStored = (row: EventRow): StoredEvent =>
  stored(Number(row.seq), row.organization_id, row.recipients, row.type, row.payload, row.created_at);

const fromWhole = (e: WholeEvent): StoredEvent =>
  stored(Number(e.seq), e.organizationId, e.recipients, e.type, e.payload, new Date(e.at));

export class RealtimeHub {
  private readonly db: Db;
  private readonly connection: pg.ClientConfig;
  private readonly log: Log;
  private readonly byPerson = new Map<string, Set<Connection>>();
  private client: pg.Client | null = null;
  private listening: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = 200;
  private stopped = false;
  /** The highest seq this process has fetched; after a lost LISTEN connection it catches up from here. */
  private highestSeen = 0;
  private queued: { seq: number; event: StoredEvent | null }[] = [];
  private flushScheduled = false;
  private flushing: Promise<void> = Promise.resolve();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(db: Db, connection: pg.ClientConfig, log: Log) {
    this.db = db;
    this.connection = connection;
    this.log = log;
  }

  /** How many sockets this process holds (health, tests, the benchmark). */
  get socketCount(): number {
    let n = 0;
    for (const set of this.byPerson.values()) n += set.size;
    return n;
  }

  /** Whether this process is hearing events now. */
  get isListening(): boolean {
    return this.client !== null && this.listening !== null;
  }

  /** Starts listening (once); resolves when LISTEN is in place. */
  ensureListening(): Promise<void> {
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
            // The first connection failed: let the next socket try again.
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
        if (message.channel === REALTIME_CHANNEL && message.payload) this.enqueue(message.payload);
      });
      void (async () => {
        try {
          await next.connect();
          await next.query(`listen ${REALTIME_CHANNEL}`);
          if (this.stopped) {
            await next.end();
            return;
          }
          this.client = next;
          this.retryMs = 200;
          if (reconnecting) {
            await this.catchUp();
          } else {
            const { rows } = await this.db.$client.query<{ max: string | null }>(
              'select case when is_called then last_value else 0 end as max from realtime_events_seq_seq',
            );
            this.highestSeen = Math.max(this.highestSeen, Number(rows[0]?.max ?? 0));
          }
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

  /** Events published while this process was not listening, delivered now. */
  private async catchUp(): Promise<void> {
    const { rows } = await this.db.$client.query<EventRow>(
      `select ${EVENT_COLUMNS} from realtime_events
        where seq > $1 and created_at > now() - make_interval(hours => $2)
        order by seq limit 10000`,
      [this.highestSeen, KEEP_EVENTS_HOURS],
    );
    for (const row of rows) this.deliver(toStored(row));
  }

  /** A notification: the whole event as JSON, or only its seq when it was too big to travel whole. */
  private enqueue(payload: string): void {
    if (payload.startsWith('{')) {
      try {
        const whole = JSON.parse(payload) as WholeEvent;
        this.queued.push({ seq: whole.seq, event: fromWhole(whole) });
      } catch {
        return;
      }
    } else {
      const seq = Number(payload);
      if (!Number.isFinite(seq)) return;
      this.queued.push({ seq, event: null });
    }
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // Notifications that arrive together are handled together (one query for those to fetch), in order.
    setImmediate(() => {
      this.flushScheduled = false;
      this.flushing = this.flushing.then(() => this.flush()).catch(() => {});
    });
  }

  private async flush(): Promise<void> {
    const items = this.queued;
    this.queued = [];
    if (items.length === 0) return;
    for (const item of items) this.highestSeen = Math.max(this.highestSeen, item.seq);
    if (this.byPerson.size === 0) return;
    const toFetch = items.filter((i) => i.event === null).map((i) => i.seq);
    const fetched = new Map<number, StoredEvent>();
    if (toFetch.length > 0) {
      try {
        const { rows } = await this.db.$client.query<EventRow>({
          name: 'hearth_realtime_fetch',
          text: `select ${EVENT_COLUMNS} from realtime_events where seq = any($1::bigint[])`,
          values: [toFetch],
        });
        for (const row of rows) fetched.set(Number(row.seq), toStored(row));
      } catch (error) {
        this.log.error({ err: (error as Error).message }, 'realtime events could not be fetched');
      }
    }
    for (const item of items) {
      const event = item.event ?? fetched.get(item.seq);
      if (event) this.deliver(event);
    }
  }

  private deliver(event: StoredEvent): void {
    for (const personId of event.recipients) {
      const connections = this.byPerson.get(personId);
      if (!connections) continue;
      for (const c of connections) {
        if (c.actor.organizationId !== event.organizationId) continue;
        if (c.buffer) c.buffer.push(event);
        else this.send(c, event);
      }
    }
  }

  private send(c: Connection, event: StoredEvent): void {
    if (c.replayed?.has(event.seq)) return;
    if (!inChannels(c.channels, event)) return;
    this.write(c, event.message);
  }

  private write(c: Connection, message: string): void {
    if (c.socket.readyState !== c.socket.OPEN) return;
    if (c.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      c.socket.close(REALTIME_CLOSE.tooSlow, 'too slow');
      return;
    }
    c.socket.send(message);
  }

  /** Takes a new socket: registers it, replays what it missed, then sends live events. */
  async open(options: OpenOptions): Promise<void> {
    const { socket, actor } = options;
    const c: Connection = {
      socket,
      actor,
      token: options.token,
      channels: options.channels,
      buffer: [],
      replayed: null,
      alive: true,
      checkedAt: Date.now(),
    };
    let mine = this.byPerson.get(actor.personId);
    if (!mine) {
      mine = new Set();
      this.byPerson.set(actor.personId, mine);
    }
    if (mine.size >= MAX_SOCKETS_PER_PERSON) {
      const oldest = mine.values().next().value;
      if (oldest) {
        mine.delete(oldest);
        oldest.socket.close(REALTIME_CLOSE.tooMany, 'too many connections');
      }
    }
    mine.add(c);
    socket.on('close', () => this.forget(c));
    socket.on('pong', () => {
      c.alive = true;
    });
    socket.on('message', (data) => void this.receive(c, data.toString()).catch(() => {}));
    this.startHeartbeat();
    try {
      await this.ensureListening();
      // Registered first, replayed second: whatever commits meanwhile is either in the replay or
      // held in the buffer, and the seqs replayed are never sent again.
      const ready = await this.replay(c, options.after);
      const held = c.buffer ?? [];
      c.buffer = null;
      for (const event of held) this.send(c, event);
      this.write(c, JSON.stringify(ready));
      setTimeout(() => {
        c.replayed = null;
      }, 10_000).unref();
    } catch (error) {
      this.log.error({ err: (error as Error).message }, 'realtime connection could not start');
      socket.close(1011, 'try again');
      this.forget(c);
    }
  }

  private async replay(c: Connection, after: number | undefined): Promise<RealtimeReadyMessage> {
    const channels = [...c.channels];
    const { rows: head } = await this.db.$client.query<{ max: string | null; kept: boolean }>(
      // The sequence, not max(seq): it remembers seqs whose events were cleaned away since.
      `select (select case when is_called then last_value else 0 end from realtime_events_seq_seq) as max,
              exists (select 1 from realtime_events where seq <= $1) as kept`,
      [after ?? 0],
    );
    const currentMax = Number(head[0]?.max ?? 0);
    if (after === undefined) {
      return { kind: 'ready', lastSeq: currentMax, replayed: 0, resync: false, channels };
    }
    const { rows } = await this.db.$client.query<EventRow>({
      name: 'hearth_realtime_replay',
      text: `select ${EVENT_COLUMNS} from realtime_events
              where seq > $1 and organization_id = $2 and recipients @> array[$3::uuid]
                and created_at > now() - make_interval(hours => $4)
              order by seq limit $5`,
      values: [after, c.actor.organizationId, c.actor.personId, KEEP_EVENTS_HOURS, REPLAY_LIMIT + 1],
    });
    const tooMany = rows.length > REPLAY_LIMIT;
    const events = rows.slice(0, REPLAY_LIMIT).map(toStored);
    c.replayed = new Set(events.map((e) => e.seq));
    let sent = 0;
    for (const event of events) {
      if (!inChannels(c.channels, event)) continue;
      this.write(c, event.message);
      sent++;
    }
    const lastReplayed = events.at(-1)?.seq ?? 0;
    // Nothing kept at or before `after` means events after it may have been cleaned away: refetch.
    const gap = after > 0 && head[0]?.kept === false && currentMax > after;
    return {
      kind: 'ready',
      lastSeq: tooMany ? lastReplayed : Math.max(after, currentMax, lastReplayed),
      replayed: sent,
      resync: tooMany || gap,
      channels,
    };
  }

  private async receive(c: Connection, text: string): Promise<void> {
    let parsed: ReturnType<typeof RealtimeClientMessageSchema.safeParse>;
    try {
      parsed = RealtimeClientMessageSchema.safeParse(JSON.parse(text));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.kind === 'unsubscribe') {
      for (const name of message.channels) c.channels.delete(name.trim().toLowerCase());
    } else {
      for (const name of message.channels) {
        const check = await authoriseChannel(this.db, c.actor, name);
        if ('ok' in check) c.channels.add(check.channel);
        else this.write(c, JSON.stringify(check));
      }
    }
    this.write(c, JSON.stringify({ kind: 'subscribed', channels: [...c.channels] }));
  }

  private forget(c: Connection): void {
    const mine = this.byPerson.get(c.actor.personId);
    if (!mine) return;
    mine.delete(c);
    if (mine.size === 0) this.byPerson.delete(c.actor.personId);
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Dead sockets are dropped; each session is looked at again now and then (signed out → closed). */
  private async beat(): Promise<void> {
    const now = Date.now();
    for (const set of [...this.byPerson.values()]) {
      for (const c of [...set]) {
        if (!c.alive) {
          c.socket.terminate();
          this.forget(c);
          continue;
        }
        c.alive = false;
        c.socket.ping();
        if (now - c.checkedAt >= SESSION_RECHECK_MS) {
          c.checkedAt = now;
          await this.recheck(c).catch(() => {});
        }
      }
    }
  }

  /** Closes the socket of a session that ended; keeps only channels the person may still see. */
  async recheck(c: Connection): Promise<void> {
    const found = await lookUpSession(this.db, c.token);
    if (found.state !== 'active' || found.actor.personId !== c.actor.personId) {
      c.socket.close(REALTIME_CLOSE.sessionEnded, 'session ended');
      this.forget(c);
      return;
    }
    c.actor = found.actor;
    for (const channel of [...c.channels]) {
      const check = await authoriseChannel(this.db, c.actor, channel);
      if (!('ok' in check)) {
        c.channels.delete(channel);
        this.write(c, JSON.stringify(check));
      }
    }
  }

  /** Looks at every open socket's session now (tests; a sign-out could call it too). */
  async recheckAll(): Promise<void> {
    for (const set of [...this.byPerson.values()]) for (const c of [...set]) await this.recheck(c);
  }

  /** Drops the LISTEN connection as if the network failed (tests of the reconnect). */
  dropListenerForTest(): void {
    this.client?.emit('error', new Error('dropped by a test'));
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const set of this.byPerson.values()) for (const c of set) c.socket.close(1001, 'server stopping');
    this.byPerson.clear();
    await this.flushing.catch(() => {});
    const current = this.client;
    this.client = null;
    if (current) {
      current.removeAllListeners();
      current.on('error', () => {});
      await current.end().catch(() => {});
    }
  }
}
