// Notifications: my list and read state, my push settings, my devices' push subscriptions, and the
// server's public VAPID key. Everything here is the signed-in person's own; nobody reads another's.
import { notificationsApi } from '../../../shared/contracts/notifications.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { describeDevice } from '../../platform/auth/sessions.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { publish } from '../../platform/realtime/publish.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { listNotifications, markAllNotificationsRead, markNotificationRead, unreadCount } from './list.ts';
import { sendTestPush } from './push-test.ts';
import { pushOptionsFrom } from './sender.ts';
import { notificationSettingsOf, updateNotificationSettings } from './settings.ts';
import { listDevices, removeDevice, subscribeDevice } from './subscriptions.ts';
import { ensureVapidKeys } from './vapid.ts';

/** My other open screens (another tab, my phone) update their unread count too. */
async function announceRead(db: Executor, actor: Actor): Promise<void> {
  await publish(db, {
    organizationId: actor.organizationId,
    recipients: [actor.personId],
    type: 'notification.read',
    payload: { unread: await unreadCount(db, actor) },
  });
}

export function notificationRoutes(app: App): void {
  route(app, notificationsApi.list, {
    policy: 'signedIn',
    handler: async ({ db, actor, query }) => await listNotifications(db, actor, query.before),
  });
  route(app, notificationsApi.markRead, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => {
      await markNotificationRead(db, actor, params.id);
      await announceRead(db, actor);
      return { ok: true as const };
    },
  });
  route(app, notificationsApi.markAllRead, {
    policy: 'signedIn',
    handler: async ({ db, actor }) => {
      const marked = await markAllNotificationsRead(db, actor);
      if (marked > 0) await announceRead(db, actor);
      return { marked };
    },
  });
  route(app, notificationsApi.settings, {
    policy: 'signedIn',
    handler: async ({ db, actor }) => await notificationSettingsOf(db, actor),
  });
  route(app, notificationsApi.updateSettings, {
    policy: 'signedIn',
    handler: async ({ db, actor, body }) => await updateNotificationSettings(db, actor, body),
  });
  route(app, notificationsApi.pushKey, {
    policy: 'signedIn',
    handler: async ({ db }) => ({ publicKey: (await ensureVapidKeys(db)).publicKey }),
  });
  route(app, notificationsApi.devices, {
    policy: 'signedIn',
    handler: async ({ db, actor }) => ({ subscriptions: await listDevices(db, actor) }),
  });
  route(app, notificationsApi.subscribe, {
    policy: 'signedIn',
    handler: async ({ db, actor, body, request, reply }) => {
      const allowPrivate = app.config.pushAllowPrivateEndpoints === true;
      const label = body.label || describeDevice(request);
      const device = await subscribeDevice(db, actor, { ...body, label }, allowPrivate);
      reply.status(201);
      return device;
    },
  });
  route(app, notificationsApi.removeDevice, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => {
      await removeDevice(db, actor, params.id);
      return { ok: true as const };
    },
  });
  route(app, notificationsApi.testPush, {
    policy: 'signedIn',
    handler: async ({ db, actor }) => await sendTestPush(db, actor, pushOptionsFrom(app.config)),
  });
}
