import { z } from 'zod';
import { SIGNAL_KINDS, SIGNAL_SEVERITIES, SUPPORT_KINDS, THRESHOLD_RANGES } from '../domain/check-in.ts';
import { DateSchema, IdParamsSchema, IdSchema, InstantSchema, TimestampSchema } from './common.ts';
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

/** How long after noting a person's signals the peer leader may take it back (the web app offers ~8 s). */
export const SIGNAL_UNDO_SECONDS = 60;

/** One open signal on a peer leader's Today: what kind, how pressing, when — never the person's words. */
export const LeaderDaySignalSchema = z.object({
  id: z.uuid(),
  kind: z.enum(SIGNAL_KINDS),
  severity: z.enum(SIGNAL_SEVERITIES),
  localDate: DateSchema,
  raisedAt: TimestampSchema,
  supportKind: z.enum(SUPPORT_KINDS).nullable(),
  /** Raised after the peer leader last looked at this house's signals. */
  isNew: z.boolean(),
});
/** One person's open signals, newest first; `severity` is the most pressing of them. */
export const LeaderDayPersonSchema = z.object({
  personId: z.uuid(),
  displayName: z.string(),
  severity: z.enum(SIGNAL_SEVERITIES),
  latestAt: TimestampSchema,
  isNew: z.boolean(),
  signals: z.array(LeaderDaySignalSchema),
});
export const LeaderDayHouseSchema = z.object({
  residenceId: z.uuid(),
  residenceName: z.string(),
  /** When the peer leader last looked (null: never): signals raised after it are new. */
  newSince: TimestampSchema.nullable(),
  /** People with an open signal, those with something new first, then the most recent. */
  people: z.array(LeaderDayPersonSchema),
});
/** The houses I lead, each with who may need me today. */
export const LeaderDaySchema = z.object({ houses: z.array(LeaderDayHouseSchema) });
export type LeaderDayView = z.infer<typeof LeaderDaySchema>;
export type LeaderDayHouseView = z.infer<typeof LeaderDayHouseSchema>;
export type LeaderDayPersonView = z.infer<typeof LeaderDayPersonSchema>;

export const SignalsSeenSchema = z.strictObject({
  /** The newest signal shown (a later time is taken as now). */
  upTo: InstantSchema,
});
export const SignalsSeenAnswerSchema = z.object({ lastSeenAt: TimestampSchema });

export const PersonSignalsParamsSchema = z.strictObject({ id: IdSchema, personId: IdSchema });
export const AcknowledgePersonSchema = z.strictObject({
  note: z.string().trim().max(280, { message: 'must be at most 280 characters' }).optional(),
});
export const AcknowledgedSchema = z.object({
  signals: z.array(SignalSchema),
  /** Until when this acknowledgement may be undone. */
  undoUntil: TimestampSchema,
});
export const UndoAcknowledgeSchema = z.strictObject({
  ids: z.array(IdSchema).min(1, { message: 'must name at least one signal' }).max(100, {
    message: 'must name at most 100 signals',
  }),
});
export const ReopenedSchema = z.object({ signals: z.array(SignalSchema) });

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
  nothing_open: {
    code: 'conflict',
    message: 'This person has no open signals in this house; someone may have noted them already.',
  },
  undo_too_late: {
    code: 'conflict',
    message: `An acknowledgement can be undone for ${SIGNAL_UNDO_SECONDS} seconds; this one stays, with its history.`,
  },
  undo_not_yours: {
    code: 'forbidden',
    message: 'Only the person who noted a signal can undo it.',
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
  today: endpoint({
    method: 'GET',
    path: '/api/signals/today',
    operationId: 'leaderDay',
    summary: 'Who may need me today: the open signals of the houses I lead, by person, new ones marked',
    tags,
    responses: { 200: LeaderDaySchema },
  }),
  seen: endpoint({
    method: 'POST',
    path: '/api/residences/:id/signals/seen',
    operationId: 'markHouseSignalsSeen',
    summary: "I have looked at a house's signals up to this time (what is newer stays new)",
    tags,
    params: IdParamsSchema,
    body: SignalsSeenSchema,
    responses: { 200: SignalsSeenAnswerSchema },
  }),
  acknowledgePerson: endpoint({
    method: 'POST',
    path: '/api/residences/:id/signals/people/:personId/acknowledge',
    operationId: 'acknowledgePersonSignals',
    summary: 'Note every open signal of one person in a house (an optional note); undoable for a minute',
    tags,
    params: PersonSignalsParamsSchema,
    body: AcknowledgePersonSchema,
    responses: { 200: AcknowledgedSchema },
    reasons: ['signals.nothing_open'],
  }),
  undoAcknowledge: endpoint({
    method: 'POST',
    path: '/api/signals/acknowledgements/undo',
    operationId: 'undoAcknowledgeSignals',
    summary: 'Take back my acknowledgement of these signals, within a minute of making it',
    tags,
    body: UndoAcknowledgeSchema,
    responses: { 200: ReopenedSchema },
    reasons: ['signals.undo_too_late', 'signals.undo_not_yours'],
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
