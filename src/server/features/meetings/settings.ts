// How a house meets: its quorum, weekly outside-meeting goal, reminder time and whether it decides by vote.
import { eq } from 'drizzle-orm';
import type { MeetingSettingsView } from '../../../shared/contracts/meetings.ts';
import { localDate } from '../../../shared/domain/dates.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { houseMeetingSettings } from '../../platform/database/schema.ts';
import { currentMembers, residentsOf } from './members.ts';
import type { HouseRef } from './records.ts';

export type MeetingSettingsChanges = Partial<
  Pick<
    typeof houseMeetingSettings.$inferInsert,
    'quorum' | 'weeklyOutsideGoal' | 'reminderMinutes' | 'decidesByVote'
  >
>;

/** A house's settings, with the quorum a majority of its current residents makes when none is set. */
export async function meetingSettingsOf(
  db: Executor,
  actor: Actor,
  house: HouseRef,
): Promise<MeetingSettingsView> {
  const [row] = await db
    .select()
    .from(houseMeetingSettings)
    .where(eq(houseMeetingSettings.residenceId, house.id));
  const residents = residentsOf(
    await currentMembers(db, actor.organizationId, house.id, localDate(house.timeZone)),
  );
  return {
    residenceId: house.id,
    quorum: row?.quorum ?? null,
    weeklyOutsideGoal: row?.weeklyOutsideGoal ?? null,
    reminderMinutes: row?.reminderMinutes ?? 120,
    decidesByVote: row?.decidesByVote ?? true,
    defaultQuorum: Math.floor(residents.length / 2) + 1,
  };
}

export async function changeMeetingSettings(
  db: Executor,
  actor: Actor,
  house: HouseRef,
  changes: MeetingSettingsChanges,
): Promise<MeetingSettingsView> {
  const values = { ...changes, updatedAt: new Date() };
  await db
    .insert(houseMeetingSettings)
    .values({ residenceId: house.id, organizationId: actor.organizationId, ...values })
    .onConflictDoUpdate({ target: houseMeetingSettings.residenceId, set: values });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'meeting_settings.update',
    subjectType: 'residence',
    subjectId: house.id,
  });
  return await meetingSettingsOf(db, actor, house);
}
