// Sessions: a random opaque token in an httpOnly cookie, only its hash in the database.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_THRESHOLDS } from '../../../shared/domain/check-in.ts';
import type { Db } from '../database/connect.ts';
import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';
import { hashToken, newToken } from './secrets.ts';

export const SESSION_COOKIE = 'hearth_session';
const TOUCH_AFTER_MS = 60 * 60 * 1000;

/**
 * The time zone of the house a person (`p`, a row of people) lives in or leads, for their day when they
 * have none of their own: a current membership first, a house they live in before one they lead, the
 * newest first; one that began or ended within a day still counts (moving in tomorrow, out yesterday).
 */
const HOUSE_TIME_ZONE_SQL = `select r.time_zone from memberships m join residences r on r.id = m.residence_id
        where m.organization_id = p.organization_id and m.person_id = p.id
          and m.role in ('resident', 'peer_leader')
          and m.starts_at <= now() + interval '1 day' and (m.ends_at is null or m.ends_at > now() - interval '1 day')
        order by hearth_membership_current(m) desc, (m.role = 'resident') desc, m.starts_on desc limit 1`;

/**
 * The next moment one of the person's memberships starts or ends: a remembered lookup is forgotten then,
 * so a scheduled move-in or move-out takes effect on time without anything announcing it.
 */
const NEXT_MEMBERSHIP_CHANGE_SQL = `select min(t) from memberships m
        cross join lateral (values (m.starts_at), (m.ends_at)) as change(t)
        where m.organization_id = p.organization_id and m.person_id = p.id and t > now()`;

type SessionRow = {
  session_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  last_seen_at: Date;
  person_id: string;
  organization_id: string;
  language: 'en' | 'es';
  time_zone: string;
  craving_threshold: number;
  low_mood_threshold: number;
  memberships: Actor['memberships'];
  next_membership_change_at: Date | null;
};

export type SessionLookup =
  | { state: 'none' }
  | { state: 'expired' }
  | {
      state: 'active';
      actor: Actor;
      lastSeenAt: Date;
      expiresAt?: Date;
      /** When one of the person's roles next starts or ends (their roles then differ from `actor`'s). */
      rolesChangeAt?: Date | null;
    };

/** One query: the session, its person and the roles they hold today. */
/** `now`: the app's clock (a test moves it); the realtime hub asks on the system clock. */
export async function lookUpSession(db: Db, token: string, now: Date = new Date()): Promise<SessionLookup> {
  const { rows } = await db.$client.query<SessionRow>({
    name: 'hearth_session_lookup',
    text: `select s.id as session_id, s.expires_at, s.revoked_at, s.last_seen_at,
        p.id as person_id, p.organization_id, p.language,
        coalesce(p.time_zone, (${HOUSE_TIME_ZONE_SQL}), 'UTC') as time_zone,
        coalesce(os.craving_threshold, ${DEFAULT_THRESHOLDS.cravingThreshold}) as craving_threshold,
        coalesce(os.low_mood_threshold, ${DEFAULT_THRESHOLDS.lowMoodThreshold}) as low_mood_threshold,
        coalesce((select json_agg(json_build_object('id', m.id, 'role', m.role, 'residenceId', m.residence_id))
          from memberships m
          where m.organization_id = p.organization_id and m.person_id = p.id
            and hearth_membership_current(m)), '[]'::json) as memberships,
        (${NEXT_MEMBERSHIP_CHANGE_SQL}) as next_membership_change_at
      from sessions s join people p on p.id = s.person_id
        left join organization_settings os on os.organization_id = p.organization_id
      where s.token_hash = $1`,
    values: [hashToken(token)],
  });
  const row = rows[0];
  if (!row) return { state: 'none' };
  if (row.revoked_at || row.expires_at.getTime() <= now.getTime()) return { state: 'expired' };
  return {
    state: 'active',
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    rolesChangeAt: row.next_membership_change_at,
    actor: {
      personId: row.person_id,
      organizationId: row.organization_id,
      sessionId: row.session_id,
      language: row.language,
      timeZone: row.time_zone,
      thresholds: { craving: row.craving_threshold, lowMood: row.low_mood_threshold },
      memberships: row.memberships,
    },
  };
}

/** Sliding expiry, written at most once an hour per session so reads stay reads. */
export async function touchSession(
  db: Db,
  sessionId: string,
  lastSeenAt: Date,
  days: number,
  now: Date,
): Promise<boolean> {
  if (now.getTime() - lastSeenAt.getTime() < TOUCH_AFTER_MS) return false;
  await db.$client.query(
    `update sessions set last_seen_at = $3, expires_at = $3::timestamptz + make_interval(days => $2) where id = $1 and revoked_at is null`,
    [sessionId, days, now],
  );
  return true;
}

export async function createSession(
  db: Db,
  person: { id: string; organizationId: string },
  device: string,
  days: number,
  now: Date,
): Promise<string> {
  const token = newToken();
  await db.$client.query(
    `insert into sessions (organization_id, person_id, token_hash, device, expires_at)
     values ($1, $2, $3, $4, $6::timestamptz + make_interval(days => $5))`,
    [person.organizationId, person.id, hashToken(token), device.slice(0, 120), days, now],
  );
  return token;
}

export function setSessionCookie(reply: FastifyReply, token: string, days: number, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: days * 24 * 60 * 60,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/** A short, non-identifying device label ("Chrome on Android") from the user agent. */
export function describeDevice(request: FastifyRequest): string {
  const ua = request.headers['user-agent'] ?? '';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Chrome\//.test(ua)
      ? 'Chrome'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'Browser';
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : 'another system';
  return ua ? `${browser} on ${os}` : 'Unknown device';
}

export function requireActor(request: FastifyRequest): Actor {
  if (request.actor) return request.actor;
  if (request.sessionState === 'expired') {
    throw new AppError(
      'session_expired',
      'Your session has ended. Please sign in again.',
      undefined,
      'request.session_expired',
    );
  }
  throw new AppError('not_signed_in', 'Please sign in first.', undefined, 'request.not_signed_in');
}

export const secureCookies = (publicUrl: string | undefined) => publicUrl?.startsWith('https://') ?? false;

/**
 * This process's memory of session lookups, so a signed-in request costs one database round trip less.
 * An entry lives `ttlMs` (a minute by default). Whatever changes what a session may do — a sign-out, a
 * password reset, a role granted or ended, a new language — is announced by database triggers on the
 * channel `hearth_sessions` at commit, and every process forgets that person's entries
 * (session-invalidation.ts). While that announcement cannot be heard (the listener is connecting or
 * reconnecting), the memory is not used at all: it is only trusted while it can be told (decision 0005).
 * ttlMs = 0 turns it off.
 */
export class SessionCache {
  readonly ttlMs: number;
  /** Entries beyond this are dropped oldest first (20,000 is about 16 MB: people active in one minute). */
  readonly maxEntries: number;
  private readonly entries = new Map<string, { found: SessionLookup; until: number }>();
  /** False until the invalidation listener is listening, and again whenever it is not. */
  private listening = false;
  /**
   * Moves on whenever something is forgotten. A lookup that began before a change was announced may have
   * read the old row; `set` keeps it only if nothing was forgotten since its `stamp()`.
   */
  private generation = 0;
  constructor(ttlMs: number, maxEntries = 20_000) {
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
  }
  get enabled(): boolean {
    return this.ttlMs > 0 && this.listening;
  }
  /** Called by the listener: trusted only while changes can be heard. Going deaf forgets everything. */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.generation++;
    if (!listening) this.entries.clear();
  }
  /** Take before looking a session up in the database; hand it to `set`. */
  stamp(): number {
    return this.generation;
  }
  get(token: string): SessionLookup | null {
    if (!this.enabled) return null;
    const entry = this.entries.get(token);
    if (!entry) return null;
    if (entry.until <= Date.now()) {
      this.entries.delete(token);
      return null;
    }
    return entry.found;
  }
  set(token: string, found: SessionLookup, stamp: number): void {
    if (!this.enabled || stamp !== this.generation) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    // Never remembered past the session's own expiry, nor past the moment one of its roles starts or
    // ends (a scheduled move-out is announced by nobody when it arrives).
    const expires = found.state === 'active' ? (found.expiresAt?.getTime() ?? Infinity) : Infinity;
    const rolesChange = found.state === 'active' ? (found.rolesChangeAt?.getTime() ?? Infinity) : Infinity;
    this.entries.set(token, { found, until: Math.min(Date.now() + this.ttlMs, expires, rolesChange) });
  }
  /** Forgets every cached session of the people of this organization (its settings changed). */
  forgetOrganization(organizationId: string): void {
    this.generation++;
    for (const [token, entry] of this.entries) {
      if (entry.found.state === 'active' && entry.found.actor.organizationId === organizationId)
        this.entries.delete(token);
    }
  }
  /** Forgets every cached session of this person. */
  forgetPerson(personId: string): void {
    this.generation++;
    for (const [token, entry] of this.entries) {
      if (entry.found.state === 'active' && entry.found.actor.personId === personId)
        this.entries.delete(token);
    }
  }
  get size(): number {
    return this.entries.size;
  }
  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
