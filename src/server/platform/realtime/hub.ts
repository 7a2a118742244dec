// This process's end of realtime delivery: its listener (platform/database/listener.ts) hears every event published by any
// process, and the hub sends each to the open sockets of its recipients here (fetching it once when it
// was too big to travel in the NOTIFY). A client that (re)connects with `after` first gets what it
// missed, then live events, without a gap or a duplicate.
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { WebSocket } from 'ws';
import {
  REALTIME_CLOSE,
  RealtimeClientMessageSchema,
  type RealtimeReadyMessage,
  type RealtimeServerMessage,
} from '../../../shared/contracts/realtime.ts';
import type { Actor } from '../auth/actor.ts';
import { SESSIONS_CHANNEL } from '../auth/session-invalidation.ts';
import { lookUpSession } from '../auth/sessions.ts';
import type { Db } from '../database/connect.ts';
import { DatabaseListener } from '../database/listener.ts';
import { preparedStatement } from '../database/prepared.ts';
import { errorForLog } from '../error-log.ts';
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
/**
 * A connection's session is looked at again this often: sign-outs and role changes are announced and
 * handled at once (platform/database/listener.ts), this catches a session that simply expired.
 */
const SESSION_RECHECK_MS = 300_000;

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

const EVENT_COLUMNS = sql.raw('seq, organization_id, recipients, type, payload, created_at');
const p = sql.placeholder;
/** The newest seq given out: the sequence, not max(seq), remembers seqs whose events were cleaned away since. */
const NEWEST_SEQ = sql`select case when is_called then last_value else 0 end from realtime_events_seq_seq`;
const NEWEST = preparedStatement<{ max: string | null }, Record<string, never>>(
  'hearth_realtime_newest',
  sql`${NEWEST_SEQ} as max`,
);
const CATCH_UP = preparedStatement<EventRow, { after: number; keepHours: number }>(
  'hearth_realtime_catch_up',
  sql`select ${EVENT_COLUMNS} from realtime_events
    where seq > ${p('after')} and created_at > now() - make_interval(hours => ${p('keepHours')})
    order by seq limit 10000`,
);
const FETCH = preparedStatement<EventRow, { seqs: number[] }>(
  'hearth_realtime_fetch',
  sql`select ${EVENT_COLUMNS} from realtime_events where seq = any(${p('seqs')}::bigint[])`,
);
const HEAD = preparedStatement<{ max: string | null; kept: boolean }, { after: number }>(
  'hearth_realtime_head',
  sql`select (${NEWEST_SEQ}) as max, exists (select 1 from realtime_events where seq <= ${p('after')}) as kept`,
);
const REPLAY = preparedStatement<
  EventRow,
  { after: number; organizationId: string; personId: string; keepHours: number; limit: number }
>(
  'hearth_realtime_replay',
  sql`select ${EVENT_COLUMNS} from realtime_events
    where seq > ${p('after')} and organization_id = ${p('organizationId')}
      and recipients @> array[${p('personId')}::uuid]
      and created_at > now() - make_interval(hours => ${p('keepHours')})
    order by seq limit ${p('limit')}`,
);

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
  private readonly log: Log;
  private readonly listener: DatabaseListener;
  private readonly byPerson = new Map<string, Set<Connection>>();
  /** The highest seq this process has fetched; after a lost LISTEN connection it catches up from here. */
  private highestSeen = 0;
  private queued: { seq: number; event: StoredEvent | null }[] = [];
  private flushScheduled = false;
  private flushing: Promise<void> = Promise.resolve();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(db: Db, connection: pg.ClientConfig, log: Log) {
    this.db = db;
    this.log = log;
    this.listener = new DatabaseListener(
      connection,
      {
        channels: {
          [REALTIME_CHANNEL]: (payload) => payload && this.enqueue(payload),
          // A sign-out or an ended role: that person's sockets are looked at again at once.
          [SESSIONS_CHANNEL]: (personId) => personId && void this.recheckPerson(personId).catch(() => {}),
        },
        onListening: (reconnected) => (reconnected ? this.catchUp() : this.startFromNow()),
      },
      log,
      'realtime listener',
    );
  }

  /** How many sockets this process holds (health, tests, the benchmark). */
  get socketCount(): number {
    let n = 0;
    for (const set of this.byPerson.values()) n += set.size;
    return n;
  }

  /** Whether this process is hearing events now. */
  get isListening(): boolean {
    return this.listener.isListening;
  }

  /** Starts listening (once); resolves when LISTEN is in place. */
  ensureListening(): Promise<void> {
    return this.listener.start();
  }

  /** Where catching up after a drop starts: the newest seq when this process began to listen. */
  private async startFromNow(): Promise<void> {
    const { rows } = await NEWEST.run(this.db, {});
    this.highestSeen = Math.max(this.highestSeen, Number(rows[0]?.max ?? 0));
  }

  /** Events published while this process was not listening, delivered now. */
  private async catchUp(): Promise<void> {
    const { rows } = await CATCH_UP.run(this.db, { after: this.highestSeen, keepHours: KEEP_EVENTS_HOURS });
    // Through the same queue as live notifications: in order, and counted in highestSeen.
    for (const row of rows) this.queued.push({ seq: Number(row.seq), event: toStored(row) });
    this.scheduleFlush();
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
    this.scheduleFlush();
  }

  /** Notifications that arrive together are handled together (one query for those to fetch), in order. */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
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
        const { rows } = await FETCH.run(this.db, { seqs: toFetch });
        for (const row of rows) fetched.set(Number(row.seq), toStored(row));
      } catch (error) {
        this.log.error({ error: errorForLog(error) }, 'realtime events could not be fetched');
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
      // Spread over the interval, so sockets opened together are not all looked at in the same beat.
      checkedAt: Date.now() - Math.random() * SESSION_RECHECK_MS * 0.5,
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
      this.log.error({ error: errorForLog(error) }, 'realtime connection could not start');
      socket.close(1011, 'try again');
      this.forget(c);
    }
  }

  private async replay(c: Connection, after: number | undefined): Promise<RealtimeReadyMessage> {
    const channels = [...c.channels];
    const { rows: head } = await HEAD.run(this.db, { after: after ?? 0 });
    const currentMax = Number(head[0]?.max ?? 0);
    if (after === undefined) {
      return { kind: 'ready', lastSeq: currentMax, replayed: 0, resync: false, channels };
    }
    const { rows } = await REPLAY.run(this.db, {
      after,
      organizationId: c.actor.organizationId,
      personId: c.actor.personId,
      keepHours: KEEP_EVENTS_HOURS,
      limit: REPLAY_LIMIT + 1,
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

  /** Looks at a person's open sockets again (their sessions or roles changed). */
  async recheckPerson(personId: string): Promise<void> {
    for (const c of [...(this.byPerson.get(personId) ?? [])]) await this.recheck(c);
  }

  /** Looks at every open socket's session now. */
  async recheckAll(): Promise<void> {
    for (const set of [...this.byPerson.values()]) for (const c of [...set]) await this.recheck(c);
  }

  /** Drops the LISTEN connection as if the network failed (tests of the reconnect). */
  dropListenerForTest(): void {
    this.listener.dropForTest();
  }

  async close(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const set of this.byPerson.values()) for (const c of set) c.socket.close(1001, 'server stopping');
    this.byPerson.clear();
    await this.flushing.catch(() => {});
    await this.listener.stop();
  }
}
