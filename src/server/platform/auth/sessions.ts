// Sessions: a random opaque token in an httpOnly cookie, only its hash in the database.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_THRESHOLDS } from '../../../shared/domain/check-in.ts';
import type { Db } from '../database/connect.ts';
import { organizationSettings, people, sessions } from '../database/schema.ts';
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

const p = alias(people, 'p');
const os = alias(organizationSettings, 'os');

/**
 * One prepared statement: the session, its person and the roles they hold today. The house's time zone,
 * the roles and their next change are subqueries of the person (`p`), the roles one `json_agg` read.
 */
function lookupStatement(db: Db) {
  return db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      lastSeenAt: sessions.lastSeenAt,
      personId: p.id,
      organizationId: p.organizationId,
      language: p.language,
      timeZone: sql<string>`coalesce(${p.timeZone}, (${sql.raw(HOUSE_TIME_ZONE_SQL)}), 'UTC')`,
      cravingThreshold: sql<number>`coalesce(${os.cravingThreshold}, ${sql.raw(String(DEFAULT_THRESHOLDS.cravingThreshold))})`,
      lowMoodThreshold: sql<number>`coalesce(${os.lowMoodThreshold}, ${sql.raw(String(DEFAULT_THRESHOLDS.lowMoodThreshold))})`,
      memberships: sql<
        Actor['memberships']
      >`coalesce((select json_agg(json_build_object('id', m.id, 'role', m.role, 'residenceId', m.residence_id))
          from memberships m
          where m.organization_id = p.organization_id and m.person_id = p.id
            and hearth_membership_current(m)), '[]'::json)`,
      nextMembershipChangeAt: sql<Date | null>`(${sql.raw(NEXT_MEMBERSHIP_CHANGE_SQL)})`.mapWith(
        (value: string | Date) => new Date(value),
      ),
    })
    .from(sessions)
    .innerJoin(p, eq(p.id, sessions.personId))
    .leftJoin(os, eq(os.organizationId, p.organizationId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare('hearth_session_lookup');
}

/** Sliding expiry: the session's last use and its new end, unless it was revoked meanwhile. */
function touchStatement(db: Db) {
  return db
    .update(sessions)
    .set({
      lastSeenAt: sql`${sql.placeholder('now')}::timestamptz`,
      expiresAt: sql`${sql.placeholder('now')}::timestamptz + make_interval(days => ${sql.placeholder('days')}::int)`,
    })
    .where(and(eq(sessions.id, sql.placeholder('sessionId')), isNull(sessions.revokedAt)))
    .prepare('hearth_session_touch');
}

function createStatement(db: Db) {
  return db
    .insert(sessions)
    .values({
      organizationId: sql.placeholder('organizationId'),
      personId: sql.placeholder('personId'),
      tokenHash: sql.placeholder('tokenHash'),
      device: sql.placeholder('device'),
      expiresAt: sql`${sql.placeholder('now')}::timestamptz + make_interval(days => ${sql.placeholder('days')}::int)`,
    })
    .prepare('hearth_session_create');
}

type Statements = {
  lookup: ReturnType<typeof lookupStatement>;
  touch: ReturnType<typeof touchStatement>;
  create: ReturnType<typeof createStatement>;
};
/** The statements of one database handle (a test's second app has its own), prepared once. */
const prepared = new WeakMap<Db, Statements>();
function statements(db: Db): Statements {
  let found = prepared.get(db);
  if (!found) {
    found = { lookup: lookupStatement(db), touch: touchStatement(db), create: createStatement(db) };
    prepared.set(db, found);
  }
  return found;
}

/** One query: the session, its person and the roles they hold today. */
/** `now`: the app's clock (a test moves it); the realtime hub asks on the system clock. */
export async function lookUpSession(db: Db, token: string, now: Date = new Date()): Promise<SessionLookup> {
  const [row] = await statements(db).lookup.execute({ tokenHash: hashToken(token) });
  if (!row) return { state: 'none' };
  if (row.revokedAt || row.expiresAt.getTime() <= now.getTime()) return { state: 'expired' };
  return {
    state: 'active',
    lastSeenAt: row.lastSeenAt,
    expiresAt: row.expiresAt,
    rolesChangeAt: row.nextMembershipChangeAt,
    actor: {
      personId: row.personId,
      organizationId: row.organizationId,
      sessionId: row.sessionId,
      language: row.language as Actor['language'],
      timeZone: row.timeZone,
      thresholds: { craving: row.cravingThreshold, lowMood: row.lowMoodThreshold },
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
  await statements(db).touch.execute({ sessionId, days, now });
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
  await statements(db).create.execute({
    organizationId: person.organizationId,
    personId: person.id,
    tokenHash: hashToken(token),
    device: device.slice(0, 120),
    days,
    now,
  });
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
