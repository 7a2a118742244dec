// Who may do what to a person's records (decision 0027): one place for the people area's rules.
import type { Role } from '../../../shared/domain/vocabulary.ts';
import { type Actor, hasRole, residencesWithRole } from '../../platform/auth/actor.ts';

/** An admin may reset anyone's password; a peer leader only for people living in their house. */
export function canIssueResetCode(actor: Actor, targetResidenceIds: readonly string[]): boolean {
  if (hasRole(actor, 'org_admin')) return true;
  const led = residencesWithRole(actor, 'peer_leader');
  return targetResidenceIds.some((r) => led.includes(r));
}

/** An admin never ends their own admin role: another admin does, so an organization keeps one. */
export const canEndRole = (actor: Pick<Actor, 'personId'>, role: { role: string; personId: string }) =>
  !(role.role === 'org_admin' && role.personId === actor.personId);

/** Residents and peer leaders belong to a house; alumni may; admins and counselors never do. */
export type ResidenceRule = 'required' | 'optional' | 'not_allowed';
export function residenceRuleOf(role: Role): ResidenceRule {
  if (role === 'resident' || role === 'peer_leader') return 'required';
  return role === 'alumni' ? 'optional' : 'not_allowed';
}

/** The roles a person holds at most once at a time (one house to live in, one admin role, …). */
export const isHeldOnce = (role: Role) => role === 'resident' || role === 'org_admin' || role === 'counselor';
