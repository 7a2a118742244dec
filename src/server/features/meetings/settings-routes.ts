// How a house meets (quorum, weekly outside-meeting goal, reminder time): its peer leaders and admins.
import { meetingApi } from '../../../shared/contracts/meetings.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { houseToManage } from './records.ts';
import { changeMeetingSettings, meetingSettingsOf } from './settings.ts';

export function meetingSettingsRoutes(app: App): void {
  route(app, meetingApi.settings, {
    policy: 'houseStaff',
    handler: async ({ db, actor, params }) =>
      await meetingSettingsOf(db, actor, await houseToManage(db, actor, params.id)),
  });
  route(app, meetingApi.updateSettings, {
    policy: 'houseStaff',
    handler: async ({ db, actor, params, body }) =>
      await changeMeetingSettings(db, actor, await houseToManage(db, actor, params.id), body),
  });
}
