// Milestones of the recovery-community convention (DOMAIN.md): 24 hours, 30, 60, 90 days, 6 months,
// 9 months, 1 year, 18 months, then every year. Month and year milestones fall on calendar anniversaries
// (see recovery-time.ts for month ends and 29 February); "24 hours" falls on the day after the start date.
import { addDays, addMonths, daysBetween } from './recovery-time.ts';

export type MilestoneUnit = 'hours' | 'days' | 'months' | 'years';
export type Milestone = { key: string; unit: MilestoneUnit; count: number };
export type DatedMilestone = Milestone & { date: string };

const FIXED: Milestone[] = [
  { key: '24h', unit: 'hours', count: 24 },
  { key: '30d', unit: 'days', count: 30 },
  { key: '60d', unit: 'days', count: 60 },
  { key: '90d', unit: 'days', count: 90 },
  { key: '6m', unit: 'months', count: 6 },
  { key: '9m', unit: 'months', count: 9 },
  { key: '1y', unit: 'years', count: 1 },
  { key: '18m', unit: 'months', count: 18 },
];

const yearly = (years: number): Milestone => ({ key: `${years}y`, unit: 'years', count: years });

/** The milestone a stored key names (e.g. '90d', '18m', '7y'), or null for an unknown key. */
export function milestoneFromKey(key: string): Milestone | null {
  const fixed = FIXED.find((m) => m.key === key);
  if (fixed) return fixed;
  const match = /^([1-9]\d{0,2})y$/.exec(key);
  return match ? yearly(Number(match[1])) : null;
}

/** The calendar date a milestone falls on for a start date. */
export function milestoneDate(startsOn: string, milestone: Milestone): string {
  switch (milestone.unit) {
    case 'hours':
      return addDays(startsOn, milestone.count / 24);
    case 'days':
      return addDays(startsOn, milestone.count);
    case 'months':
      return addMonths(startsOn, milestone.count);
    case 'years':
      return addMonths(startsOn, milestone.count * 12);
  }
}

/** Milestones in order with their dates, lazily, without end (every year after 18 months). */
export function* milestonesFrom(startsOn: string): Generator<DatedMilestone> {
  for (const m of FIXED) yield { ...m, date: milestoneDate(startsOn, m) };
  for (let years = 2; ; years++) {
    const m = yearly(years);
    yield { ...m, date: milestoneDate(startsOn, m) };
  }
}

/** Milestones reached on or before `today` (a milestone falling today is reached today). */
export function reachedMilestones(startsOn: string, today: string): DatedMilestone[] {
  const reached: DatedMilestone[] = [];
  for (const m of milestonesFrom(startsOn)) {
    if (m.date > today) break;
    reached.push(m);
  }
  return reached;
}

/** Milestones reached exactly on `date`. */
export function milestonesOn(startsOn: string, date: string): DatedMilestone[] {
  return reachedMilestones(startsOn, date).filter((m) => m.date === date);
}

/** The first milestone after today, with the days to it. */
export function nextMilestone(startsOn: string, today: string): DatedMilestone & { daysTo: number } {
  for (const m of milestonesFrom(startsOn)) {
    if (m.date > today) return { ...m, daysTo: daysBetween(today, m.date) };
  }
  throw new Error('unreachable: milestones never end');
}

/** Milestones falling after today and at most `days` days away. */
export function upcomingMilestones(
  startsOn: string,
  today: string,
  days: number,
): (DatedMilestone & { daysTo: number })[] {
  const until = addDays(today, days);
  const upcoming: (DatedMilestone & { daysTo: number })[] = [];
  for (const m of milestonesFrom(startsOn)) {
    if (m.date > until) break;
    if (m.date > today) upcoming.push({ ...m, daysTo: daysBetween(today, m.date) });
  }
  return upcoming;
}
