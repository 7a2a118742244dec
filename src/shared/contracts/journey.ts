// The recovery journey API: clocks, stretches (a reset keeps history), milestones, celebrations.
import { z } from 'zod';
import { RECOVERY_AUDIENCES } from '../domain/recovery-time.ts';
import { STAGES } from '../domain/stages.ts';
import { DateSchema, IdParamsSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';

export const RecoveryAudienceSchema = z.enum(RECOVERY_AUDIENCES);
export const StageSchema = z.enum(STAGES);

export const MilestoneSchema = z.object({
  /** Stable key: '24h', '30d', '60d', '90d', '6m', '9m', '1y', '18m', '2y', '3y', … */
  key: z.string(),
  unit: z.enum(['hours', 'days', 'months', 'years']),
  count: z.number().int(),
});
export type MilestoneView = z.infer<typeof MilestoneSchema>;

export const BreakdownSchema = z.object({
  years: z.number().int(),
  months: z.number().int(),
  days: z.number().int(),
});

export const StretchSchema = z.object({
  id: z.uuid(),
  startsOn: DateSchema,
  /** null while it runs; a reset ends it the day before the new start. */
  endsOn: DateSchema.nullable(),
  days: z.number().int(),
});
export type StretchView = z.infer<typeof StretchSchema>;

export const ReachedMilestoneSchema = z.object({
  /** The milestone event (for congratulations); null if not recorded yet. */
  id: z.uuid().nullable(),
  milestone: MilestoneSchema,
  reachedOn: DateSchema,
  congratulations: z.number().int(),
});

export const ClockSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  visibleTo: RecoveryAudienceSchema,
  current: z.object({
    stretchId: z.uuid(),
    startsOn: DateSchema,
    /** Day 0 is the start date. */
    days: z.number().int(),
    breakdown: BreakdownSchema,
    stage: StageSchema,
  }),
  nextMilestone: MilestoneSchema.extend({ date: DateSchema, daysTo: z.number().int() }),
  /** Milestones of the current stretch, newest first. */
  reachedMilestones: z.array(ReachedMilestoneSchema),
  longestDays: z.number().int(),
  totalDays: z.number().int(),
  resets: z.number().int(),
  /** Every stretch, newest first (the current one included). */
  stretches: z.array(StretchSchema),
});
export type ClockView = z.infer<typeof ClockSchema>;

/** A clock I put away: not on Today, not shown to anyone, its history still mine to read. */
export const PastClockSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  visibleTo: RecoveryAudienceSchema,
  /** The day (in my time zone) I put it away; the stretch running then is shown ending that day. */
  archivedOn: DateSchema,
  longestDays: z.number().int(),
  totalDays: z.number().int(),
  resets: z.number().int(),
  /** Every stretch, newest first. */
  stretches: z.array(StretchSchema),
});
export type PastClockView = z.infer<typeof PastClockSchema>;

export const JourneySchema = z.object({
  /** The zone the days are counted in: mine, else my house's, else UTC. */
  timeZone: z.string(),
  today: DateSchema,
  /** My stage follows my first clock; null without a clock ("set my recovery date"). */
  stage: StageSchema.nullable(),
  stageVisibleTo: RecoveryAudienceSchema,
  clocks: z.array(ClockSchema),
  /** Clocks I archived, most recently put away first. */
  pastClocks: z.array(PastClockSchema),
});
export type Journey = z.infer<typeof JourneySchema>;

export const LabelSchema = z.string().trim().max(40, { message: 'must be at most 40 characters' });

export const CreateClockSchema = z.strictObject({
  label: LabelSchema.default(''),
  startsOn: DateSchema,
  visibleTo: RecoveryAudienceSchema.default('peer_leader'),
});
export type CreateClockInput = z.input<typeof CreateClockSchema>;

export const UpdateClockSchema = z
  .strictObject({ label: LabelSchema, visibleTo: RecoveryAudienceSchema })
  .partial();
export type UpdateClockInput = z.infer<typeof UpdateClockSchema>;

export const ResetClockSchema = z.strictObject({ startsOn: DateSchema });
export type ResetClockInput = z.infer<typeof ResetClockSchema>;

export const CelebrationSchema = z.object({
  /** The milestone event id: POST /api/milestones/:id/congratulations. */
  id: z.uuid(),
  personId: z.uuid(),
  displayName: z.string(),
  milestone: MilestoneSchema,
  reachedOn: DateSchema,
  congratulations: z.number().int(),
  congratulatedByMe: z.boolean(),
  isMe: z.boolean(),
});
export type CelebrationView = z.infer<typeof CelebrationSchema>;
export const CelebrationsSchema = z.object({ celebrations: z.array(CelebrationSchema) });

export const CongratulationResultSchema = z.object({
  milestoneEventId: z.uuid(),
  congratulations: z.number().int(),
  congratulatedByMe: z.literal(true),
});

export const UpcomingMilestoneSchema = z.object({
  personId: z.uuid(),
  displayName: z.string(),
  milestone: MilestoneSchema,
  date: DateSchema,
  daysTo: z.number().int(),
});
export type UpcomingMilestoneView = z.infer<typeof UpcomingMilestoneSchema>;
export const UpcomingMilestonesSchema = z.object({ upcoming: z.array(UpcomingMilestoneSchema) });

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const journeyReasons = defineReasons('journey', {
  future_recovery_date: { code: 'validation_failed', message: 'A recovery date cannot be in the future.' },
  same_start: {
    code: 'conflict',
    message: 'Your current stretch already starts on that day. Nothing needed changing.',
  },
  start_before_current: {
    code: 'validation_failed',
    message: 'A new start must come after your current start date.',
  },
  own_milestone: {
    code: 'bad_request',
    message: 'Your own milestone is yours to enjoy; congratulations come from your peers.',
  },
});
export type JourneyReason = keyof typeof journeyReasons;

export const journeyApi = {
  mine: endpoint({
    method: 'GET',
    path: '/api/journey',
    operationId: 'getMyJourney',
    summary: 'My recovery time: clocks, current stretch, milestones, history and stage',
    tags: ['journey'],
    responses: { 200: JourneySchema },
  }),
  startClock: endpoint({
    method: 'POST',
    path: '/api/journey/clocks',
    operationId: 'startRecoveryClock',
    summary: 'Set my recovery date (a new clock, e.g. one per substance)',
    tags: ['journey'],
    body: CreateClockSchema,
    responses: { 201: JourneySchema },
    reasons: ['journey.future_recovery_date'],
  }),
  updateClock: endpoint({
    method: 'PATCH',
    path: '/api/journey/clocks/:id',
    operationId: 'updateRecoveryClock',
    summary: 'Rename a clock or change who sees it',
    tags: ['journey'],
    params: IdParamsSchema,
    body: UpdateClockSchema,
    responses: { 200: JourneySchema },
  }),
  archiveClock: endpoint({
    method: 'POST',
    path: '/api/journey/clocks/:id/archive',
    operationId: 'archiveRecoveryClock',
    summary: 'Put a clock away: it leaves Today and the house; its history stays mine under past clocks',
    tags: ['journey'],
    params: IdParamsSchema,
    responses: { 200: JourneySchema },
  }),
  restoreClock: endpoint({
    method: 'POST',
    path: '/api/journey/clocks/:id/restore',
    operationId: 'restoreRecoveryClock',
    summary: 'Bring a past clock back to Today',
    tags: ['journey'],
    params: IdParamsSchema,
    responses: { 200: JourneySchema },
  }),
  resetClock: endpoint({
    method: 'POST',
    path: '/api/journey/clocks/:id/reset',
    operationId: 'resetRecoveryClock',
    summary: 'Start again from a new date; the earlier stretch stays in my history',
    tags: ['journey'],
    params: IdParamsSchema,
    body: ResetClockSchema,
    responses: { 200: JourneySchema },
    reasons: ['journey.future_recovery_date', 'journey.same_start', 'journey.start_before_current'],
  }),
  houseCelebrations: endpoint({
    method: 'GET',
    path: '/api/residences/:id/celebrations',
    operationId: 'listHouseCelebrations',
    summary: "Milestones this house's people reached in the last 7 days that I may see",
    tags: ['journey'],
    params: IdParamsSchema,
    responses: { 200: CelebrationsSchema },
  }),
  congratulate: endpoint({
    method: 'POST',
    path: '/api/milestones/:id/congratulations',
    operationId: 'congratulateMilestone',
    summary: 'Congratulate a peer on a milestone (once; again changes nothing)',
    tags: ['journey'],
    params: IdParamsSchema,
    responses: { 200: CongratulationResultSchema, 201: CongratulationResultSchema },
    reasons: ['journey.own_milestone'],
  }),
  upcomingMilestones: endpoint({
    method: 'GET',
    path: '/api/residences/:id/upcoming-milestones',
    operationId: 'listUpcomingMilestones',
    summary: "Milestones in the next 14 days, to prepare a celebration (the house's peer leaders, admins)",
    tags: ['journey'],
    params: IdParamsSchema,
    responses: { 200: UpcomingMilestonesSchema },
  }),
} as const;
