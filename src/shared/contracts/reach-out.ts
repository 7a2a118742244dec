// Reach out now: the one-tap alert to the people on call, "I'm calling you", escalation, the crisis lines,
// "available to be called", the organization's escalation delay and a house's record afterwards.
import { z } from 'zod';
import { IdParamsSchema, TimestampSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';

/** The crisis line and emergency number, from the server's configuration (another country sets its own). */
export const CrisisLinesSchema = z.object({
  /** The number to call (988 in the United States). */
  call: z.string(),
  /** The number to text; null when the line takes no texts. */
  text: z.string().nullable(),
  /** Keys to press in the line's menu: veterans, Spanish (null: no such option). */
  veteransKey: z.string().nullable(),
  spanishKey: z.string().nullable(),
  /** Emergencies (911). */
  emergency: z.string(),
});
export type CrisisLines = z.infer<typeof CrisisLinesSchema>;

export const REACH_OUT_CIRCLES = ['house', 'escalation'] as const;
export type ReachOutCircle = (typeof REACH_OUT_CIRCLES)[number];

export const AcknowledgementSchema = z.object({
  personId: z.uuid(),
  displayName: z.string(),
  at: TimestampSchema,
});

/** One alert as the person who asked, the people it reached, or the house's peer leader sees it. No text. */
export const AlertSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  displayName: z.string(),
  residenceId: z.uuid().nullable(),
  residenceName: z.string().nullable(),
  createdAt: TimestampSchema,
  escalateAt: TimestampSchema,
  escalatedAt: TimestampSchema.nullable(),
  closedAt: TimestampSchema.nullable(),
  state: z.enum(['open', 'acknowledged', 'closed']),
  /** How many people it reached: the house's circle, and the next circle after escalation. */
  alerted: z.object({ house: z.number().int(), escalation: z.number().int() }),
  acknowledgements: z.array(AcknowledgementSchema),
  /** The viewer asked for it. */
  mine: z.boolean(),
  /** The viewer's circle when it reached them (null otherwise). */
  myCircle: z.enum(REACH_OUT_CIRCLES).nullable(),
  /** The viewer said "I'm calling you". */
  iAcknowledged: z.boolean(),
});
export type AlertView = z.infer<typeof AlertSchema>;

/** What the reach-out screen needs: the numbers, my open alert, alerts that reached me, my availability. */
export const ReachOutStateSchema = z.object({
  crisisLines: CrisisLinesSchema,
  /** I opted in as "available to be called". */
  available: z.boolean(),
  /** I live in or lead a house now, so I may opt in. */
  canBeAvailable: z.boolean(),
  /** My alert that is still open (the latest), if any. */
  myAlert: AlertSchema.nullable(),
  /** Open alerts from the last day that reached me. */
  forMe: z.array(AlertSchema),
});
export type ReachOutState = z.infer<typeof ReachOutStateSchema>;

export const RaiseAlertSchema = z.strictObject({
  /** Made by the phone once per tap and kept across retries: the same key returns the same alert. */
  idempotencyKey: z
    .string({ message: 'is required' })
    .trim()
    .min(8, { message: 'must be 8 to 100 characters' })
    .max(100, { message: 'must be 8 to 100 characters' })
    .regex(/^[A-Za-z0-9_.:-]+$/, { message: 'may use letters, digits and - _ . : only' }),
});

export const AvailabilitySchema = z.strictObject({
  available: z.boolean({ message: 'must be true or false' }),
});
export const AvailabilityViewSchema = z.object({ available: z.boolean() });

export const ESCALATION_MINUTES = { min: 1, max: 60 } as const;
export const ReachOutSettingsSchema = z.object({ escalateAfterMinutes: z.number().int() });
export type ReachOutSettingsView = z.infer<typeof ReachOutSettingsSchema>;
export const ReachOutSettingsUpdateSchema = z.strictObject({
  escalateAfterMinutes: z
    .number({ message: 'must be a whole number of minutes' })
    .int({ message: 'must be a whole number of minutes' })
    .min(ESCALATION_MINUTES.min, { message: 'must be from 1 to 60 minutes' })
    .max(ESCALATION_MINUTES.max, { message: 'must be from 1 to 60 minutes' }),
});

/** A house's record afterwards, for its peer leaders and admins: who asked, when, who answered. */
export const HouseReachOutRecordSchema = z.object({ alerts: z.array(AlertSchema) });
export type HouseReachOutRecord = z.infer<typeof HouseReachOutRecordSchema>;

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const reachOutReasons = defineReasons('reach_out', {
  alert_closed: {
    code: 'conflict',
    message: 'This alert is already closed: the person said they are okay now.',
  },
  not_on_call: {
    code: 'forbidden',
    message: 'Being available to be called is for people who live in or lead a house.',
  },
  not_answered: {
    code: 'forbidden',
    message: 'Only the person who asked, or someone who said they are calling, can close this alert.',
  },
});
export type ReachOutReason = keyof typeof reachOutReasons;

const tags = ['reach-out'] as const;

export const reachOutApi = {
  crisisLines: endpoint({
    method: 'GET',
    path: '/api/reach-out/crisis-lines',
    operationId: 'getCrisisLines',
    summary: 'The crisis line (call or text, menu keys) and the emergency number, from configuration',
    tags,
    responses: { 200: CrisisLinesSchema },
  }),
  state: endpoint({
    method: 'GET',
    path: '/api/reach-out',
    operationId: 'getReachOutState',
    summary:
      'My reach-out screen: the crisis lines, my open alert, open alerts that reached me, my availability',
    tags,
    responses: { 200: ReachOutStateSchema },
  }),
  availability: endpoint({
    method: 'POST',
    path: '/api/reach-out/availability',
    operationId: 'setReachOutAvailability',
    summary: 'Opt in or out as "available to be called" when a housemate reaches out',
    tags,
    body: AvailabilitySchema,
    responses: { 200: AvailabilityViewSchema },
    reasons: ['reach_out.not_on_call'],
  }),
  raise: endpoint({
    method: 'POST',
    path: '/api/reach-out/alerts',
    operationId: 'raiseReachOutAlert',
    summary:
      'Reach out now: alert the people on call for me (201), or get the alert this tap or one a moment ago raised (200)',
    tags,
    body: RaiseAlertSchema,
    responses: { 200: AlertSchema, 201: AlertSchema },
    reasons: ['limits.reach_out_alert'],
  }),
  alert: endpoint({
    method: 'GET',
    path: '/api/reach-out/alerts/:id',
    operationId: 'getReachOutAlert',
    summary: 'One alert: for the person who asked, the people it reached, and the house’s peer leaders',
    tags,
    params: IdParamsSchema,
    responses: { 200: AlertSchema },
  }),
  acknowledge: endpoint({
    method: 'POST',
    path: '/api/reach-out/alerts/:id/acknowledge',
    operationId: 'acknowledgeReachOutAlert',
    summary: '"I\'m calling you": by someone the alert reached; the person who asked sees it at once',
    tags,
    params: IdParamsSchema,
    responses: { 200: AlertSchema },
    reasons: ['reach_out.alert_closed'],
  }),
  close: endpoint({
    method: 'POST',
    path: '/api/reach-out/alerts/:id/close',
    operationId: 'closeReachOutAlert',
    summary: '"I\'m okay now" by the person who asked, or closed by someone who answered',
    tags,
    params: IdParamsSchema,
    responses: { 200: AlertSchema },
    reasons: ['reach_out.not_answered'],
  }),
  houseRecord: endpoint({
    method: 'GET',
    path: '/api/residences/:id/reach-out-alerts',
    operationId: 'listHouseReachOutAlerts',
    summary: 'A house’s reach-out record: who asked, when, who answered, escalations (no private text)',
    tags,
    params: IdParamsSchema,
    responses: { 200: HouseReachOutRecordSchema },
  }),
  settings: endpoint({
    method: 'GET',
    path: '/api/reach-out/settings',
    operationId: 'getReachOutSettings',
    summary: 'Minutes without an answer before an alert reaches the organization’s other peer leaders',
    tags,
    responses: { 200: ReachOutSettingsSchema },
  }),
  updateSettings: endpoint({
    method: 'PATCH',
    path: '/api/reach-out/settings',
    operationId: 'updateReachOutSettings',
    summary: 'Change the escalation delay (1 to 60 minutes; 5 by default)',
    tags,
    body: ReachOutSettingsUpdateSchema,
    responses: { 200: ReachOutSettingsSchema },
  }),
} as const;
