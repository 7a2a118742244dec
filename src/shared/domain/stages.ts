// Levels of recovery, derived from recovery time and defined only here (ARCHITECTURE.md, data model).
// Used on profiles (where the person allows: people.stage_visible_to) and later for matching mentors.
//
// | stage               | recovery time                          |
// | first_90_days       | day 0 up to day 89                     |
// | months_3_to_12      | day 90 up to the day before 1 year     |
// | years_1_to_5        | 1-year anniversary up to before 5 years|
// | years_5_plus        | 5-year anniversary and after           |
// Boundaries follow the milestones: the 90-day milestone opens the second stage, the 1-year and 5-year
// anniversaries (calendar, see recovery-time.ts) open the third and fourth.
import { addMonths, daysInRecovery } from './recovery-time.ts';

export const STAGES = ['first_90_days', 'months_3_to_12', 'years_1_to_5', 'years_5_plus'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_INFO: Record<Stage, { name: string; description: string }> = {
  first_90_days: {
    name: 'First 90 days',
    description: 'Early recovery: one day at a time, building routines and a circle of support.',
  },
  months_3_to_12: {
    name: '3 to 12 months',
    description: 'Finding footing: steadier days, new habits, taking on responsibility in the house.',
  },
  years_1_to_5: {
    name: '1 to 5 years',
    description: 'Sustained recovery: rebuilding work, family and community, helping newer peers.',
  },
  years_5_plus: {
    name: '5 years and more',
    description: 'Long-term recovery: experience to share, often as a mentor or peer leader.',
  },
};

/** The stage for recovery that started on `startsOn`, seen on `today` (both calendar dates). */
export function stageOf(startsOn: string, today: string): Stage {
  if (today >= addMonths(startsOn, 60)) return 'years_5_plus';
  if (today >= addMonths(startsOn, 12)) return 'years_1_to_5';
  if (daysInRecovery(startsOn, today) >= 90) return 'months_3_to_12';
  return 'first_90_days';
}
