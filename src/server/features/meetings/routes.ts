// House meetings API: validate → authorize → do → present, in that order in every handler.
import { and, eq } from 'drizzle-orm';
import { IdParamsSchema, OkSchema } from '../../../shared/contracts/common.ts';
import {
  AgendaItemSchema,
  AgendaItemUpdateSchema,
  AgendaOrderSchema,
  AttendanceInputSchema,
  HouseMeetingsQuerySchema,
  HouseMeetingsSchema,
  MeetingDetailSchema,
  MeetingUpdateSchema,
  NewAgendaItemSchema,
  NewMeetingSchema,
  SeriesInputSchema,
  SeriesSchema,
  SeriesUpdateSchema,
} from '../../../shared/contracts/meetings.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import { agendaItems as agendaItemsTable, houseMeetingSeries } from '../../platform/database/schema.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/types.ts';
import {
  canManageSchedule,
  houseForSchedule,
  houseToManage,
  isHouseMember,
  meetingForViewer,
} from './access.ts';
import { addItem, loadItem, meetingIsOpen, reorder } from './agenda.ts';
import { listHouseMeetings } from './list.ts';
import { namesOf, presentItem, presentSeries } from './presenters.ts';
import { changeSeries, checkRrule, createMeeting, createSeries } from './schedule.ts';
import {
  assignRoles,
  cancelMeeting,
  changeMeeting,
  closeMeeting,
  markAttendance,
  meetingDetail,
  startMeeting,
} from './service.ts';
import { meetingSettingsRoutes } from './settings-routes.ts';

const tags = ['meetings'];

/** The house, when the actor manages its schedule (peer leader, admin); 404 for any other house. */
async function seriesToManage(app: App, actor: Actor, id: string) {
  const [series] = await app.db
    .select()
    .from(houseMeetingSeries)
    .where(and(eq(houseMeetingSeries.id, id), eq(houseMeetingSeries.organizationId, actor.organizationId)));
  if (!series || !canManageSchedule(actor, series.residenceId)) throw notFound('meeting series');
  return series;
}

async function itemView(app: App, actor: Actor, itemId: string) {
  const item = await loadItem(app.db, actor.organizationId, itemId);
  const { viewer } = await meetingForViewer(app.db, actor, item.meetingId, { agenda: true });
  return presentItem(item, viewer, actor.personId, await namesOf(app.db, [item.authorId]));
}

export function meetingRoutes(app: App): void {
  app.get(
    '/api/residences/:id/meetings',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: "A house's meeting schedule: series, upcoming and past meetings (members and admins)",
        tags,
        params: IdParamsSchema,
        querystring: HouseMeetingsQuerySchema,
        response: { 200: HouseMeetingsSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return await listHouseMeetings(app.db, actor, request.params.id, request.query);
    },
  );

  app.post(
    '/api/residences/:id/meetings',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'A one-off meeting (peer leader, admin) or an emergency meeting (any member of the house)',
        tags,
        params: IdParamsSchema,
        body: NewMeetingSchema,
        response: { 201: MeetingDetailSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { body } = request;
      const house = await houseForSchedule(app.db, actor, request.params.id);
      const allowed =
        canManageSchedule(actor, house.id) || (body.kind === 'emergency' && isHouseMember(actor, house.id));
      if (!allowed) throw forbidden();
      const meeting = await createMeeting(app.db, actor, house, body);
      reply.code(201);
      return await meetingDetail(app.db, actor, meeting.id);
    },
  );

  app.post(
    '/api/residences/:id/meeting-series',
    {
      config: { policy: 'houseStaff' },
      schema: {
        summary: 'A recurring house meeting (RRULE in the house’s time zone); its next 8 weeks are scheduled',
        tags,
        params: IdParamsSchema,
        body: SeriesInputSchema,
        response: { 201: SeriesSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      checkRrule(request.body.rrule);
      const house = await houseToManage(app.db, actor, request.params.id);
      const series = await createSeries(app.db, actor, house, request.body);
      reply.code(201);
      return presentSeries(series);
    },
  );

  app.patch(
    '/api/meeting-series/:id',
    {
      config: { policy: 'houseStaff' },
      schema: {
        summary: 'Change a recurring meeting; its upcoming meetings follow',
        tags,
        params: IdParamsSchema,
        body: SeriesUpdateSchema,
        response: { 200: SeriesSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const changes = { ...request.body };
      if (changes.rrule !== undefined) changes.rrule = checkRrule(changes.rrule);
      const series = await seriesToManage(app, actor, request.params.id);
      if (series.endedAt) throw new AppError('conflict', 'This schedule has ended.');
      if (Object.keys(changes).length === 0) return presentSeries(series);
      return presentSeries(await changeSeries(app.db, actor, series.id, changes));
    },
  );

  app.delete(
    '/api/meeting-series/:id',
    {
      config: { policy: 'houseStaff' },
      schema: {
        summary: 'End a recurring meeting: its future meetings are removed (or cancelled if they had items)',
        tags,
        params: IdParamsSchema,
        response: { 200: SeriesSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const series = await seriesToManage(app, actor, request.params.id);
      return presentSeries(await changeSeries(app.db, actor, series.id, 'end'));
    },
  );

  app.get(
    '/api/meetings/:id',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary:
          'One house meeting: agenda, minutes and attendance for members; the schedule only for admins',
        tags,
        params: IdParamsSchema,
        response: { 200: MeetingDetailSchema },
      },
    },
    async (request) => await meetingDetail(app.db, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/meetings/:id',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Change the chair or the secretary (the peer leader or the current chair)',
        tags,
        params: IdParamsSchema,
        body: MeetingUpdateSchema,
        response: { 200: MeetingDetailSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await assignRoles(app.db, actor, request.params.id, request.body);
      return await meetingDetail(app.db, actor, request.params.id);
    },
  );

  for (const [path, summary, run] of [
    [
      'cancel',
      'Cancel an upcoming meeting (peer leader, admin); it stays in the schedule as cancelled',
      cancelMeeting,
    ],
    ['start', 'Start the meeting (chair, secretary, peer leader)', startMeeting],
    ['close', 'Close the meeting: its minutes are published to the house', closeMeeting],
  ] as const) {
    app.post(
      `/api/meetings/:id/${path}`,
      {
        config: { policy: 'signedIn' },
        schema: { summary, tags, params: IdParamsSchema, response: { 200: MeetingDetailSchema } },
      },
      async (request) => {
        const actor = requireActor(request);
        await run(app.db, actor, request.params.id);
        return await meetingDetail(app.db, actor, request.params.id);
      },
    );
  }

  app.post(
    '/api/meetings/:id/attendance',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary:
          'Mark attendance: myself present during the meeting, or anyone (chair, secretary, peer leader)',
        tags,
        params: IdParamsSchema,
        body: AttendanceInputSchema,
        response: { 200: MeetingDetailSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await markAttendance(app.db, actor, request.params.id, request.body);
      return await meetingDetail(app.db, actor, request.params.id);
    },
  );

  app.post(
    '/api/meetings/:id/agenda',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Add an item to the agenda, optionally without my name (any member, before or during)',
        tags,
        params: IdParamsSchema,
        body: NewAgendaItemSchema,
        response: { 201: AgendaItemSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const item = await changeMeeting(
        app.db,
        actor,
        request.params.id,
        (v) => v.isMember,
        'agenda_item.add',
        async (tx, meeting) => await addItem(tx, actor, meeting, request.body),
        { withoutName: request.body.anonymous },
      );
      reply.code(201);
      return await itemView(app, actor, item.id);
    },
  );

  app.post(
    '/api/meetings/:id/agenda/order',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: "Put the agenda in order (the chair, or the house's peer leader)",
        tags,
        params: IdParamsSchema,
        body: AgendaOrderSchema,
        response: { 200: MeetingDetailSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await changeMeeting(
        app.db,
        actor,
        request.params.id,
        (v) => v.isChair || v.isPeerLeader,
        'agenda.order',
        async (tx, meeting) => {
          if (!meetingIsOpen(meeting.state)) {
            throw new AppError('conflict', 'The agenda of a past meeting stays as it was.');
          }
          await reorder(tx, meeting.id, request.body.itemIds);
        },
      );
      return await meetingDetail(app.db, actor, request.params.id);
    },
  );

  app.patch(
    '/api/agenda-items/:id',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary:
          'Write the minutes of an item (chair, secretary, peer leader, during the meeting), or reword my own item before it',
        tags,
        params: IdParamsSchema,
        body: AgendaItemUpdateSchema,
        response: { 200: AgendaItemSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const item = await loadItem(app.db, actor.organizationId, request.params.id);
      const { minutes, title, details } = request.body;
      await changeMeeting(
        app.db,
        actor,
        item.meetingId,
        (v) => v.isMember,
        'agenda_item.update',
        async (tx, meeting, viewer) => {
          const rewording = title !== undefined || details !== undefined;
          if (minutes !== undefined) {
            if (!viewer.canRun) throw forbidden();
            if (meeting.state !== 'in_progress') {
              throw new AppError('conflict', 'Minutes are written while the meeting is in progress.', [
                { field: 'minutes', message: 'can be written only during the meeting' },
              ]);
            }
          }
          if (rewording) {
            if (item.authorId !== actor.personId) throw forbidden();
            if (meeting.state !== 'upcoming') {
              throw new AppError('conflict', 'An item can be reworded until the meeting starts.', [
                { field: 'title', message: 'can be changed only before the meeting' },
              ]);
            }
          }
          await tx
            .update(agendaItemsTable)
            .set({
              ...(minutes !== undefined ? { minutes } : {}),
              ...(title !== undefined ? { title } : {}),
              ...(details !== undefined ? { details } : {}),
              updatedAt: new Date(),
            })
            .where(eq(agendaItemsTable.id, item.id));
        },
        { withoutName: item.anonymous && item.authorId === actor.personId },
      );
      return await itemView(app, actor, item.id);
    },
  );

  app.delete(
    '/api/agenda-items/:id',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Take an item off the agenda (its author before the meeting; the chair or peer leader)',
        tags,
        params: IdParamsSchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const item = await loadItem(app.db, actor.organizationId, request.params.id);
      await changeMeeting(
        app.db,
        actor,
        item.meetingId,
        (v) => v.isMember,
        'agenda_item.remove',
        async (tx, meeting, viewer) => {
          const mine = item.authorId === actor.personId && meeting.state === 'upcoming';
          const running = (viewer.isChair || viewer.isPeerLeader) && meetingIsOpen(meeting.state);
          if (!mine && !running) throw forbidden();
          if (item.kind !== 'problem') {
            throw new AppError('conflict', 'Standing items and follow-ups stay on the agenda.');
          }
          await tx.delete(agendaItemsTable).where(eq(agendaItemsTable.id, item.id));
        },
        { withoutName: item.anonymous && item.authorId === actor.personId },
      );
      return { ok: true as const };
    },
  );

  meetingSettingsRoutes(app);
}
