// Outside meetings: the directory, attendance, the peer leader's counts, import, and the public feed.
import { outsideMeetingsApi } from '../../../shared/contracts/outside-meetings.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { publicFeedRoute } from './feed-route.ts';
import { FEED_MAX_BYTES, importFromInput } from './import.ts';
import { canAddOutsideMeeting, canCurateDirectory } from './policy.ts';
import { presentAttendance, presentOutsideMeeting } from './presenters.ts';
import {
  createOutsideMeeting,
  deleteOutsideMeeting,
  feedSettingsFor,
  houseAttendance,
  listOutsideMeetings,
  logAttendance,
  myAttendance,
  removeAttendance,
  updateFeedSettings,
  updateOutsideMeeting,
} from './service.ts';

export function outsideMeetingRoutes(app: App): void {
  route(app, outsideMeetingsApi.list, {
    policy: 'signedIn',
    handler: async ({ db, actor, query }) => ({
      meetings: (await listOutsideMeetings(db, actor, query)).map(presentOutsideMeeting),
      canAdd: canAddOutsideMeeting(actor),
      canCurate: canCurateDirectory(actor),
      ...(await feedSettingsFor(db, actor)),
    }),
  });
  route(app, outsideMeetingsApi.updateFeedSettings, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, body }) => await updateFeedSettings(db, actor, body),
  });
  route(app, outsideMeetingsApi.create, {
    policy: 'houseStaff',
    handler: async ({ db, actor, body, reply }) => {
      const meeting = await createOutsideMeeting(db, actor, body);
      reply.status(201);
      return presentOutsideMeeting(meeting);
    },
  });
  route(app, outsideMeetingsApi.update, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, params, body }) =>
      presentOutsideMeeting(await updateOutsideMeeting(db, actor, params.id, body)),
  });
  route(app, outsideMeetingsApi.remove, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, params }) => {
      await deleteOutsideMeeting(db, actor, params.id);
      return { ok: true as const };
    },
  });
  route(app, outsideMeetingsApi.importFeed, {
    policy: 'orgAdmin',
    // A feed of thousands of meetings is larger than an ordinary request.
    bodyLimit: FEED_MAX_BYTES + 200_000,
    handler: async ({ db, actor, body }) => {
      const policy = { ...app.outbound, allowPrivate: app.config.importAllowPrivateHosts === true };
      return await importFromInput(db, actor, body, policy);
    },
  });

  route(app, outsideMeetingsApi.myAttendance, {
    policy: 'signedIn',
    handler: async ({ db, actor }) => {
      const mine = await myAttendance(db, actor);
      return { ...mine, recent: mine.recent.map(presentAttendance) };
    },
  });
  route(app, outsideMeetingsApi.logAttendance, {
    policy: 'signedIn',
    handler: async ({ db, actor, body, reply }) => {
      const entry = await logAttendance(db, actor, body);
      reply.status(201);
      return presentAttendance(entry);
    },
  });
  route(app, outsideMeetingsApi.removeAttendance, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => {
      await removeAttendance(db, actor, params.id);
      return { ok: true as const };
    },
  });
  route(app, outsideMeetingsApi.houseAttendance, {
    policy: 'houseStaff',
    handler: async ({ db, actor, params, query }) => await houseAttendance(db, actor, params.id, query.weeks),
  });

  publicFeedRoute(app);
}
