import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { canEndRole, canIssueResetCode, residenceRuleOf } from './policy.ts';

const actor = (...memberships: Actor['memberships']): Actor => ({
  personId: 'p',
  organizationId: 'o',
  sessionId: 's',
  language: 'en',
  timeZone: 'UTC',
  thresholds: { craving: 8, lowMood: 1 },
  memberships,
});
const admin = actor({ id: 'm1', role: 'org_admin', residenceId: null });
const residentOfA = actor({ id: 'm2', role: 'resident', residenceId: 'A' });
const leaderOfA = actor({ id: 'm3', role: 'peer_leader', residenceId: 'A' });

describe('canIssueResetCode', () => {
  it('should let an admin issue a code for anyone', () => {
    expect(canIssueResetCode(admin, [])).toBe(true);
  });

  it('should let a peer leader issue a code only for people of their house', () => {
    expect(canIssueResetCode(leaderOfA, ['A'])).toBe(true);
    expect(canIssueResetCode(leaderOfA, ['B'])).toBe(false);
    expect(canIssueResetCode(leaderOfA, [])).toBe(false);
  });

  it('should refuse residents', () => {
    expect(canIssueResetCode(residentOfA, ['A'])).toBe(false);
  });
});

describe('canEndRole', () => {
  it("should keep an admin from ending their own admin role, not another's or their other roles", () => {
    expect(canEndRole(admin, { role: 'org_admin', personId: 'p' })).toBe(false);
    expect(canEndRole(admin, { role: 'org_admin', personId: 'someone else' })).toBe(true);
    expect(canEndRole(admin, { role: 'counselor', personId: 'p' })).toBe(true);
  });
});

describe('residenceRuleOf', () => {
  it('should tie residents and peer leaders to a house, let alumni keep one, and keep others out', () => {
    expect(residenceRuleOf('resident')).toBe('required');
    expect(residenceRuleOf('peer_leader')).toBe('required');
    expect(residenceRuleOf('alumni')).toBe('optional');
    expect(residenceRuleOf('org_admin')).toBe('not_allowed');
    expect(residenceRuleOf('counselor')).toBe('not_allowed');
  });
});
