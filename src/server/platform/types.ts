import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from './auth/actor.ts';
import type { SessionCache } from './auth/sessions.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './database/connect.ts';
import type { OutboundHooks } from './outbound.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
    sessionCache: SessionCache;
    /** How requests to outside addresses resolve and check names (tests replace them). */
    outbound: Partial<OutboundHooks>;
    /** Where services and jobs read the time (the system clock; tests move it). */
    clock: Clock;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionState: 'none' | 'expired' | 'active';
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
