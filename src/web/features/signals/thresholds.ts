// The signal thresholds form's own check: a whole number inside the field's range, else a sentence that
// names the field and what it takes (the same words whichever language the admin reads).
import type { TFunction } from 'i18next';
import { THRESHOLD_RANGES } from '../../../shared/domain/check-in.ts';

export const THRESHOLD_FIELDS = ['cravingThreshold', 'lowMoodThreshold', 'silenceDays'] as const;
export type ThresholdField = (typeof THRESHOLD_FIELDS)[number];

export function checkThreshold(t: TFunction, field: ThresholdField, value: string): string | undefined {
  const { min, max } = THRESHOLD_RANGES[field];
  const text = value.trim();
  const n = Number(text);
  if (text !== '' && Number.isInteger(n) && n >= min && n <= max) return undefined;
  return t('signalSettings.wholeNumber', { field: t(`signalSettings.${field}`), min, max });
}
