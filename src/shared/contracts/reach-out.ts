// Reach out now: the one-tap alert to the people on call, "I'm calling you", escalation, the crisis lines,
// "available to be called", the organization's escalation delay and a house's record afterwards.
import { z } from 'zod';
import { TimestampSchema } from './common.ts';
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
export const reachOutReasons = defineReasons('reach_out', {});
export type ReachOutReason = keyof typeof reachOutReasons;
