// Calendar feeds: make, list and revoke my secret addresses; the iCalendar file behind one (public by secret).
import type { FastifyRequest } from 'fastify';
import { calendarsApi } from '../../../shared/contracts/calendars.ts';
import { notFound } from '../../platform/errors.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { createFeed, listFeeds, renderCalendar, renderPublicMeetings, revokeFeed } from './service.ts';

export function calendarRoutes(app: App): void {
  const originOf = (request: FastifyRequest) =>
    app.config.publicUrl ?? `${request.protocol}://${request.host}`;

  route(app, calendarsApi.list, {
    policy: 'signedIn',
    handler: async ({ db, actor }) => ({ feeds: await listFeeds(db, actor) }),
  });
  route(app, calendarsApi.create, {
    policy: 'signedIn',
    handler: async ({ db, actor, body, request, reply }) => {
      const created = await createFeed(db, actor, body, originOf(request));
      // The secret address is shown once: no copy of this answer is kept anywhere on the way.
      reply.status(201).header('cache-control', 'no-store');
      return created;
    },
  });
  route(app, calendarsApi.revoke, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => {
      await revokeFeed(db, actor, params.id);
      return { ok: true as const };
    },
  });
  route(app, calendarsApi.file, {
    policy: 'public',
    handler: async ({ db, params, reply }) => {
      const calendar = await renderCalendar(db, params.file.slice(0, -'.ics'.length));
      if (!calendar) throw notFound('calendar');
      return reply
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="hearth-meetings.ics"')
        .type('text/calendar; charset=utf-8')
        .send(calendar);
    },
  });
  route(app, calendarsApi.publicMeetings, {
    policy: 'public',
    handler: async ({ db, params, reply }) => {
      const calendar = await renderPublicMeetings(db, params.slug);
      if (!calendar) throw notFound('organization');
      return reply
        .header('cache-control', 'public, max-age=300')
        .header('access-control-allow-origin', '*')
        .header('content-disposition', 'inline; filename="meetings.ics"')
        .type('text/calendar; charset=utf-8')
        .send(calendar);
    },
  });
}
