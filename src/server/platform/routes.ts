// The one way a route is registered (decision 0027): from its endpoint contract, a route policy and a
// handler. The handler receives the actor already typed by the policy (never null unless `public`),
// and the parsed params, query and body; it returns what its contract answers.
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { z } from 'zod';
import type { BodyOf, EndpointSpec, ParamsOf, QueryOf, ResponseIn } from '../../shared/contracts/endpoint.ts';
import {
  COMMON_REASONS,
  ERROR_CODES,
  type ErrorCode,
  FieldProblemSchema,
} from '../../shared/contracts/errors.ts';
import { LIMIT_REASONS } from '../../shared/contracts/limits.ts';
import { REASONS } from '../../shared/contracts/reasons.ts';
import type { Actor } from './auth/actor.ts';
import { requireActor } from './auth/sessions.ts';
import type { Clock } from './clock.ts';
import type { Db } from './database/connect.ts';
import type { PolicyName } from './policies.ts';
import type { RateLimitName } from './rate-limits.ts';
import type { App } from './types.ts';

export type ActorFor<P extends PolicyName> = P extends 'public' ? Actor | null : Actor;

export type RouteContext<E extends EndpointSpec, P extends PolicyName> = {
  actor: ActorFor<P>;
  params: ParamsOf<E>;
  query: QueryOf<E>;
  body: BodyOf<E>;
  db: Db;
  /** The app's clock: services read the time from it. */
  clock: Clock;
  request: FastifyRequest;
  reply: FastifyReply;
};

export type RouteDefinition<E extends EndpointSpec, P extends PolicyName> = {
  policy: P;
  rateLimit?: RateLimitName;
  bodyLimit?: number;
  /** Sets the status when an endpoint has more than one success answer: `ctx.reply.status(201)`. */
  handler: (
    context: RouteContext<E, P>,
  ) => Promise<ResponseIn<E> | FastifyReply> | ResponseIn<E> | FastifyReply;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The refusals the route's contract declares (the error handler reports any other one). */
    reasons?: ReadonlySet<string>;
  }
}

const COMMON = Object.keys(COMMON_REASONS);

/** The refusals a route may give: its contract's, and those its policy, schemas and limit imply. */
export function reasonsOfRoute(spec: EndpointSpec, policy: PolicyName, rateLimit?: RateLimitName): string[] {
  const implied = [
    'request.internal',
    'request.unavailable',
    ...(spec.params || spec.query || spec.body ? ['request.invalid'] : []),
    ...(spec.body
      ? ['request.invalid_json', 'request.empty_body', 'request.too_large', 'request.not_json']
      : []),
    // Any request Fastify cannot read (a malformed address or header) is a 400.
    'request.not_understood',
    ...(spec.method !== 'GET' ? ['request.csrf_rejected'] : []),
    ...(policy === 'public' ? [] : ['request.not_signed_in', 'request.session_expired', 'request.forbidden']),
    ...(spec.params ? ['request.not_found'] : []),
    ...(rateLimit ? [LIMIT_REASONS[rateLimit]] : []),
  ];
  return [...new Set([...implied, ...(spec.reasons ?? [])])];
}

/** The refusals of a route by HTTP status, each as the error schema with its codes and reasons listed. */
export function errorResponses(reasons: string[]): Record<number, z.ZodType> {
  const byStatus = new Map<number, { codes: Set<ErrorCode>; reasons: string[] }>();
  for (const reason of reasons) {
    const spec = REASONS[reason as keyof typeof REASONS];
    if (!spec)
      throw new Error(`The reason "${reason}" is declared by no area (shared/contracts/reasons.ts).`);
    const status = ERROR_CODES[spec.code];
    const entry = byStatus.get(status) ?? { codes: new Set(), reasons: [] };
    entry.codes.add(spec.code);
    entry.reasons.push(reason);
    byStatus.set(status, entry);
  }
  const out: Record<number, z.ZodType> = {};
  for (const [status, { codes, reasons: listed }] of byStatus) {
    out[status] = z
      .object({
        error: z.object({
          code: z.enum([...codes] as [string, ...string[]]),
          reason: z.enum(listed as [string, ...string[]]),
          message: z.string(),
          fields: z.array(FieldProblemSchema).optional(),
        }),
      })
      .describe(listed.map((r) => `- \`${r}\`: ${REASONS[r as keyof typeof REASONS].message}`).join('\n'));
  }
  return out;
}

/** The success answers in Fastify's shape: a schema, or a media type with no schema to check. */
function successResponses(spec: EndpointSpec): Record<number, unknown> {
  const out: Record<number, unknown> = {};
  for (const [status, answer] of Object.entries(spec.responses)) {
    out[Number(status)] =
      'mediaType' in answer
        ? { description: 'Success', content: { [answer.mediaType as string]: { schema: z.string() } } }
        : answer;
  }
  return out;
}

const operationIds = new WeakMap<App, Set<string>>();

/**
 * Refuses at startup a contract that would make the OpenAPI document unusable to a generator: an
 * operationId that is not camelCase or that another route already has, or a path parameter its
 * params schema does not declare.
 */
function checkContract(app: App, spec: EndpointSpec): void {
  const where = `${spec.method} ${spec.path}`;
  if (!/^[a-z][A-Za-z0-9]*$/.test(spec.operationId))
    throw new Error(`${where}: the operationId "${spec.operationId}" must be camelCase (createCheckIn).`);
  const taken = operationIds.get(app) ?? new Set<string>();
  if (taken.has(spec.operationId))
    throw new Error(`${where}: the operationId "${spec.operationId}" is already another route's.`);
  taken.add(spec.operationId);
  operationIds.set(app, taken);
  const declared = spec.params instanceof z.ZodObject ? Object.keys(spec.params.shape) : [];
  for (const [, name] of spec.path.matchAll(/:(\w+)/g)) {
    if (!declared.includes(name!))
      throw new Error(`${where}: the path parameter "${name}" needs a key in the contract's params.`);
  }
}

export function route<const E extends EndpointSpec, const P extends PolicyName>(
  app: App,
  spec: E,
  definition: RouteDefinition<E, P>,
): void {
  checkContract(app, spec);
  const { policy, rateLimit, bodyLimit, handler } = definition;
  const reasons = reasonsOfRoute(spec, policy, rateLimit);
  const options: RouteOptions = {
    method: spec.method,
    url: spec.path,
    ...(bodyLimit ? { bodyLimit } : {}),
    config: { policy, ...(rateLimit ? { rateLimit } : {}), reasons: new Set([...COMMON, ...reasons]) },
    schema: {
      operationId: spec.operationId,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: [...spec.tags],
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { querystring: spec.query } : {}),
      ...(spec.body ? { body: spec.body } : {}),
      // An answer the contract declares wins over a refusal at the same status (health's 503 is an answer).
      response: { ...errorResponses(reasons), ...successResponses(spec) },
      security: policy === 'public' ? [] : [{ session: [] }],
    },
    handler: async (request: FastifyRequest, reply: FastifyReply) =>
      await handler({
        actor: (policy === 'public' ? request.actor : requireActor(request)) as ActorFor<P>,
        params: request.params as ParamsOf<E>,
        query: request.query as QueryOf<E>,
        body: request.body as BodyOf<E>,
        db: app.db,
        clock: app.clock,
        request,
        reply,
      }),
  };
  app.route(options);
}
