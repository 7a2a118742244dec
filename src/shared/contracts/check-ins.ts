import { z } from 'zod';
import {
  CRAVING_MAX,
  CRAVING_MIN,
  MOOD_MAX,
  MOOD_MIN,
  REFLECTIONS,
  SLEEP_HOURS_MAX,
  SUPPORT_KINDS,
  TRIGGERS,
} from '../domain/check-in.ts';
import { DateSchema, IdParamsSchema, TimestampSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';

const MoodSchema = z
  .number({ message: `must be a whole number from ${MOOD_MIN} to ${MOOD_MAX}` })
  .int({ message: `must be a whole number from ${MOOD_MIN} to ${MOOD_MAX}` })
  .min(MOOD_MIN, { message: `must be a whole number from ${MOOD_MIN} to ${MOOD_MAX}` })
  .max(MOOD_MAX, { message: `must be a whole number from ${MOOD_MIN} to ${MOOD_MAX}` });
const CravingSchema = z
  .number({ message: `must be a whole number from ${CRAVING_MIN} to ${CRAVING_MAX}` })
  .int({ message: `must be a whole number from ${CRAVING_MIN} to ${CRAVING_MAX}` })
  .min(CRAVING_MIN, { message: `must be a whole number from ${CRAVING_MIN} to ${CRAVING_MAX}` })
  .max(CRAVING_MAX, { message: `must be a whole number from ${CRAVING_MIN} to ${CRAVING_MAX}` });
const SleepSchema = z
  .number({ message: `must be a number of hours from 0 to ${SLEEP_HOURS_MAX}` })
  .min(0, { message: `must be a number of hours from 0 to ${SLEEP_HOURS_MAX}` })
  .max(SLEEP_HOURS_MAX, { message: `must be a number of hours from 0 to ${SLEEP_HOURS_MAX}` })
  // Less than a minute but more than none is no answer, and too small for the column (a real) to hold.
  .refine((hours) => hours === 0 || hours >= 1 / 60, {
    message: `must be a number of hours from 0 to ${SLEEP_HOURS_MAX}`,
  });
const TriggersSchema = z.array(z.enum(TRIGGERS)).max(TRIGGERS.length);
const ShortText = z.string().trim().max(500, { message: 'must be at most 500 characters' });

/**
 * A new daily check-in. The server finds the day in the person's own time zone; a phone that kept the
 * check-in offline sends the local date it was made on (`localDate`), accepted when it is today or
 * yesterday there, always with the check-in's idempotency key.
 */
export const CheckInInputSchema = z.strictObject({
  /** Made by the client once per check-in; sending it again (after a lost connection) never makes two. */
  idempotencyKey: z
    .string()
    .min(8, { message: 'must be 8 to 100 characters' })
    .max(100, { message: 'must be 8 to 100 characters' }),
  mood: MoodSchema,
  craving: CravingSchema,
  sleepHours: SleepSchema.nullable().optional(),
  triggers: TriggersSchema.default([]),
  triggerOther: z.string().trim().max(120).nullable().optional(),
  gratitude: ShortText.nullable().optional(),
  intention: ShortText.nullable().optional(),
  wantsSupport: z.boolean().default(false),
  supportKind: z.enum(SUPPORT_KINDS).nullable().optional(),
  /** The person's local date when the check-in was made, sent by a phone that kept it offline. */
  localDate: DateSchema.optional(),
});
export type CheckInInput = z.infer<typeof CheckInInputSchema>;

/** Changing today's check-in (only on the same local day), including the end-of-day reflection. */
export const CheckInUpdateSchema = z
  .strictObject({
    mood: MoodSchema,
    craving: CravingSchema,
    sleepHours: SleepSchema.nullable(),
    triggers: TriggersSchema,
    triggerOther: z.string().trim().max(120).nullable(),
    gratitude: ShortText.nullable(),
    intention: ShortText.nullable(),
    wantsSupport: z.boolean(),
    supportKind: z.enum(SUPPORT_KINDS).nullable(),
    reflection: z.enum(REFLECTIONS).nullable(),
  })
  .partial();
export type CheckInUpdate = z.infer<typeof CheckInUpdateSchema>;

/** A check-in as its owner sees it (nobody else ever does). */
export const CheckInSchema = z.object({
  id: z.uuid(),
  localDate: DateSchema,
  mood: z.number().int(),
  craving: z.number().int(),
  sleepHours: z.number().nullable(),
  triggers: z.array(z.enum(TRIGGERS)),
  triggerOther: z.string().nullable(),
  gratitude: z.string().nullable(),
  intention: z.string().nullable(),
  wantsSupport: z.boolean(),
  supportKind: z.enum(SUPPORT_KINDS).nullable(),
  reflection: z.enum(REFLECTIONS).nullable(),
  /** Only today's check-in can be changed. */
  editable: z.boolean(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type CheckInView = z.infer<typeof CheckInSchema>;

/** GET /api/check-ins/today: today's local date in my time zone and my check-in for it, if any. */
export const TodayCheckInSchema = z.object({
  localDate: DateSchema,
  timeZone: z.string(),
  checkIn: CheckInSchema.nullable(),
});
export type TodayCheckInView = z.infer<typeof TodayCheckInSchema>;

/** GET /api/check-ins?days=30|90 (mine, for my charts; oldest first). */
export const CheckInListQuerySchema = z.strictObject({
  days: z.enum(['30', '90'], { message: 'must be 30 or 90' }).default('30'),
});
export const CheckInListSchema = z.object({
  days: z.number().int(),
  from: DateSchema,
  to: DateSchema,
  checkIns: z.array(CheckInSchema),
});
export type CheckInListView = z.infer<typeof CheckInListSchema>;

/** GET /api/residences/:id/check-in-stats?weeks=12 — aggregated per ISO week, no individual rows. */
export const CheckInStatsQuerySchema = z.strictObject({
  weeks: z.coerce
    .number({ message: 'must be a whole number of weeks from 1 to 52' })
    .int({ message: 'must be a whole number of weeks from 1 to 52' })
    .min(1, { message: 'must be a whole number of weeks from 1 to 52' })
    .max(52, { message: 'must be a whole number of weeks from 1 to 52' })
    .default(12),
});
export const CheckInStatsWeekSchema = z.object({
  /** ISO week like 2026-W48; weeks start on Monday. */
  isoWeek: z.string(),
  weekStart: DateSchema,
  /** Resident-days: each day of the week (up to today) on which a person lived in the house. */
  residentDays: z.number().int(),
  checkIns: z.number().int(),
  /** check-ins ÷ resident-days, 0–1; null when the week is suppressed or had no residents. */
  checkInRate: z.number().nullable(),
  /** Average mood 1–5; null when suppressed. */
  averageMood: z.number().nullable(),
  /** True when fewer than `minimumPeople` different residents checked in that week (too few to hide anyone). */
  suppressed: z.boolean(),
});
export const CheckInStatsSchema = z.object({
  residenceId: z.uuid(),
  minimumPeople: z.number().int(),
  weeks: z.array(CheckInStatsWeekSchema),
});
export type CheckInStatsView = z.infer<typeof CheckInStatsSchema>;

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const checkInReasons = defineReasons('check_in', {
  local_date_out_of_range: {
    code: 'validation_failed',
    message: 'A check-in kept on the phone can be saved for today or yesterday.',
  },
  day_already_has_one: {
    code: 'conflict',
    message: 'That day already has a check-in; this one was not saved a second time.',
  },
  already_today: {
    code: 'conflict',
    message:
      "You have already checked in today. Edit today's check-in instead (send its idempotency key again to get it back).",
  },
  only_today: {
    code: 'conflict',
    message: "Only today's check-in can be changed; this one is from an earlier day.",
  },
});
export type CheckInReason = keyof typeof checkInReasons;

export const checkInApi = {
  create: endpoint({
    method: 'POST',
    path: '/api/check-ins',
    operationId: 'createCheckIn',
    summary: "Today's check-in (the same idempotency key again returns the same check-in)",
    tags: ['check-ins'],
    body: CheckInInputSchema,
    responses: { 200: CheckInSchema, 201: CheckInSchema },
    reasons: ['check_in.local_date_out_of_range', 'check_in.day_already_has_one', 'check_in.already_today'],
  }),
  today: endpoint({
    method: 'GET',
    path: '/api/check-ins/today',
    operationId: 'getTodayCheckIn',
    summary: 'Today (in my time zone) and my check-in for it, if any',
    tags: ['check-ins'],
    responses: { 200: TodayCheckInSchema },
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/check-ins',
    operationId: 'listMyCheckIns',
    summary: 'My check-ins of the last 30 or 90 days, for my charts',
    tags: ['check-ins'],
    query: CheckInListQuerySchema,
    responses: { 200: CheckInListSchema },
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/check-ins/:id',
    operationId: 'updateCheckIn',
    summary: "Change today's check-in (also the end-of-day reflection)",
    tags: ['check-ins'],
    params: IdParamsSchema,
    body: CheckInUpdateSchema,
    responses: { 200: CheckInSchema },
    reasons: ['check_in.only_today'],
  }),
  houseStats: endpoint({
    method: 'GET',
    path: '/api/residences/:id/check-in-stats',
    operationId: 'getHouseCheckInStats',
    summary: "A house's check-in rate and average mood per ISO week (no individual data)",
    tags: ['check-ins'],
    params: IdParamsSchema,
    query: CheckInStatsQuerySchema,
    responses: { 200: CheckInStatsSchema },
  }),
} as const;
