// How a house meets (quorum, weekly outside-meeting goal, reminder time). My in-app notifications moved
// to features/notifications.
import { eq } from 'drizzle-orm';
import { IdParamsSchema } from '../../../shared/contracts/common.ts';
import { MeetingSettingsSchema, MeetingSettingsUpdateSchema } from '../../../shared/contracts/meetings.ts';
import { localDate } from '../../../shared/domain/dates.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import { houseMeetingSettings } from '../../platform/database/schema.ts';
import type { App } from '../../platform/types.ts';
import { houseForSchedule, houseToManage } from './access.ts';
import { currentMembers, residentsOf } from './members.ts';

const tags = ['meetings'];

async function settingsOf(app: App, actor: Actor, residenceId: string) {
  const [row] = await app.db
    .select()
    .from(houseMeetingSettings)
    .where(eq(houseMeetingSettings.residenceId, residenceId));
  const house = await houseForSchedule(app.db, actor, residenceId);
  const residents = residentsOf(
    await currentMembers(app.db, actor.organizationId, residenceId, localDate(house.timeZone)),
  );
  return {
    residenceId,
    quorum: row?.quorum ?? null,
    weeklyOutsideGoal: row?.weeklyOutsideGoal ?? null,
    reminderMinutes: row?.reminderMinutes ?? 120,
    decidesByVote: row?.decidesByVote ?? true,
    defaultQuorum: Math.floor(residents.length / 2) + 1,
  };
}

export function meetingSettingsRoutes(app: App): void {
  app.get(
    '/api/residences/:id/meeting-settings',
    {
      config: { policy: 'houseStaff' },
      schema: {
        summary: 'How a house meets: quorum, weekly outside-meeting goal, reminder time (peer leader, admin)',
        tags,
        params: IdParamsSchema,
        response: { 200: MeetingSettingsSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const house = await houseToManage(app.db, actor, request.params.id);
      return await settingsOf(app, actor, house.id);
    },
  );

  app.patch(
    '/api/residences/:id/meeting-settings',
    {
      config: { policy: 'houseStaff' },
      schema: {
        summary: 'Change how a house meets (peer leader, admin)',
        tags,
        params: IdParamsSchema,
        body: MeetingSettingsUpdateSchema,
        response: { 200: MeetingSettingsSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const house = await houseToManage(app.db, actor, request.params.id);
      const changes = { ...request.body, updatedAt: new Date() };
      await app.db
        .insert(houseMeetingSettings)
        .values({ residenceId: house.id, organizationId: actor.organizationId, ...changes })
        .onConflictDoUpdate({ target: houseMeetingSettings.residenceId, set: changes });
      await recordAudit(app.db, {
        organizationId: actor.organizationId,
        actorId: actor.personId,
        action: 'meeting_settings.update',
        subjectType: 'residence',
        subjectId: house.id,
      });
      return await settingsOf(app, actor, house.id);
    },
  );
}
