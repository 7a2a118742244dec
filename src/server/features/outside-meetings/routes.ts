// Outside meetings: the directory, attendance, the peer leader's counts, import, and the public feed.
import { eq } from 'drizzle-orm';
import { IdParamsSchema, OkSchema } from '../../../shared/contracts/common.ts';
import {
  AttendanceInputSchema,
  AttendanceSchema,
  HouseAttendanceQuerySchema,
  HouseAttendanceSchema,
  ImportInputSchema,
  ImportReportSchema,
  MyAttendanceSchema,
  OutsideMeetingInputSchema,
  OutsideMeetingListQuerySchema,
  OutsideMeetingListSchema,
  OutsideMeetingSchema,
  OutsideMeetingUpdateSchema,
  SlugParamsSchema,
} from '../../../shared/contracts/outside-meetings.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import { organizations } from '../../platform/database/schema.ts';
import { notFound } from '../../platform/errors.ts';
import { isOrgAdmin } from '../../platform/policies.ts';
import type { App } from '../../platform/types.ts';
import { publicFeed } from './feed.ts';
import { FEED_MAX_BYTES, fetchFeed, importFeed, readFeedText } from './import.ts';
import {
  canAddOutsideMeeting,
  createOutsideMeeting,
  deleteOutsideMeeting,
  houseAttendance,
  listOutsideMeetings,
  logAttendance,
  myAttendance,
  removeAttendance,
  updateOutsideMeeting,
} from './service.ts';

const TAGS = ['outside meetings'];

export function outsideMeetingRoutes(app: App): void {
  app.get(
    '/api/outside-meetings',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary:
          "My organization's directory of outside meetings, filtered by type, language, focus, day, online",
        tags: TAGS,
        querystring: OutsideMeetingListQuerySchema,
        response: { 200: OutsideMeetingListSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const meetings = await listOutsideMeetings(app.db, actor, request.query);
      let feedPath: string | null = null;
      if (isOrgAdmin(actor)) {
        const [org] = await app.db
          .select({ slug: organizations.slug })
          .from(organizations)
          .where(eq(organizations.id, actor.organizationId));
        feedPath = org ? `/api/public/${org.slug}/meetings.json` : null;
      }
      return { meetings, canAdd: canAddOutsideMeeting(actor), canCurate: isOrgAdmin(actor), feedPath };
    },
  );
  app.post(
    '/api/outside-meetings',
    {
      config: { policy: 'houseStaff' },
      schema: {
        summary: 'Add a meeting to the directory (admins may publish it; a peer leader adds it unpublished)',
        tags: TAGS,
        body: OutsideMeetingInputSchema,
        response: { 201: OutsideMeetingSchema },
      },
    },
    async (request, reply) => {
      const view = await createOutsideMeeting(app.db, requireActor(request), request.body);
      return reply.status(201).send(view);
    },
  );
  app.patch(
    '/api/outside-meetings/:id',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'Change a directory entry (its slug stays, so apps keep finding it)',
        tags: TAGS,
        params: IdParamsSchema,
        body: OutsideMeetingUpdateSchema,
        response: { 200: OutsideMeetingSchema },
      },
    },
    async (request) =>
      await updateOutsideMeeting(app.db, requireActor(request), request.params.id, request.body),
  );
  app.delete(
    '/api/outside-meetings/:id',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'Remove a meeting from the directory (logged attendance keeps its name)',
        tags: TAGS,
        params: IdParamsSchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await deleteOutsideMeeting(app.db, requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/outside-meetings/import',
    {
      config: { policy: 'orgAdmin' },
      // A feed of thousands of meetings is larger than an ordinary request.
      bodyLimit: FEED_MAX_BYTES + 200_000,
      schema: {
        summary: 'Import a Meeting Guide feed from its address or a file, merging by slug, with a report',
        tags: TAGS,
        body: ImportInputSchema,
        response: { 200: ImportReportSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { url, feed, timeZone, fellowship } = request.body;
      const policy = { ...app.outbound, allowPrivate: app.config.importAllowPrivateHosts === true };
      const text = url ? await fetchFeed(url, policy) : (feed ?? '');
      const rows = readFeedText(text, url ? 'url' : 'feed');
      return await importFeed(app.db, actor, rows, { timeZone, fellowship: fellowship ?? 'aa' }, url ?? null);
    },
  );

  app.get(
    '/api/outside-attendance',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'The outside meetings I went to lately, and this week against my house’s goal',
        tags: TAGS,
        response: { 200: MyAttendanceSchema },
      },
    },
    async (request) => await myAttendance(app.db, requireActor(request)),
  );
  app.post(
    '/api/outside-attendance',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Log an outside meeting I went to (from the directory, or by name)',
        tags: TAGS,
        body: AttendanceInputSchema,
        response: { 201: AttendanceSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await logAttendance(app.db, requireActor(request), request.body)),
  );
  app.delete(
    '/api/outside-attendance/:id',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Remove one of my attendance entries',
        tags: TAGS,
        params: IdParamsSchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await removeAttendance(app.db, requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/residences/:id/outside-attendance',
    {
      config: { policy: 'houseStaff' },
      schema: {
        summary: 'Outside meetings per resident per week (counts only), for the house’s peer leaders',
        tags: TAGS,
        params: IdParamsSchema,
        querystring: HouseAttendanceQuerySchema,
        response: { 200: HouseAttendanceSchema },
      },
    },
    async (request) =>
      await houseAttendance(app.db, requireActor(request), request.params.id, request.query.weeks),
  );

  app.get(
    '/api/public/:slug/meetings.json',
    {
      config: { policy: 'public' },
      schema: {
        summary: "An organization's public meetings as a Meeting Guide feed (open to any site, no cookies)",
        tags: TAGS,
        params: SlugParamsSchema,
      },
      // After the shared security headers: apps on any site may read this one.
      onSend: async (_request, reply, payload) => {
        reply.header('cross-origin-resource-policy', 'cross-origin');
        return payload;
      },
    },
    async (request, reply) => {
      reply.header('access-control-allow-origin', '*');
      reply.header('access-control-allow-methods', 'GET');
      const feed = await publicFeed(app.db, request.params.slug);
      if (!feed) throw notFound('organization');
      reply.header('cache-control', 'public, max-age=300');
      reply.header('etag', feed.etag);
      if (feed.lastModified.getTime() > 0) reply.header('last-modified', feed.lastModified.toUTCString());
      reply.header('vary', 'accept-encoding');
      if (request.headers['if-none-match'] === feed.etag) return reply.status(304).send();
      reply.type('application/json; charset=utf-8');
      if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
        return reply.header('content-encoding', 'gzip').send(feed.gzipped);
      }
      return reply.send(feed.body);
    },
  );
}
