// Finding a house meeting (or a house) for one of its current members, by the rules of policy.ts:
// everyone else gets "not found", and the refusal is audited.

import { and, countDistinct, eq, inArray } from 'drizzle-orm';
import type { AuditAction, AuditSubject } from '../../../shared/domain/audit-actions.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { isCurrentMembership } from '../../platform/database/current-membership.ts';
import type { Executor } from '../../platform/database/executor.ts';
import {
  agendaItems,
  houseMeetingSettings,
  houseMeetings,
  memberships,
  people,
  residences,
} from '../../platform/database/schema.ts';
import { type AppError, invalidField, notFound, refuse } from '../../platform/errors.ts';
import { displayNameOf } from '../people/presenters.ts';
import { canRecordAtMeeting, canSeeHouseBusiness, isRecordable } from './policy.ts';

export type MeetingForMember = typeof houseMeetings.$inferSelect & {
  residenceName: string;
  timeZone: string;
};

/**
 * A refusal that reveals nothing (not even that the record exists), audited. The audit is written on
 * the database itself, outside any transaction the caller holds, so it stays when that one rolls back.
 */
export async function deniedAs(
  db: Db,
  actor: Actor,
  action: AuditAction,
  subject: { type: AuditSubject; id: string },
): Promise<AppError> {
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action,
    subjectType: subject.type,
    subjectId: subject.id,
    outcome: 'denied',
  });
  return notFound(
    subject.type === 'residence' ? 'residence' : subject.type === 'motion' ? 'motion' : 'meeting',
  );
}

/**
 * The meeting with its house's name and zone, when the actor is a current member of its house. Another
 * house, another organization, a counselor or an admin: 404.
 */
export async function meetingForMember(
  db: Db,
  actor: Actor,
  id: string,
  action: AuditAction,
): Promise<MeetingForMember> {
  const [row] = await db
    .select({ meeting: houseMeetings, residenceName: residences.name, timeZone: residences.timeZone })
    .from(houseMeetings)
    .innerJoin(residences, eq(residences.id, houseMeetings.residenceId))
    .where(and(eq(houseMeetings.id, id), eq(houseMeetings.organizationId, actor.organizationId)));
  if (!row || !canSeeHouseBusiness(actor, row.meeting.residenceId)) {
    throw await deniedAs(db, actor, action, { type: 'house_meeting', id });
  }
  return { ...row.meeting, residenceName: row.residenceName, timeZone: row.timeZone };
}

/** The house, when the actor is one of its current members (else 404). */
export async function houseForMember(db: Db, actor: Actor, residenceId: string, action: AuditAction) {
  const [house] = canSeeHouseBusiness(actor, residenceId)
    ? await db
        .select({ id: residences.id, name: residences.name, timeZone: residences.timeZone })
        .from(residences)
        .where(and(eq(residences.id, residenceId), eq(residences.organizationId, actor.organizationId)))
    : [];
  if (!house) throw await deniedAs(db, actor, action, { type: 'residence', id: residenceId });
  return house;
}

/** Commitments and motions are recorded by the chair, the secretary or the peer leader, while it runs. */
export function assertRecordable(
  actor: Actor,
  meeting: Pick<MeetingForMember, 'residenceId' | 'chairId' | 'secretaryId' | 'state'>,
  afterClose: boolean,
): void {
  if (!canRecordAtMeeting(actor, meeting)) throw refuse('decisions.not_recorder');
  if (!isRecordable(meeting, afterClose)) throw refuse('decisions.not_in_progress');
}

const currentMembership = (organizationId: string, residenceId: string) =>
  and(
    eq(memberships.organizationId, organizationId),
    eq(memberships.residenceId, residenceId),
    inArray(memberships.role, ['resident', 'peer_leader']),
    isCurrentMembership(),
  );

/** The house's current residents and peer leaders, as peers see them (display names). */
export async function currentMembers(db: Executor, organizationId: string, residenceId: string) {
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
export async function quorumOf(db: Executor, organizationId: string, residenceId: string): Promise<number> {
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
    .select({ residents: countDistinct(memberships.personId) })
    .from(memberships)
    .where(and(currentMembership(organizationId, residenceId), eq(memberships.role, 'resident')));
  return Math.floor((row?.residents ?? 0) / 2) + 1;
}

/** An agenda item named in a request must belong to this meeting: else a 400 naming agendaItemId. */
export async function assertItemOfMeeting(
  db: Executor,
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
  if (!item) {
    throw invalidField('agendaItemId', 'decisions.not_an_item_of_meeting', 'is not an item of this meeting');
  }
}
