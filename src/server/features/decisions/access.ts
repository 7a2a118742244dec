// Finding a house meeting (or a house) for one of its current members; everyone else gets "not found".
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { isCurrentMembership } from '../../platform/database/current-membership.ts';
import {
  agendaItems,
  houseMeetingSettings,
  houseMeetings,
  memberships,
  people,
  residences,
} from '../../platform/database/schema.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { isHouseMember } from '../../platform/policies.ts';
import { displayNameOf } from '../people/presenters.ts';

type Reader = Pick<Db, 'select' | 'selectDistinct'>;
export type MeetingForMember = typeof houseMeetings.$inferSelect;

async function denied(db: Db, actor: Actor, action: string, subjectType: string, subjectId: string) {
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action,
    subjectType,
    subjectId,
    outcome: 'denied',
  });
  return notFound(subjectType === 'residence' ? 'residence' : 'meeting');
}

/**
 * The meeting, when the actor is a current member of its house. Another house, another organization, a
 * counselor or an admin: 404, so nothing about the meeting leaks (not even that it exists).
 */
export async function meetingForMember(db: Db, actor: Actor, id: string, action: string) {
  const [meeting] = await db
    .select()
    .from(houseMeetings)
    .where(and(eq(houseMeetings.id, id), eq(houseMeetings.organizationId, actor.organizationId)));
  if (!meeting || !isHouseMember(actor, meeting.residenceId)) {
    throw await denied(db, actor, action, 'house_meeting', id);
  }
  return meeting;
}

/** The house, when the actor is one of its current members (else 404). */
export async function houseForMember(db: Db, actor: Actor, residenceId: string, action: string) {
  const [house] = isHouseMember(actor, residenceId)
    ? await db
        .select({ id: residences.id, name: residences.name, timeZone: residences.timeZone })
        .from(residences)
        .where(and(eq(residences.id, residenceId), eq(residences.organizationId, actor.organizationId)))
    : [];
  if (!house) throw await denied(db, actor, action, 'residence', residenceId);
  return house;
}

const currentMembership = (organizationId: string, residenceId: string) =>
  and(
    eq(memberships.organizationId, organizationId),
    eq(memberships.residenceId, residenceId),
    inArray(memberships.role, ['resident', 'peer_leader']),
    isCurrentMembership(),
  );

/** The house's current residents and peer leaders, as peers see them (display names). */
export async function currentMembers(db: Reader, organizationId: string, residenceId: string) {
  const rows = await db
    .selectDistinct({
      personId: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      nameStyle: people.nameStyle,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(currentMembership(organizationId, residenceId));
  return rows
    .map((p) => ({ personId: p.personId, displayName: displayNameOf(p) }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Members present needed for a vote to count: the house's setting, else a majority of current residents. */
export async function quorumOf(db: Reader, organizationId: string, residenceId: string): Promise<number> {
  const [settings] = await db
    .select({ quorum: houseMeetingSettings.quorum })
    .from(houseMeetingSettings)
    .where(
      and(
        eq(houseMeetingSettings.residenceId, residenceId),
        eq(houseMeetingSettings.organizationId, organizationId),
      ),
    );
  if (settings?.quorum != null) return settings.quorum;
  const [row] = await db
    .select({ residents: sql<number>`count(distinct ${memberships.personId})::int` })
    .from(memberships)
    .where(and(currentMembership(organizationId, residenceId), eq(memberships.role, 'resident')));
  return Math.floor((row?.residents ?? 0) / 2) + 1;
}

/** An agenda item named in a request must belong to this meeting: else a 400 naming agendaItemId. */
export async function assertItemOfMeeting(
  db: Reader,
  organizationId: string,
  meetingId: string,
  agendaItemId: string,
): Promise<void> {
  const [item] = await db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(
      and(
        eq(agendaItems.id, agendaItemId),
        eq(agendaItems.meetingId, meetingId),
        eq(agendaItems.organizationId, organizationId),
      ),
    );
  if (!item) throw invalid('agendaItemId', 'is not an item of this meeting');
}
