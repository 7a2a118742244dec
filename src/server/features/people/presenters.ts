import type { Me, MembershipView, PersonSummary } from '../../../shared/contracts/people.ts';
import { formatDisplayName } from '../../../shared/domain/display-name.ts';
import type { Stage } from '../../../shared/domain/stages.ts';
import type { NameStyle, RecoveryPathway, Role } from '../../../shared/domain/vocabulary.ts';
import { isCurrentAt } from '../../platform/database/current-membership.ts';
import type { memberships, organizations, people } from '../../platform/database/schema.ts';

type PersonRow = typeof people.$inferSelect;
type MembershipRow = typeof memberships.$inferSelect & { residenceName: string | null };

/** `current`: held at `now`, by the one rule of decision 0022. */
export function presentMembership(m: MembershipRow, now: Date): MembershipView {
  return {
    id: m.id,
    role: m.role as Role,
    residenceId: m.residenceId,
    residenceName: m.residenceName,
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    bed: m.bed,
    current: isCurrentAt(m, now),
  };
}

export const displayNameOf = (p: Pick<PersonRow, 'firstName' | 'lastName' | 'nameStyle'>) =>
  formatDisplayName(p.firstName, p.lastName, p.nameStyle as NameStyle);

/** Everything about myself, for myself. Never the password hash. */
export function presentMe(
  p: PersonRow,
  org: typeof organizations.$inferSelect,
  ms: MembershipView[],
  stage: Stage | null,
): Me {
  return {
    id: p.id,
    organization: { id: org.id, name: org.name, slug: org.slug },
    username: p.username,
    email: p.email,
    firstName: p.firstName,
    lastName: p.lastName,
    displayName: displayNameOf(p),
    pronouns: p.pronouns,
    language: p.language as 'en' | 'es',
    recoveryPathway: p.recoveryPathway as RecoveryPathway | null,
    timeZone: p.timeZone,
    privacy: {
      nameStyle: p.nameStyle as NameStyle,
      pronounsVisibleTo: p.pronounsVisibleTo as Me['privacy']['pronounsVisibleTo'],
      pathwayVisibleTo: p.pathwayVisibleTo as Me['privacy']['pathwayVisibleTo'],
      stageVisibleTo: p.stageVisibleTo as Me['privacy']['stageVisibleTo'],
    },
    stage,
    memberships: ms,
    roles: [...new Set(ms.filter((m) => m.current).map((m) => m.role))],
    welcome: p.welcomedAt === null && ms.some((m) => m.current && m.role === 'resident'),
  };
}

/** An organization admin's view: names and roles, no recovery details. */
export function presentPersonForAdmin(p: PersonRow, ms: MembershipView[]): PersonSummary {
  return {
    id: p.id,
    displayName: displayNameOf(p),
    firstName: p.firstName,
    lastName: p.lastName,
    username: p.username,
    language: p.language as 'en' | 'es',
    memberships: ms,
  };
}
