// The notifications API: my list with read state, marking read, my push settings, my devices' push
// subscriptions, and the server's public VAPID key.
import { z } from 'zod';
import { parseNotificationCursor } from '../domain/notification-cursor.ts';
import { NOTIFICATION_TOPICS } from '../domain/notifications.ts';
import { IdParamsSchema, InstantSchema, OkSchema, TimestampSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';

/** Ids, kinds, times and names the person may see — scalars only. */
export const NotificationDataSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null()]),
);

export const NotificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  /** An alert for someone available to be called: shown first, pushed even in quiet hours. */
  urgent: z.boolean(),
  data: NotificationDataSchema,
  /** For meeting_reminder: which meeting, when (kept for the screens that read them before). */
  meetingId: z.uuid().nullable(),
  startsAt: TimestampSchema.nullable(),
  title: z.string().nullable(),
  /** For meeting_reminder: the house's time zone, in which the meeting's time is shown. */
  timeZone: z.string().nullable(),
  createdAt: TimestampSchema,
  readAt: TimestampSchema.nullable(),
});
export type NotificationView = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = z.strictObject({
  /** The next page: the `nextBefore` of the page before, or a time (older than it). */
  before: z
    .union([
      z
        .string()
        .max(200)
        .refine((text) => parseNotificationCursor(text) !== null),
      InstantSchema,
    ])
    .optional(),
});

export const NotificationListSchema = z.object({
  notifications: z.array(NotificationSchema),
  unread: z.number().int(),
  /** Pass as `before` for older ones; null when there are no more. */
  nextBefore: z.string().nullable(),
});
export type NotificationListView = z.infer<typeof NotificationListSchema>;

export const MarkAllReadSchema = z.object({ marked: z.number().int() });

const ClockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time like 22:00' });

export const NotificationTopicSchema = z.enum(NOTIFICATION_TOPICS, {
  message: `must be one of ${NOTIFICATION_TOPICS.join(', ')}`,
});

export const NotificationSettingsSchema = z.object({
  /** Topics that do not come by push (they still show in the list). */
  mutedTopics: z.array(NotificationTopicSchema),
  quietFrom: ClockSchema.nullable(),
  quietUntil: ClockSchema.nullable(),
  /** The zone quiet hours are read in: my own, else my house's, else UTC. */
  timeZone: z.string(),
});
export type NotificationSettingsView = z.infer<typeof NotificationSettingsSchema>;

export const NotificationSettingsUpdateSchema = z
  .strictObject({
    mutedTopics: z.array(NotificationTopicSchema).max(NOTIFICATION_TOPICS.length).optional(),
    quietFrom: ClockSchema.nullable().optional(),
    quietUntil: ClockSchema.nullable().optional(),
  })
  .refine((v) => (v.quietFrom === undefined) === (v.quietUntil === undefined), {
    message: 'quiet hours need both a start and an end',
    path: ['quietUntil'],
    params: { reason: 'notifications.quiet_hours_incomplete' },
  })
  .refine((v) => (v.quietFrom === null) === (v.quietUntil === null), {
    message: 'quiet hours need both a start and an end, or neither',
    path: ['quietUntil'],
    params: { reason: 'notifications.quiet_hours_incomplete' },
  })
  .refine((v) => v.quietFrom == null || v.quietFrom !== v.quietUntil, {
    message: 'quiet hours must end at another time than they start',
    path: ['quietUntil'],
    params: { reason: 'notifications.quiet_hours_same' },
  });
export type NotificationSettingsUpdate = z.infer<typeof NotificationSettingsUpdateSchema>;

export const PushKeySchema = z.object({
  /** URL-safe base64 VAPID public key, the browser's applicationServerKey. */
  publicKey: z.string(),
});

const Base64UrlSchema = z
  .string()
  .min(16)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+=*$/, { message: 'must be URL-safe base64' });

/** What PushSubscription.toJSON() gives in the browser, plus an optional device name. */
export const PushSubscribeSchema = z.strictObject({
  endpoint: z.url({ message: 'must be a push service URL' }).max(1000),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({ p256dh: Base64UrlSchema, auth: Base64UrlSchema }),
  label: z.string().trim().max(60).optional(),
});
export type PushSubscribeInput = z.infer<typeof PushSubscribeSchema>;

export const PushSubscriptionSchema = z.object({
  id: z.uuid(),
  endpoint: z.string(),
  label: z.string(),
  createdAt: TimestampSchema,
  lastPushedAt: TimestampSchema.nullable(),
});
export type PushSubscriptionView = z.infer<typeof PushSubscriptionSchema>;
export const PushSubscriptionListSchema = z.object({ subscriptions: z.array(PushSubscriptionSchema) });

export const PushTestSchema = z.object({ devices: z.number().int() });

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const notificationReasons = defineReasons('notifications', {
  // Field reasons of the settings' own checks (under `request.invalid`).
  quiet_hours_incomplete: {
    code: 'validation_failed',
    message: 'quiet hours need both a start and an end, or neither',
  },
  quiet_hours_same: {
    code: 'validation_failed',
    message: 'quiet hours must end at another time than they start',
  },
  endpoint_not_https: { code: 'validation_failed', message: 'must be an https:// push service URL' },
  endpoint_private: {
    code: 'validation_failed',
    message: 'must be a public push service, not a private network address',
  },
});
export type NotificationReason = keyof typeof notificationReasons;

const tags = ['notifications'] as const;

export const notificationsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/notifications',
    operationId: 'listMyNotifications',
    summary: 'My notifications, newest first (50 at a time), and how many are unread',
    tags,
    query: NotificationListQuerySchema,
    responses: { 200: NotificationListSchema },
  }),
  markRead: endpoint({
    method: 'POST',
    path: '/api/notifications/:id/read',
    operationId: 'markNotificationRead',
    summary: 'Mark one of my notifications read',
    tags,
    params: IdParamsSchema,
    responses: { 200: OkSchema },
  }),
  markAllRead: endpoint({
    method: 'POST',
    path: '/api/notifications/read-all',
    operationId: 'markAllNotificationsRead',
    summary: 'Mark all my notifications read',
    tags,
    responses: { 200: MarkAllReadSchema },
  }),
  settings: endpoint({
    method: 'GET',
    path: '/api/notifications/settings',
    operationId: 'getNotificationSettings',
    summary: 'My notification settings: topics not sent by push, quiet hours and their time zone',
    tags,
    responses: { 200: NotificationSettingsSchema },
  }),
  updateSettings: endpoint({
    method: 'PATCH',
    path: '/api/notifications/settings',
    operationId: 'updateNotificationSettings',
    summary: 'Change my notification settings (urgent alerts always come through)',
    tags,
    body: NotificationSettingsUpdateSchema,
    responses: { 200: NotificationSettingsSchema },
  }),
  pushKey: endpoint({
    method: 'GET',
    path: '/api/push/key',
    operationId: 'getPushKey',
    summary: "The server's public VAPID key, for subscribing a device to web push",
    tags,
    responses: { 200: PushKeySchema },
  }),
  devices: endpoint({
    method: 'GET',
    path: '/api/push/subscriptions',
    operationId: 'listMyPushDevices',
    summary: 'My devices that receive web push',
    tags,
    responses: { 200: PushSubscriptionListSchema },
  }),
  subscribe: endpoint({
    method: 'POST',
    path: '/api/push/subscriptions',
    operationId: 'subscribePushDevice',
    summary: "Receive web push on this device (the browser's push subscription)",
    tags,
    body: PushSubscribeSchema,
    responses: { 201: PushSubscriptionSchema },
    reasons: ['notifications.endpoint_not_https', 'notifications.endpoint_private'],
  }),
  removeDevice: endpoint({
    method: 'DELETE',
    path: '/api/push/subscriptions/:id',
    operationId: 'removePushDevice',
    summary: 'Stop web push to one of my devices',
    tags,
    params: IdParamsSchema,
    responses: { 200: OkSchema },
  }),
  testPush: endpoint({
    method: 'POST',
    path: '/api/push/test',
    operationId: 'sendTestPush',
    summary: 'Send a test push to my devices now (nothing is added to my list)',
    tags,
    responses: { 200: PushTestSchema },
  }),
} as const;
