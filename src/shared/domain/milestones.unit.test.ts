import { describe, expect, it } from 'vitest';
import {
  milestoneDate,
  milestoneFromKey,
  milestonesOn,
  nextMilestone,
  reachedMilestones,
  upcomingMilestones,
} from './milestones.ts';

const keys = (ms: { key: string }[]) => ms.map((m) => m.key);

describe('milestones', () => {
  it('follow the convention: 24 hours, 30, 60, 90 days, 6 and 9 months, 1 year, 18 months, then every year', () => {
    expect(keys(reachedMilestones('2020-01-01', '2026-01-01'))).toEqual([
      '24h',
      '30d',
      '60d',
      '90d',
      '6m',
      '9m',
      '1y',
      '18m',
      '2y',
      '3y',
      '4y',
      '5y',
      '6y',
    ]);
  });

  it('fall on the right dates for a start date', () => {
    const start = '2026-01-31';
    const on = (key: string) =>
      milestoneDate(start, milestoneFromKey(key) as NonNullable<ReturnType<typeof milestoneFromKey>>);
    expect(on('24h')).toBe('2026-02-01');
    expect(on('30d')).toBe('2026-03-02');
    expect(on('60d')).toBe('2026-04-01');
    expect(on('90d')).toBe('2026-05-01');
    expect(on('6m')).toBe('2026-07-31');
    expect(on('9m')).toBe('2026-10-31');
    expect(on('1y')).toBe('2027-01-31');
    expect(on('18m')).toBe('2027-07-31');
    expect(on('10y')).toBe('2036-01-31');
  });

  it('clamp month ends and 29 February like the recovery time does', () => {
    const six = milestoneFromKey('6m');
    const year = milestoneFromKey('1y');
    if (!six || !year) throw new Error('missing');
    expect(milestoneDate('2025-08-31', six)).toBe('2026-02-28');
    expect(milestoneDate('2024-02-29', year)).toBe('2025-02-28');
  });

  it('know their keys and refuse unknown ones', () => {
    expect(milestoneFromKey('18m')).toEqual({ key: '18m', unit: 'months', count: 18 });
    expect(milestoneFromKey('12y')).toEqual({ key: '12y', unit: 'years', count: 12 });
    expect(milestoneFromKey('7d')).toBeNull();
    expect(milestoneFromKey('0y')).toBeNull();
    expect(milestoneFromKey('12m')).toBeNull();
  });

  it('count one reached on its own day, and none on the start date', () => {
    expect(reachedMilestones('2026-01-01', '2026-01-01')).toEqual([]);
    expect(keys(reachedMilestones('2026-01-01', '2026-01-02'))).toEqual(['24h']);
    expect(keys(milestonesOn('2026-01-01', '2026-01-31'))).toEqual(['30d']);
    expect(milestonesOn('2026-01-01', '2026-01-30')).toEqual([]);
  });

  it('name the next one and the days to it', () => {
    expect(nextMilestone('2026-01-01', '2026-01-01')).toMatchObject({ key: '24h', daysTo: 1 });
    expect(nextMilestone('2026-01-01', '2026-04-03')).toMatchObject({
      key: '6m',
      date: '2026-07-01',
      daysTo: 89,
    });
    expect(nextMilestone('2026-01-01', '2026-01-31')).toMatchObject({ key: '60d', daysTo: 30 });
    expect(nextMilestone('2010-05-05', '2026-05-05')).toMatchObject({ key: '17y', daysTo: 365 });
  });

  it('list the upcoming ones within N days (after today, up to and including day N)', () => {
    expect(keys(upcomingMilestones('2026-01-01', '2026-01-16', 14))).toEqual([]);
    expect(upcomingMilestones('2026-01-01', '2026-01-17', 14)).toEqual([
      { key: '30d', unit: 'days', count: 30, date: '2026-01-31', daysTo: 14 },
    ]);
    expect(keys(upcomingMilestones('2026-01-01', '2026-01-31', 14))).toEqual([]);
    expect(keys(upcomingMilestones('2026-01-01', '2025-12-31', 31))).toEqual(['24h', '30d']);
  });
});

describe('milestones of a 29 February start', () => {
  it('celebrate the years on 28 February in common years and 29 February in leap years', () => {
    expect(nextMilestone('2024-02-29', '2025-01-01')).toMatchObject({ key: '1y', date: '2025-02-28' });
    const years = reachedMilestones('2024-02-29', '2028-03-01')
      .filter((m) => m.unit === 'years')
      .map((m) => m.date);
    expect(years).toEqual(['2025-02-28', '2026-02-28', '2027-02-28', '2028-02-29']);
  });

  it('list a yearly milestone as upcoming within the window', () => {
    expect(upcomingMilestones('2020-06-10', '2026-06-01', 14)).toEqual([
      { key: '6y', unit: 'years', count: 6, date: '2026-06-10', daysTo: 9 },
    ]);
  });
});
