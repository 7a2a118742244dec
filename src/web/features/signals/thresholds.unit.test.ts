import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../app/i18n/en.ts';
import { es } from '../../app/i18n/es.ts';
import { checkThreshold } from './thresholds.ts';

async function translator(lng: 'en' | 'es') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { en: { translation: en }, es: { translation: es } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return i18n.t;
}

describe('signal threshold check', () => {
  it('accepts whole numbers inside each range, the ends included', async () => {
    const t = await translator('en');
    for (const [field, value] of [
      ['cravingThreshold', '1'],
      ['cravingThreshold', '10'],
      ['lowMoodThreshold', '4'],
      ['silenceDays', ' 14 '],
    ] as const) {
      expect(checkThreshold(t, field, value)).toBeUndefined();
    }
  });

  it('names the field and its range for empty, fractional, out-of-range or non-numeric values', async () => {
    const t = await translator('en');
    for (const value of ['', '0', '11', '7.5', 'eight']) {
      expect(checkThreshold(t, 'cravingThreshold', value)).toBe(
        'A craving at or above: enter a whole number from 1 to 10.',
      );
    }
    expect(checkThreshold(t, 'lowMoodThreshold', '5')).toBe(
      'A mood at or below: enter a whole number from 1 to 4.',
    );
    expect(checkThreshold(t, 'silenceDays', '15')).toBe(
      'Days without a check-in: enter a whole number from 1 to 14.',
    );
  });

  it('says it in Spanish too', async () => {
    const t = await translator('es');
    expect(checkThreshold(t, 'silenceDays', '0')).toBe(
      'Días sin registro: escribe un número entero de 1 a 14.',
    );
  });
});
