// "My house": who lives there and who the peer leader is, each housemate showing only what they chose.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { House } from '../../../shared/contracts/residences.ts';
import { localDate } from '../../../shared/domain/dates.ts';
import { type Stage, stageOf } from '../../../shared/domain/stages.ts';
import type { ProgramFocus } from '../../../shared/domain/vocabulary.ts';
import { recordAudit } from '../../platform/audit.ts';
import { type Actor, residencesWithRole } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { isCurrentMembership } from '../../platform/database/current-membership.ts';
import { memberships, people, residences } from '../../platform/database/schema.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { displayNameOf } from '../people/presenters.ts';
import { canSeeDetail, canSeeStage, canViewHouse, isAuditedRead, refusedAsMissing } from './policy.ts';

/**
 * The houses with their current residents and peer leaders, one row per membership (a house without any
 * gives one row with no person). This is the hottest read of the app (every resident's home screen), so
 * it is one prepared statement with only the columns shown. A person's resident membership sorts before
 * their peer-leader one (it has the bed).
 */
function housesStatement(db: Db) {
  return db
    .select({
      residenceId: residences.id,
      name: residences.name,
      address: residences.address,
      narrLevel: residences.narrLevel,
      programFocus: residences.programFocus,
      bedCapacity: residences.bedCapacity,
      timeZone: residences.timeZone,
      role: memberships.role,
      startsOn: memberships.startsOn,
      bed: memberships.bed,
      personId: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      nameStyle: people.nameStyle,
      pronouns: people.pronouns,
      pronounsVisibleTo: people.pronounsVisibleTo,
      recoveryPathway: people.recoveryPathway,
      pathwayVisibleTo: people.pathwayVisibleTo,
      stageVisibleTo: people.stageVisibleTo,
      /** The start of their first clock's current stretch (kept by triggers on every clock write). */
      recoveryStartsOn: people.recoveryStartsOn,
      personTimeZone: people.timeZone,
    })
    .from(residences)
    .leftJoin(
      memberships,
      and(
        eq(memberships.residenceId, residences.id),
        eq(memberships.organizationId, residences.organizationId),
        inArray(memberships.role, ['resident', 'peer_leader']),
        isCurrentMembership(),
      ),
    )
    .leftJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(residences.organizationId, sql.placeholder('organizationId')),
        sql`${residences.id} = any(${sql.placeholder('residenceIds')}::uuid[])`,
      ),
    )
    .orderBy(asc(people.firstName), desc(memberships.role), asc(people.id))
    .prepare('hearth_load_houses');
}

/** One prepared statement per database handle (a test's second app has its own). */
const prepared = new WeakMap<Db, ReturnType<typeof housesStatement>>();
function housesQuery(db: Db) {
  let statement = prepared.get(db);
  if (!statement) {
    statement = housesStatement(db);
    prepared.set(db, statement);
  }
  return statement;
}

type HouseRow = Awaited<ReturnType<ReturnType<typeof housesStatement>['execute']>>[number];
type MemberRow = HouseRow & { role: string; startsOn: string; personId: string; firstName: string };

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

function stageShown(row: MemberRow, actor: Actor, todayIn: (zone: string) => string): Stage | null {
  if (!row.recoveryStartsOn) return null;
  if (!canSeeStage(actor, row, row.stageVisibleTo ?? 'only_me')) return null;
  return stageOf(row.recoveryStartsOn, todayIn(row.personTimeZone ?? row.timeZone));
}

/** What one person shows to a housemate (or an admin): their display name, and only what they chose. */
function presentHousemate(row: MemberRow, actor: Actor, inHouse: boolean, todayIn: (zone: string) => string) {
  const isMe = row.personId === actor.personId;
  return {
    personId: row.personId,
    displayName: displayNameOf({
      firstName: row.firstName,
      lastName: row.lastName ?? '',
      nameStyle: row.nameStyle ?? 'first_last_initial',
    }),
    pronouns: canSeeDetail(row.pronounsVisibleTo ?? 'only_me', inHouse, isMe) ? row.pronouns : null,
    recoveryPathway: canSeeDetail(row.pathwayVisibleTo ?? 'only_me', inHouse, isMe)
      ? row.recoveryPathway
      : null,
    stage: stageShown(row, actor, todayIn),
    isMe,
  };
}

function presentHouse(
  house: HouseRow,
  members: MemberRow[],
  actor: Actor,
  inHouse: boolean,
  todayIn: (zone: string) => string,
): House {
  const own = members.find((m) => m.personId === actor.personId);
  const withRole = (role: string) =>
    members.filter((m) => m.role === role).map((m) => presentHousemate(m, actor, inHouse, todayIn));
  return {
    residence: {
      id: house.residenceId,
      name: house.name,
      address: house.address,
      narrLevel: house.narrLevel,
      programFocus: house.programFocus as ProgramFocus[],
      bedCapacity: house.bedCapacity,
    },
    peerLeaders: withRole('peer_leader'),
    residents: withRole('resident'),
    myMembership: own ? { role: own.role, startsOn: own.startsOn, bed: own.bed } : null,
  };
}

async function loadHouses(db: Db, actor: Actor, residenceIds: string[]): Promise<House[]> {
  if (residenceIds.length === 0) return [];
  const rows = await housesQuery(db).execute({ organizationId: actor.organizationId, residenceIds });
  const houses = new Map<string, { house: HouseRow; members: MemberRow[] }>();
  for (const row of rows) {
    const entry = houses.get(row.residenceId) ?? { house: row, members: [] };
    houses.set(row.residenceId, entry);
    if (row.personId) entry.members.push(row as MemberRow);
  }
  const mine = new Set(myHouseIds(actor));
  const todayIn = todayFinder(new Date());
  return [...houses.values()]
    .sort((a, b) => a.house.name.localeCompare(b.house.name))
    .map(({ house, members }) => presentHouse(house, members, actor, mine.has(house.residenceId), todayIn));
}

const myHouseIds = (actor: Actor) => [
  ...new Set([...residencesWithRole(actor, 'resident'), ...residencesWithRole(actor, 'peer_leader')]),
];

/** The houses I live in or lead. */
export const myHouses = async (db: Db, actor: Actor): Promise<House[]> =>
  await loadHouses(db, actor, myHouseIds(actor));

/** One house, for its members and the organization's admins (whose reads are audited). */
export async function houseFor(db: Db, actor: Actor, residenceId: string): Promise<House> {
  const audit = {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'house.read' as const,
    subjectType: 'residence' as const,
    subjectId: residenceId,
  };
  if (!canViewHouse(actor, residenceId)) {
    await recordAudit(db, { ...audit, outcome: 'denied' });
    throw refusedAsMissing(actor) ? notFound('residence') : forbidden();
  }
  const [house] = await loadHouses(db, actor, [residenceId]);
  if (!house) throw notFound('residence');
  if (isAuditedRead(actor)) await recordAudit(db, audit);
  return house;
}
