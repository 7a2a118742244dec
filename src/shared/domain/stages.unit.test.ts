import { describe, expect, it } from 'vitest';
import { STAGE_INFO, STAGES, stageOf } from './stages.ts';

describe('levels of recovery', () => {
  it('are the first 90 days, 3–12 months, 1–5 years and 5+ years', () => {
    expect(STAGES).toEqual(['first_90_days', 'months_3_to_12', 'years_1_to_5', 'years_5_plus']);
    for (const stage of STAGES) expect(STAGE_INFO[stage].name.length).toBeGreaterThan(0);
  });

  it('change on the 90th day and on the 1- and 5-year anniversaries', () => {
    const start = '2020-01-31';
    expect(stageOf(start, start)).toBe('first_90_days');
    expect(stageOf(start, '2020-04-29')).toBe('first_90_days'); // day 89
    expect(stageOf(start, '2020-04-30')).toBe('months_3_to_12'); // day 90
    expect(stageOf(start, '2021-01-30')).toBe('months_3_to_12');
    expect(stageOf(start, '2021-01-31')).toBe('years_1_to_5');
    expect(stageOf(start, '2025-01-30')).toBe('years_1_to_5');
    expect(stageOf(start, '2025-01-31')).toBe('years_5_plus');
  });

  it('put a 29 February start into its next stage on 28 February of a common year', () => {
    expect(stageOf('2024-02-29', '2025-02-27')).toBe('months_3_to_12');
    expect(stageOf('2024-02-29', '2025-02-28')).toBe('years_1_to_5');
  });
});
