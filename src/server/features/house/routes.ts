import { IdParamsSchema } from '../../../shared/contracts/common.ts';
import { type House, HouseSchema, MyHousesSchema } from '../../../shared/contracts/residences.ts';
import { localDate } from '../../../shared/domain/dates.ts';
import { type Stage, stageOf } from '../../../shared/domain/stages.ts';
import type { Audience, ProgramFocus } from '../../../shared/domain/vocabulary.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { residencesWithRole } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/database/connect.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { canViewHouse, isOrgAdmin } from '../../platform/policies.ts';
import type { App } from '../../platform/types.ts';
import { canSeeRecoveryTime } from '../journey/policy.ts';
import { displayNameOf } from '../people/presenters.ts';

/** One row per current resident or peer-leader membership of a house; a house without any gives one row of nulls. */
type HouseRow = {
  residence_id: string;
  name: string;
  address: string;
  narr_level: number;
  program_focus: string[];
  bed_capacity: number;
  role: 'resident' | 'peer_leader' | null;
  starts_on: string | null;
  bed: string | null;
  person_id: string | null;
  first_name: string;
  last_name: string;
  name_style: string;
  pronouns: string | null;
  pronouns_visible_to: string;
  recovery_pathway: string | null;
  pathway_visible_to: string;
  stage_visible_to: string;
  /**
   * The start of the person's first clock's current stretch (people.recovery_starts_on, kept by triggers
   * on every clock and stretch write), and their zone (else the house's).
   */
  recovery_starts_on: string | null;
  person_time_zone: string | null;
  time_zone: string;
};
type MemberRow = HouseRow & { role: 'resident' | 'peer_leader'; starts_on: string; person_id: string };

/** Shown to a viewer when the person's chosen audience includes them. */
function visible(audience: string, viewerInHouse: boolean, isSelf: boolean): boolean {
  if (isSelf) return true;
  const a = audience as Audience;
  return a === 'organization' || (a === 'house' && viewerInHouse);
}

/** Their stage, when their stage audience includes the viewer (the same rule as their recovery time). */
function visibleStage(row: MemberRow, actor: Actor, todayIn: (timeZone: string) => string): Stage | null {
  if (!row.recovery_starts_on) return null;
  const owner = { personId: row.person_id, residenceIds: [row.residence_id] };
  if (!canSeeRecoveryTime(actor, owner, row.stage_visible_to)) return null;
  return stageOf(row.recovery_starts_on, todayIn(row.person_time_zone ?? row.time_zone));
}

/** Today in each time zone, found once per request (housemates mostly share their house's zone). */
function todayFinder(now: Date): (timeZone: string) => string {
  const found = new Map<string, string>();
  return (timeZone) => {
    let today = found.get(timeZone);
    if (today === undefined) {
      today = localDate(timeZone, now);
      found.set(timeZone, today);
    }
    return today;
  };
}

/** What one person shows to a housemate (or an admin): their display name, and only what they chose. */
function presentHousemate(
  row: MemberRow,
  actor: Actor,
  viewerInHouse: boolean,
  todayIn: (timeZone: string) => string,
) {
  const isMe = row.person_id === actor.personId;
  return {
    personId: row.person_id,
    displayName: displayNameOf({
      firstName: row.first_name,
      lastName: row.last_name,
      nameStyle: row.name_style,
    }),
    pronouns: visible(row.pronouns_visible_to, viewerInHouse, isMe) ? row.pronouns : null,
    recoveryPathway: visible(row.pathway_visible_to, viewerInHouse, isMe) ? row.recovery_pathway : null,
    stage: visibleStage(row, actor, todayIn),
    isMe,
  };
}

/**
 * The houses with their current residents and peer leaders. This is the hottest read of the app (every
 * resident's home screen), so it is one prepared statement with only the columns shown, not an ORM query
 * built per request. A person's resident membership sorts before their peer-leader one (it has the bed).
 */
const HOUSES_QUERY = `select r.id as residence_id, r.name, r.address, r.narr_level, r.program_focus, r.bed_capacity,
    m.role, m.starts_on, m.bed, p.id as person_id, p.first_name, p.last_name, p.name_style,
    p.pronouns, p.pronouns_visible_to, p.recovery_pathway, p.pathway_visible_to,
    p.stage_visible_to, p.time_zone as person_time_zone, r.time_zone, p.recovery_starts_on
  from residences r
  left join (memberships m join people p on p.id = m.person_id)
    on m.residence_id = r.id and m.organization_id = r.organization_id
    and m.role in ('resident', 'peer_leader')
    and hearth_membership_current(m)
  where r.organization_id = $1 and r.id = any($2::uuid[])
  order by p.first_name, m.role desc, p.id`;

async function loadHouses(db: Db, actor: Actor, residenceIds: string[]): Promise<House[]> {
  if (residenceIds.length === 0) return [];
  const { rows } = await db.$client.query<HouseRow>({
    name: 'hearth_load_houses',
    text: HOUSES_QUERY,
    values: [actor.organizationId, residenceIds],
  });
  const houses = new Map<string, { house: HouseRow; members: MemberRow[] }>();
  for (const row of rows) {
    const entry = houses.get(row.residence_id) ?? { house: row, members: [] };
    houses.set(row.residence_id, entry);
    if (row.person_id) entry.members.push(row as MemberRow);
  }
  const mine = new Set([
    ...residencesWithRole(actor, 'resident'),
    ...residencesWithRole(actor, 'peer_leader'),
  ]);
  const todayIn = todayFinder(new Date());
  return [...houses.values()]
    .sort((a, b) => a.house.name.localeCompare(b.house.name))
    .map(({ house: r, members }) => {
      const inHouse = mine.has(r.residence_id);
      const own = members.find((m) => m.person_id === actor.personId);
      return {
        residence: {
          id: r.residence_id,
          name: r.name,
          address: r.address,
          narrLevel: r.narr_level,
          programFocus: r.program_focus as ProgramFocus[],
          bedCapacity: r.bed_capacity,
        },
        peerLeaders: members
          .filter((m) => m.role === 'peer_leader')
          .map((m) => presentHousemate(m, actor, inHouse, todayIn)),
        residents: members
          .filter((m) => m.role === 'resident')
          .map((m) => presentHousemate(m, actor, inHouse, todayIn)),
        myMembership: own ? { role: own.role, startsOn: own.starts_on, bed: own.bed } : null,
      };
    });
}

export function houseRoutes(app: App): void {
  app.get(
    '/api/house',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'My house (or houses I lead): who lives there and who the peer leader is',
        tags: ['house'],
        response: { 200: MyHousesSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const ids = [
        ...new Set([...residencesWithRole(actor, 'resident'), ...residencesWithRole(actor, 'peer_leader')]),
      ];
      return { houses: await loadHouses(app.db, actor, ids) };
    },
  );

  app.get(
    '/api/residences/:id/house',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: "A house's residents and peer leaders (its members and admins)",
        tags: ['house'],
        params: IdParamsSchema,
        response: { 200: HouseSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!canViewHouse(actor, request.params.id)) {
        await recordAudit(app.db, {
          organizationId: actor.organizationId,
          actorId: actor.personId,
          action: 'house.read',
          subjectType: 'residence',
          subjectId: request.params.id,
          outcome: 'denied',
        });
        throw isOrgAdmin(actor) ? notFound('residence') : forbidden();
      }
      const [house] = await loadHouses(app.db, actor, [request.params.id]);
      if (!house) throw notFound('residence');
      if (isOrgAdmin(actor)) {
        await recordAudit(app.db, {
          organizationId: actor.organizationId,
          actorId: actor.personId,
          action: 'house.read',
          subjectType: 'residence',
          subjectId: house.residence.id,
        });
      }
      return house;
    },
  );
}
