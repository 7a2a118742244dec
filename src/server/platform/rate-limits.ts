// Request limits where a flood hurts people, counted in PostgreSQL so every instance shares them
// (decision 0025). A route names its limit next to its policy: `config: { policy, rateLimit: 'chatMessage' }`.
import crypto from 'node:crypto';
import { lt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LIMIT_REASONS, type LimitReason } from '../../shared/contracts/limits.ts';
import { REASONS } from '../../shared/contracts/reasons.ts';
import type { Executor } from './database/executor.ts';
import { rateLimitCounters } from './database/schema.ts';
import { AppError } from './errors.ts';

type Limit = { max: number; windowSeconds: number; reason: LimitReason };

/** Each limit counts per signed-in person, or per address when signed out. */
export const RATE_LIMITS = {
  /** A fast typist sends a message every two seconds at most; a script sends dozens a second. */
  chatMessage: {
    max: 40,
    windowSeconds: 60,
    reason: LIMIT_REASONS.chatMessage,
  },
  /** Each request or offer notifies its whole audience (a house at least). */
  supportPost: {
    max: 10,
    windowSeconds: 60 * 60,
    reason: LIMIT_REASONS.supportPost,
  },
  /** An admin inviting a whole house at once stays far below it. */
  invitation: {
    max: 100,
    windowSeconds: 60 * 60,
    reason: LIMIT_REASONS.invitation,
  },
  /** Looking up or accepting an invitation code: a house joining together on one network stays below it. */
  invitationCode: {
    max: 30,
    windowSeconds: 15 * 60,
    reason: LIMIT_REASONS.invitationCode,
  },
  /**
   * New "reach out now" alerts (not the taps that find an open one): someone in real trouble twice in an
   * hour, or after an accidental tap and "I'm okay", is far below it. Counted only when an alert is made.
   */
  reachOutAlert: {
    max: 3,
    windowSeconds: 20 * 60,
    reason: LIMIT_REASONS.reachOutAlert,
  },
} as const satisfies Record<string, Limit>;
export type RateLimitName = keyof typeof RATE_LIMITS;

declare module 'fastify' {
  interface FastifyContextConfig {
    rateLimit?: RateLimitName;
  }
}

/** A refused request: 429 with the seconds to wait (sent as Retry-After). */
export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(reason: LimitReason, retryAfterSeconds: number) {
    super('too_many_requests', REASONS[reason].message, undefined, reason);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

const subjectKey = (name: string, subject: string) =>
  crypto.createHash('sha256').update(`${name}:${subject}`).digest('hex');

/**
 * Counts one request of `subject` against the limit, in a fixed window, and throws RateLimitedError past
 * it. Inside a transaction, a request that is refused (or fails) later counts for nothing.
 */
export async function consumeRateLimit(
  db: Executor,
  name: RateLimitName,
  subject: string,
  factor = 1,
): Promise<void> {
  const limit: Limit = RATE_LIMITS[name];
  const window = limit.windowSeconds;
  // An upsert that counts and answers in one statement: on conflict … returning.
  const { rows } = await db.execute<{ hits: number; retry_after: number }>(sql`
    insert into rate_limit_counters as c (key, window_start, hits, expires_at)
    values (${subjectKey(name, subject)}, to_timestamp(floor(extract(epoch from now()) / ${window}) * ${window}), 1,
            to_timestamp(floor(extract(epoch from now()) / ${window}) * ${window} + ${window}))
    on conflict (key, window_start) do update set hits = c.hits + 1
    returning c.hits, extract(epoch from c.expires_at - now())::float8 as retry_after`);
  const row = rows[0]!;
  if (row.hits > limit.max * factor) throw new RateLimitedError(limit.reason, row.retry_after);
  // Old windows go now and then; no job needed, and the table stays small.
  if (Math.random() < 0.01)
    await db.delete(rateLimitCounters).where(lt(rateLimitCounters.expiresAt, sql`now()`));
}

/** Who a request counts for: the signed-in person, or the address of someone signed out. */
export const rateLimitSubject = (request: FastifyRequest) =>
  request.actor ? `person:${request.actor.personId}` : `address:${request.ip}`;

export function registerRateLimits(app: FastifyInstance): void {
  const factor = app.config.rateLimitFactor ?? 1;
  app.addHook('onRoute', (route) => {
    const name = (route.config as { rateLimit?: string } | undefined)?.rateLimit;
    if (name !== undefined && !(name in RATE_LIMITS))
      throw new Error(`Route ${route.method} ${route.url} names an unknown rate limit "${name}".`);
  });
  // After the policy's preHandler (registered first): a refused caller is counted by who they are.
  app.addHook('preHandler', async (request) => {
    const name = request.routeOptions.config.rateLimit;
    if (name) await consumeRateLimit(app.db, name, rateLimitSubject(request), factor);
  });
  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
  });
}
