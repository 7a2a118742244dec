// House meetings API: validate (the contract) → authorize (policy.ts) → do (the services) → present.
import { meetingApi } from '../../../shared/contracts/meetings.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { forbidden } from '../../platform/errors.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { followUpCommitments } from './agenda.ts';
import {
  addAgendaItem,
  type ItemForViewer,
  orderAgenda,
  removeAgendaItem,
  updateAgendaItem,
} from './agenda-items.ts';
import { listHouseMeetings } from './list.ts';
import { canCreateMeeting } from './policy.ts';
import { namesOf, presentItem, presentSeries } from './presenters.ts';
import { houseForSchedule, houseToManage, seriesToManage } from './records.ts';
import { changeSeries, checkRrule, createMeeting, createSeries } from './schedule.ts';
import {
  assignRoles,
  cancelMeeting,
  closeMeeting,
  markAttendance,
  meetingDetail,
  startMeeting,
} from './service.ts';
import { meetingSettingsRoutes } from './settings-routes.ts';

const presentItemFor = async (db: Executor, actor: Actor, { item, viewer }: ItemForViewer) => {
  const followed = await followUpCommitments(db, [item]);
  const helpers = [...followed.values()].map((c) => c.helperId);
  return presentItem(
    item,
    viewer,
    actor.personId,
    await namesOf(db, [item.authorId, ...helpers]),
    [],
    followed,
  );
};

export function meetingRoutes(app: App): void {
  scheduleRoutes(app);
  meetingLifeRoutes(app);
  agendaRoutes(app);
  meetingSettingsRoutes(app);
}

function scheduleRoutes(app: App): void {
  route(app, meetingApi.listHouse, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, query }) => await listHouseMeetings(db, actor, params.id, query),
  });
  route(app, meetingApi.create, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, body, reply }) => {
      const house = await houseForSchedule(db, actor, params.id);
      if (!canCreateMeeting(actor, house.id, body.kind)) throw forbidden();
      const meeting = await createMeeting(db, actor, house, body);
      reply.status(201);
      return meeting;
    },
  });
  route(app, meetingApi.createSeries, {
    policy: 'houseStaff',
    handler: async ({ db, actor, params, body, reply }) => {
      checkRrule(body.rrule);
      const house = await houseToManage(db, actor, params.id);
      const series = await createSeries(db, actor, house, body);
      reply.status(201);
      return presentSeries(series);
    },
  });
  route(app, meetingApi.updateSeries, {
    policy: 'houseStaff',
    handler: async ({ db, actor, params, body }) => {
      const changes = { ...body, ...(body.rrule === undefined ? {} : { rrule: checkRrule(body.rrule) }) };
      const series = await seriesToManage(db, actor, params.id);
      return presentSeries(await changeSeries(db, actor, series, changes));
    },
  });
  route(app, meetingApi.endSeries, {
    policy: 'houseStaff',
    handler: async ({ db, actor, params }) =>
      presentSeries(await changeSeries(db, actor, await seriesToManage(db, actor, params.id), 'end')),
  });
}

function meetingLifeRoutes(app: App): void {
  route(app, meetingApi.get, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => await meetingDetail(db, actor, params.id),
  });
  route(app, meetingApi.assignRoles, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, body }) => await assignRoles(db, actor, params.id, body),
  });
  route(app, meetingApi.cancel, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => await cancelMeeting(db, actor, params.id),
  });
  route(app, meetingApi.start, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => await startMeeting(db, actor, params.id),
  });
  route(app, meetingApi.close, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => await closeMeeting(db, actor, params.id),
  });
  route(app, meetingApi.markAttendance, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, body }) => await markAttendance(db, actor, params.id, body),
  });
}

function agendaRoutes(app: App): void {
  route(app, meetingApi.addAgendaItem, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, body, reply }) => {
      const added = await addAgendaItem(db, actor, params.id, body);
      reply.status(201);
      return await presentItemFor(db, actor, added);
    },
  });
  route(app, meetingApi.orderAgenda, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, body }) => await orderAgenda(db, actor, params.id, body.itemIds),
  });
  route(app, meetingApi.updateAgendaItem, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, body }) =>
      await presentItemFor(db, actor, await updateAgendaItem(db, actor, params.id, body)),
  });
  route(app, meetingApi.removeAgendaItem, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => {
      await removeAgendaItem(db, actor, params.id);
      return { ok: true as const };
    },
  });
}
