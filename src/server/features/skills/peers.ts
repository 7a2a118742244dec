// The peers of an organization as the skills exchange and mentor matching see them: current residents,
// peer leaders and alumni, their houses, and the choices they made about what others see.
import { sql } from 'drizzle-orm';
import { localDate } from '../../../shared/domain/dates.ts';
import { formatDisplayName } from '../../../shared/domain/display-name.ts';
import { type Stage, stageOf } from '../../../shared/domain/stages.ts';
import type { Language, NameStyle, RecoveryPathway } from '../../../shared/domain/vocabulary.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { canSeeRecoveryTime } from '../journey/policy.ts';

type Executor = Pick<Db, 'execute'>;

export type Peer = {
  personId: string;
  displayName: string;
  language: Language;
  /** Houses they live in or lead today. */
  residenceIds: string[];
  /** Programs of the houses they belong to (an alumnus: the house they are an alumnus of). */
  programIds: string[];
  /** An alumnus with no current house. */
  alumni: boolean;
  /** Their first move-in in this organization. */
  movedInOn: string | null;
  skillsVisibleTo: 'house' | 'organization';
  openToMentoring: boolean;
  pathway: RecoveryPathway | null;
  pathwayVisibleTo: string;
  stageVisibleTo: string;
  /** Their level of recovery today, before anyone asks who may see it (see visibleStage). */
  stage: Stage | null;
};

type Row = {
  id: string;
  first_name: string;
  last_name: string;
  name_style: string;
  language: string;
  recovery_pathway: string | null;
  pathway_visible_to: string;
  stage_visible_to: string;
  recovery_starts_on: string | null;
  time_zone: string | null;
  residence_ids: string[];
  program_ids: string[];
  alumni: boolean;
  moved_in_on: string | null;
  skills_visible_to: string | null;
  open_to_mentoring: boolean | null;
};

/**
 * Peers of the organization today (everyone with a current resident, peer leader or alumni membership),
 * or only those among `personIds`.
 */
export async function loadPeers(
  db: Executor,
  organizationId: string,
  personIds?: readonly string[],
): Promise<Peer[]> {
  const only = personIds ? sql`and p.id = any(${`{${[...new Set(personIds)].join(',')}}`}::uuid[])` : sql``;
  if (personIds && personIds.length === 0) return [];
  const result = await db.execute<Row>(sql`
    with current_m as (
      select m.person_id, m.role, m.residence_id from memberships m
      where m.organization_id = ${organizationId} and m.role in ('resident', 'peer_leader', 'alumni')
        and hearth_membership_current(m)
    )
    select p.id, p.first_name, p.last_name, p.name_style, p.language, p.recovery_pathway,
      p.pathway_visible_to, p.stage_visible_to, p.recovery_starts_on::text as recovery_starts_on,
      coalesce(p.time_zone, (select r.time_zone from residences r where r.id = min(cm.residence_id::text)::uuid), 'UTC') as time_zone,
      coalesce(array_agg(distinct cm.residence_id) filter (where cm.role in ('resident', 'peer_leader')), '{}') as residence_ids,
      coalesce((select array_agg(distinct rp.program_id) from residence_programs rp
        where rp.organization_id = ${organizationId}
          and rp.residence_id = any(array_agg(cm.residence_id) filter (where cm.residence_id is not null))), '{}') as program_ids,
      not bool_or(cm.role in ('resident', 'peer_leader')) as alumni,
      (select min(m2.starts_on)::text from memberships m2 where m2.person_id = p.id
        and m2.organization_id = ${organizationId} and m2.role in ('resident', 'peer_leader')) as moved_in_on,
      s.skills_visible_to, s.open_to_mentoring
    from people p
    join current_m cm on cm.person_id = p.id
    left join peer_settings s on s.person_id = p.id
    where p.organization_id = ${organizationId} ${only}
    group by p.id, s.skills_visible_to, s.open_to_mentoring`);
  return result.rows.map((r) => ({
    personId: r.id,
    displayName: formatDisplayName(r.first_name, r.last_name, r.name_style as NameStyle),
    language: r.language as Language,
    residenceIds: r.residence_ids,
    programIds: r.program_ids,
    alumni: r.alumni,
    movedInOn: r.moved_in_on,
    skillsVisibleTo: r.skills_visible_to === 'organization' ? 'organization' : 'house',
    openToMentoring: r.open_to_mentoring ?? false,
    pathway: r.recovery_pathway as RecoveryPathway | null,
    pathwayVisibleTo: r.pathway_visible_to,
    stageVisibleTo: r.stage_visible_to,
    stage: r.recovery_starts_on ? stageOf(r.recovery_starts_on, localDate(r.time_zone ?? 'UTC')) : null,
  }));
}

/** One peer of the actor's organization, or null. */
export async function loadPeer(db: Executor, organizationId: string, personId: string) {
  const [peer] = await loadPeers(db, organizationId, [personId]);
  return peer ?? null;
}

const ownerOf = (p: Peer) => ({ personId: p.personId, residenceIds: p.residenceIds });

/** Their level of recovery as the viewer may know it (their choice: people.stage_visible_to). */
export const visibleStage = (viewer: Actor, p: Peer): Stage | null =>
  canSeeRecoveryTime(viewer, ownerOf(p), p.stageVisibleTo) ? p.stage : null;

/** Their recovery pathway as the viewer may know it (the same audiences as their profile). */
export const visiblePathway = (viewer: Actor, p: Peer): RecoveryPathway | null =>
  canSeeRecoveryTime(viewer, ownerOf(p), p.pathwayVisibleTo) ? p.pathway : null;

export const peerRef = (p: { personId: string; displayName: string }) => ({
  personId: p.personId,
  displayName: p.displayName,
});
