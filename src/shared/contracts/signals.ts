import { z } from 'zod';
import { SIGNAL_KINDS, SIGNAL_SEVERITIES, SUPPORT_KINDS, THRESHOLD_RANGES } from '../domain/check-in.ts';
import { DateSchema, IdParamsSchema, TimestampSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';

/** A signal as a house's peer leaders (and admins) see it: who, which kind, how severe, when. Never private text. */
export const SignalSchema = z.object({
  id: z.uuid(),
  residenceId: z.uuid(),
  personId: z.uuid(),
  displayName: z.string(),
  kind: z.enum(SIGNAL_KINDS),
  severity: z.enum(SIGNAL_SEVERITIES),
  localDate: DateSchema,
  raisedAt: TimestampSchema,
  /** For a support request: the kind of support asked for (never the person's own words). */
  supportKind: z.enum(SUPPORT_KINDS).nullable(),
  acknowledgement: z
    .object({
      byPersonId: z.uuid().nullable(),
      byName: z.string(),
      at: TimestampSchema,
      note: z.string(),
    })
    .nullable(),
});
export type SignalView = z.infer<typeof SignalSchema>;

export const SignalListQuerySchema = z.strictObject({
  /** open = not yet acknowledged; all = with history (default). */
  status: z.enum(['open', 'all'], { message: 'must be open or all' }).default('all'),
});
export const SignalListSchema = z.object({ signals: z.array(SignalSchema) });
export type SignalListView = z.infer<typeof SignalListSchema>;

export const AcknowledgeSignalSchema = z.strictObject({
  note: z
    .string()
    .trim()
    .max(280, { message: 'must be at most 280 characters' })
    // Its own reason rather than "required": the words ask for what the peer leader did.
    .refine((note) => note.length > 0, {
      message: 'is required (a few words on what you did)',
      params: { reason: 'signals.note_required' },
    }),
});

const threshold = (key: keyof typeof THRESHOLD_RANGES) => {
  const { min, max } = THRESHOLD_RANGES[key];
  const message = `must be a whole number from ${min} to ${max}`;
  return z.number({ message }).int({ message }).min(min, { message }).max(max, { message });
};

/** Per-organization signal thresholds. */
export const OrganizationSettingsSchema = z.object({
  /** A craving at or above this raises a 'craving' signal (default 8). */
  cravingThreshold: z.number().int(),
  /** A mood at or below this raises a 'low_mood' signal (default 1). */
  lowMoodThreshold: z.number().int(),
  /** This many local days without a check-in raises a 'silence' signal (default 3). */
  silenceDays: z.number().int(),
  ranges: z.object({
    cravingThreshold: z.object({ min: z.number(), max: z.number() }),
    lowMoodThreshold: z.object({ min: z.number(), max: z.number() }),
    silenceDays: z.object({ min: z.number(), max: z.number() }),
  }),
});
export type OrganizationSettingsView = z.infer<typeof OrganizationSettingsSchema>;
export const OrganizationSettingsUpdateSchema = z
  .strictObject({
    cravingThreshold: threshold('cravingThreshold'),
    lowMoodThreshold: threshold('lowMoodThreshold'),
    silenceDays: threshold('silenceDays'),
  })
  .partial();

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const signalReasons = defineReasons('signals', {
  note_required: { code: 'validation_failed', message: 'is required (a few words on what you did)' },
  already_acknowledged: {
    code: 'conflict',
    message: 'This signal was already acknowledged; its note is kept as history.',
  },
});
export type SignalReason = keyof typeof signalReasons;

const tags = ['signals'] as const;

export const signalApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/residences/:id/signals',
    operationId: 'listHouseSignals',
    summary: "A house's early-warning signals (who, kind, severity, time — never private text)",
    tags,
    params: IdParamsSchema,
    query: SignalListQuerySchema,
    responses: { 200: SignalListSchema },
  }),
  acknowledge: endpoint({
    method: 'POST',
    path: '/api/signals/:id/acknowledge',
    operationId: 'acknowledgeSignal',
    summary: 'Acknowledge a signal with a short note (kept as history)',
    tags,
    params: IdParamsSchema,
    body: AcknowledgeSignalSchema,
    responses: { 200: SignalSchema },
    reasons: ['signals.already_acknowledged'],
  }),
  settings: endpoint({
    method: 'GET',
    path: '/api/organization/settings',
    operationId: 'getSignalThresholds',
    summary: "My organization's signal thresholds",
    tags,
    responses: { 200: OrganizationSettingsSchema },
  }),
  updateSettings: endpoint({
    method: 'PATCH',
    path: '/api/organization/settings',
    operationId: 'updateSignalThresholds',
    summary: "Change my organization's signal thresholds",
    tags,
    body: OrganizationSettingsUpdateSchema,
    responses: { 200: OrganizationSettingsSchema },
  }),
} as const;
