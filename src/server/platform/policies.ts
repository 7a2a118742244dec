// The one policy layer, deny by default. Every route names a policy; a route without one cannot start.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RouteAction } from '../../shared/domain/audit-actions.ts';
import { recordAudit } from './audit.ts';
import { type Actor, hasRole, residencesWithRole } from './auth/actor.ts';
import { requireActor } from './auth/sessions.ts';
import { AppError } from './errors.ts';

/** Route-level policies: who may call the route at all. Record-level checks follow in the service. */
export const ROUTE_POLICIES = {
  /** Anyone, signed in or not (sign-in, setup, health, accepting an invitation). */
  public: () => true,
  /** Any signed-in person; the service scopes what they see to themselves. */
  signedIn: (actor: Actor | null) => actor !== null,
  /** Organization admins. */
  orgAdmin: (actor: Actor | null) => actor !== null && hasRole(actor, 'org_admin'),
  /** Admins and peer leaders (e.g. issuing a password-reset code to a housemate). */
  houseStaff: (actor: Actor | null) =>
    actor !== null && (hasRole(actor, 'org_admin') || hasRole(actor, 'peer_leader')),
  /** Residents, peer leaders and alumni: the skills exchange and mentors are between peers. */
  peer: (actor: Actor | null) =>
    actor !== null &&
    (hasRole(actor, 'resident') || hasRole(actor, 'peer_leader') || hasRole(actor, 'alumni')),
} as const;
export type PolicyName = keyof typeof ROUTE_POLICIES;

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: PolicyName;
  }
}

export function registerPolicies(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!url.startsWith('/api')) return;
    const policy = (route.config as { policy?: PolicyName } | undefined)?.policy;
    if (!policy || !(policy in ROUTE_POLICIES)) {
      throw new Error(`Route ${route.method} ${url} names no policy: every API route must name one.`);
    }
  });
  app.addHook('preHandler', async (request) => {
    const policy = request.routeOptions.config.policy;
    if (!policy) return;
    if (policy === 'public') return;
    const actor = requireActor(request);
    if (!ROUTE_POLICIES[policy](actor)) {
      await recordAudit(request.server.db, {
        organizationId: actor.organizationId,
        actorId: actor.personId,
        action: `${request.method} ${request.routeOptions.url}` as RouteAction,
        subjectType: 'route',
        outcome: 'denied',
      });
      throw forbiddenFor(request);
    }
  });
}

function forbiddenFor(_request: FastifyRequest): AppError {
  return new AppError('forbidden', 'You do not have access to this.', undefined, 'request.forbidden');
}

// Record-level rules, used by services after loading the record (always scoped to the organization).

export const isOrgAdmin = (actor: Actor) => hasRole(actor, 'org_admin');

/** A house's residents and peer leaders see their house; admins see every house of their organization. */
export function canViewHouse(actor: Actor, residenceId: string): boolean {
  return (
    isOrgAdmin(actor) ||
    residencesWithRole(actor, 'resident').includes(residenceId) ||
    residencesWithRole(actor, 'peer_leader').includes(residenceId)
  );
}

/**
 * Check-ins and BARC-10 answers belong to the person alone: nobody else reads or changes them, not a
 * peer leader, a counselor (until consent exists) or an admin.
 */
export const isOwnRecord = (actor: Actor, ownerId: string): boolean => actor.personId === ownerId;

/** The houses a peer lives in or leads today (alumni have none): skills, commitments and more use it. */
export const currentHousesOf = (actor: Actor): string[] => [
  ...new Set([...residencesWithRole(actor, 'resident'), ...residencesWithRole(actor, 'peer_leader')]),
];
