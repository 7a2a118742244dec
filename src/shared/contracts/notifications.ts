// The notifications API: my list with read state, marking read, my push settings, my devices' push
// subscriptions, and the server's public VAPID key.
import { z } from 'zod';
import { NOTIFICATION_TOPICS } from '../domain/notifications.ts';
import { InstantSchema, TimestampSchema } from './common.ts';
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
  createdAt: TimestampSchema,
  readAt: TimestampSchema.nullable(),
});
export type NotificationView = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = z.strictObject({
  /** Older than this notification's time (the next page). */
  before: InstantSchema.optional(),
});

export const NotificationListSchema = z.object({
  notifications: z.array(NotificationSchema),
  unread: z.number().int(),
  /** Pass as `before` for older ones; null when there are no more. */
  nextBefore: TimestampSchema.nullable(),
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
  })
  .refine((v) => (v.quietFrom === null) === (v.quietUntil === null), {
    message: 'quiet hours need both a start and an end, or neither',
    path: ['quietUntil'],
  })
  .refine((v) => v.quietFrom == null || v.quietFrom !== v.quietUntil, {
    message: 'quiet hours must end at another time than they start',
    path: ['quietUntil'],
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
export const notificationReasons = defineReasons('notifications', {});
export type NotificationReason = keyof typeof notificationReasons;
