import { describe, expect, it } from 'vitest';
import { heldOnDay, isCurrentAt } from './memberships.ts';

describe('heldOnDay', () => {
  it('should hold the role from its first day, and not on the day it ends', () => {
    const m = { startsOn: '2026-01-01', endsOn: '2026-01-31' };
    expect(heldOnDay(m, '2026-01-01')).toBe(true);
    expect(heldOnDay(m, '2026-01-30')).toBe(true);
    expect(heldOnDay(m, '2026-01-31')).toBe(false);
    expect(heldOnDay(m, '2025-12-31')).toBe(false);
  });

  it('should treat an open end as still running', () => {
    expect(heldOnDay({ startsOn: '2026-01-01', endsOn: null }, '2099-12-31')).toBe(true);
  });
});

describe('isCurrentAt', () => {
  const startsAt = new Date('2026-01-01T10:00:00Z');
  const endsAt = new Date('2026-01-31T10:00:00Z');

  it('should hold the role from its start instant until, not at, its end instant', () => {
    expect(isCurrentAt({ startsAt, endsAt }, new Date('2026-01-01T09:59:59Z'))).toBe(false);
    expect(isCurrentAt({ startsAt, endsAt }, startsAt)).toBe(true);
    expect(isCurrentAt({ startsAt, endsAt }, new Date('2026-01-31T09:59:59Z'))).toBe(true);
    expect(isCurrentAt({ startsAt, endsAt }, endsAt)).toBe(false);
    expect(isCurrentAt({ startsAt, endsAt: null }, new Date('2099-01-01T00:00:00Z'))).toBe(true);
  });
});
