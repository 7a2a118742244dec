// Calendar feeds: make, list and revoke my secret addresses; the iCalendar file behind one (public by secret).
import type { FastifyRequest } from 'fastify';
import {
  CalendarFeedInputSchema,
  CalendarFeedListSchema,
  CalendarFileParamsSchema,
  CreatedCalendarFeedSchema,
} from '../../../shared/contracts/calendars.ts';
import { IdParamsSchema, OkSchema } from '../../../shared/contracts/common.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/types.ts';
import { createFeed, listFeeds, renderCalendar, revokeFeed } from './service.ts';

const TAGS = ['calendars'];

function originOf(app: App, request: FastifyRequest): string {
  return app.config.publicUrl ?? `${request.protocol}://${request.host}`;
}

export function calendarRoutes(app: App): void {
  app.get(
    '/api/calendar-feeds',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'My calendar addresses (the secret part is shown only once, when made)',
        tags: TAGS,
        response: { 200: CalendarFeedListSchema },
      },
    },
    async (request) => ({ feeds: await listFeeds(app.db, requireActor(request)) }),
  );
  app.post(
    '/api/calendar-feeds',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Make a secret calendar address for my house meetings, or a residence’s (its peer leaders)',
        tags: TAGS,
        body: CalendarFeedInputSchema,
        response: { 201: CreatedCalendarFeedSchema },
      },
    },
    async (request, reply) => {
      const created = await createFeed(app.db, requireActor(request), request.body, originOf(app, request));
      return reply.status(201).header('cache-control', 'no-store').send(created);
    },
  );
  app.delete(
    '/api/calendar-feeds/:id',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Revoke a calendar address: calendars using it stop updating',
        tags: TAGS,
        params: IdParamsSchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await revokeFeed(app.db, requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/calendar/:file',
    {
      config: { policy: 'public' },
      schema: {
        summary: 'An iCalendar (RFC 5545) file of house meetings, at its secret address',
        tags: TAGS,
        params: CalendarFileParamsSchema,
      },
    },
    async (request, reply) => {
      const token = request.params.file.slice(0, -'.ics'.length);
      const calendar = await renderCalendar(app.db, token);
      if (!calendar) throw notFound('calendar');
      return reply
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="hearth-meetings.ics"')
        .type('text/calendar; charset=utf-8')
        .send(calendar);
    },
  );
}
