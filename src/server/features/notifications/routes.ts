// Notifications: my list and read state, my push settings, my devices' push subscriptions, and the
// server's public VAPID key. Everything here is the signed-in person's own; nobody reads another's.
import { IdParamsSchema, OkSchema } from '../../../shared/contracts/common.ts';
import {
  MarkAllReadSchema,
  NotificationListQuerySchema,
  NotificationListSchema,
  NotificationSettingsSchema,
  NotificationSettingsUpdateSchema,
  PushKeySchema,
  PushSubscribeSchema,
  PushSubscriptionListSchema,
  PushSubscriptionSchema,
  PushTestSchema,
} from '../../../shared/contracts/notifications.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { describeDevice, requireActor } from '../../platform/auth/sessions.ts';
import { publish } from '../../platform/realtime/publish.ts';
import type { App } from '../../platform/types.ts';
import { listNotifications, markAllNotificationsRead, markNotificationRead, unreadCount } from './list.ts';
import { sendTestPush } from './push-test.ts';
import { pushOptionsFrom } from './sender.ts';
import { notificationSettingsOf, updateNotificationSettings } from './settings.ts';
import { listDevices, removeDevice, subscribeDevice } from './subscriptions.ts';
import { ensureVapidKeys } from './vapid.ts';

const tags = ['notifications'];

/** My other open screens (another tab, my phone) update their unread count too. */
async function announceRead(app: App, actor: Actor): Promise<void> {
  await publish(app.db, {
    organizationId: actor.organizationId,
    recipients: [actor.personId],
    type: 'notification.read',
    payload: { unread: await unreadCount(app.db, actor) },
  });
}

export function notificationRoutes(app: App): void {
  app.get(
    '/api/notifications',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'My notifications, newest first (50 at a time), and how many are unread',
        tags,
        querystring: NotificationListQuerySchema,
        response: { 200: NotificationListSchema },
      },
    },
    async (request) => await listNotifications(app.db, requireActor(request), request.query.before),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Mark one of my notifications read',
        tags,
        params: IdParamsSchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await markNotificationRead(app.db, actor, request.params.id);
      await announceRead(app, actor);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Mark all my notifications read',
        tags,
        response: { 200: MarkAllReadSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const marked = await markAllNotificationsRead(app.db, actor);
      if (marked > 0) await announceRead(app, actor);
      return { marked };
    },
  );

  app.get(
    '/api/notifications/settings',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'My notification settings: topics not sent by push, quiet hours and their time zone',
        tags,
        response: { 200: NotificationSettingsSchema },
      },
    },
    async (request) => await notificationSettingsOf(app.db, requireActor(request)),
  );

  app.patch(
    '/api/notifications/settings',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Change my notification settings (urgent alerts always come through)',
        tags,
        body: NotificationSettingsUpdateSchema,
        response: { 200: NotificationSettingsSchema },
      },
    },
    async (request) => await updateNotificationSettings(app.db, requireActor(request), request.body),
  );

  app.get(
    '/api/push/key',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: "The server's public VAPID key, for subscribing a device to web push",
        tags,
        response: { 200: PushKeySchema },
      },
    },
    async () => ({ publicKey: (await ensureVapidKeys(app.db)).publicKey }),
  );

  app.get(
    '/api/push/subscriptions',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'My devices that receive web push',
        tags,
        response: { 200: PushSubscriptionListSchema },
      },
    },
    async (request) => ({ subscriptions: await listDevices(app.db, requireActor(request)) }),
  );

  app.post(
    '/api/push/subscriptions',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: "Receive web push on this device (the browser's push subscription)",
        tags,
        body: PushSubscribeSchema,
        response: { 201: PushSubscriptionSchema },
      },
    },
    async (request, reply) => {
      const device = await subscribeDevice(
        app.db,
        requireActor(request),
        { ...request.body, label: request.body.label || describeDevice(request) },
        app.config.pushAllowPrivateEndpoints === true,
      );
      reply.status(201);
      return device;
    },
  );

  app.delete(
    '/api/push/subscriptions/:id',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Stop web push to one of my devices',
        tags,
        params: IdParamsSchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await removeDevice(app.db, requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/push/test',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Send a test push to my devices now (nothing is added to my list)',
        tags,
        response: { 200: PushTestSchema },
      },
    },
    async (request) => await sendTestPush(app.db, requireActor(request), pushOptionsFrom(app.config)),
  );
}
