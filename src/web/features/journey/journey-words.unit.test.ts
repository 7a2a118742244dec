import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { BARC10_STATEMENTS } from '../../../shared/domain/barc10.ts';
import { en } from '../../app/i18n/en.ts';
import { es } from '../../app/i18n/es.ts';
import { breakdownText, milestoneName } from './journey-api.ts';

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

describe('recovery time in words', () => {
  it('says "3 months, 2 days" and leaves out parts that are zero', async () => {
    const t = await translator('en');
    expect(breakdownText(t, { years: 0, months: 3, days: 2 })).toBe('3 months, 2 days');
    expect(breakdownText(t, { years: 1, months: 0, days: 1 })).toBe('1 year, 1 day');
    expect(breakdownText(t, { years: 0, months: 0, days: 0 })).toBe('0 days');
  });

  it('speaks Spanish too', async () => {
    const t = await translator('es');
    expect(breakdownText(t, { years: 2, months: 1, days: 0 })).toBe('2 años, 1 mes');
    expect(milestoneName(t, { unit: 'days', count: 30 })).toBe('30 días');
  });

  it('names each kind of milestone', async () => {
    const t = await translator('en');
    expect(milestoneName(t, { unit: 'hours', count: 24 })).toBe('24 hours');
    expect(milestoneName(t, { unit: 'months', count: 18 })).toBe('18 months');
    expect(milestoneName(t, { unit: 'years', count: 1 })).toBe('1 year');
  });
});

describe('BARC-10 statements', () => {
  it('are in English exactly as the shared domain text', () => {
    expect(Object.values(en.barc10.statements)).toEqual([...BARC10_STATEMENTS]);
  });

  it('have ten Spanish translations', () => {
    expect(Object.values(es.barc10.statements)).toHaveLength(10);
  });
});
