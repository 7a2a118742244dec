// The daily check-in's vocabulary: scales, common triggers, the end-of-day reflection, signal kinds.
export { SUPPORT_KINDS, type SupportKind } from './vocabulary.ts';

/** Mood: 1 (very low) … 5 (very good). */
export const MOOD_MIN = 1;
export const MOOD_MAX = 5;
/** Craving: 0 (none) … 10 (the strongest). */
export const CRAVING_MIN = 0;
export const CRAVING_MAX = 10;
export const SLEEP_HOURS_MAX = 24;

/** Common triggers, offered as a multi-select; `other` comes with a short free text. */
export const TRIGGERS = [
  'stress',
  'loneliness',
  'boredom',
  'conflict',
  'money_worries',
  'physical_pain',
  'tiredness',
  'people_or_places_from_using',
  'celebration',
  'other',
] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** The optional end-of-day reflection: "how did today go". */
export const REFLECTIONS = ['easy', 'okay', 'hard', 'very_hard'] as const;
export type Reflection = (typeof REFLECTIONS)[number];

/** Early-warning signals a house's peer leaders see: who, which kind, how severe, when — never the text. */
export const SIGNAL_KINDS = ['craving', 'low_mood', 'support_request', 'reset', 'silence'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];
export const SIGNAL_SEVERITIES = ['low', 'medium', 'high'] as const;
export type SignalSeverity = (typeof SIGNAL_SEVERITIES)[number];

/** Default thresholds (per organization, changeable by an admin), and the ranges an admin may choose. */
export const DEFAULT_THRESHOLDS = { cravingThreshold: 8, lowMoodThreshold: 1, silenceDays: 3 } as const;
export const THRESHOLD_RANGES = {
  cravingThreshold: { min: 1, max: 10 },
  lowMoodThreshold: { min: 1, max: 4 },
  silenceDays: { min: 1, max: 14 },
} as const;

/** A signal kind and its severity, as raiseSignal files them. */
export type SignalCall = { kind: 'craving' | 'low_mood' | 'support_request'; severity: 'high' | 'medium' };

/**
 * The signals a check-in's figures call for, by the organization's thresholds:
 * only among the figures sent in this request, so an edit of only the reflection calls for none.
 */
export function signalsCalledFor(
  thresholds: { craving: number; lowMood: number },
  sent: {
    mood?: number | null | undefined;
    craving?: number | null | undefined;
    wantsSupport?: boolean | null | undefined;
  },
): SignalCall[] {
  const calls: SignalCall[] = [];
  if (sent.craving != null && sent.craving >= thresholds.craving)
    calls.push({ kind: 'craving', severity: 'high' });
  if (sent.mood != null && sent.mood <= thresholds.lowMood)
    calls.push({ kind: 'low_mood', severity: 'high' });
  if (sent.wantsSupport === true) calls.push({ kind: 'support_request', severity: 'medium' });
  return calls;
}
