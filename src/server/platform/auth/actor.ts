import type { Role } from '../../../shared/domain/vocabulary.ts';

export type ActiveMembership = { id: string; role: Role; residenceId: string | null };

/** The signed-in person behind a request, with the roles they hold today. */
export type Actor = {
  personId: string;
  organizationId: string;
  sessionId: string;
  language: 'en' | 'es';
  /**
   * The IANA time zone their days are counted in: their own, else their current house's, else UTC. Looked
   * up with the session, and forgotten with it whenever it changes (migration 0015).
   */
  timeZone: string;
  /**
   * Their organization's signal thresholds (a craving at or above, a mood at or below), looked up with the
   * session and forgotten with it whenever they change (migration 0016).
   */
  thresholds: { craving: number; lowMood: number };
  memberships: ActiveMembership[];
};

export const hasRole = (actor: Actor, role: Role) => actor.memberships.some((m) => m.role === role);

export const residencesWithRole = (actor: Actor, role: Role): string[] =>
  actor.memberships.filter((m) => m.role === role && m.residenceId).map((m) => m.residenceId as string);
