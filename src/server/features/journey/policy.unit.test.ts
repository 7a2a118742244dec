import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { canListUpcomingMilestones, canSeeRecoveryTime, isOwnMilestone } from './policy.ts';

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
const counselor = actor({ id: 'm4', role: 'counselor', residenceId: null });
const alumnusOfA = actor({ id: 'm5', role: 'alumni', residenceId: 'A' });

describe('canSeeRecoveryTime', () => {
  const ownerInA = { personId: 'owner', residenceIds: ['A'] };
  const residentOfB = actor({ id: 'm6', role: 'resident', residenceId: 'B' });
  const leaderOfB = actor({ id: 'm7', role: 'peer_leader', residenceId: 'B' });
  const sees = (audience: string) =>
    [admin, residentOfA, leaderOfA, counselor, alumnusOfA, residentOfB, leaderOfB].map((a) =>
      canSeeRecoveryTime(a, ownerInA, audience),
    );

  it('should always show people their own recovery time, whatever the audience', () => {
    const self = actor({ id: 'm8', role: 'resident', residenceId: 'A' });
    expect(canSeeRecoveryTime(self, { personId: 'p', residenceIds: ['A'] }, 'only_me')).toBe(true);
  });

  it('should follow the chosen audience (admin, housemate, leader, counselor, alumnus, other house, its leader)', () => {
    expect(sees('only_me')).toEqual([false, false, false, false, false, false, false]);
    expect(sees('peer_leader')).toEqual([false, false, true, false, false, false, false]);
    expect(sees('house')).toEqual([false, true, true, false, false, false, false]);
    expect(sees('organization')).toEqual([true, true, true, false, true, true, true]);
    expect(sees('anything-else')).toEqual([false, false, false, false, false, false, false]);
  });

  it('should let only admins and the peer leaders of a house list its upcoming milestones', () => {
    expect(canListUpcomingMilestones(admin, 'A')).toBe(true);
    expect(canListUpcomingMilestones(leaderOfA, 'A')).toBe(true);
    expect(canListUpcomingMilestones(leaderOfA, 'B')).toBe(false);
    for (const other of [residentOfA, counselor, alumnusOfA])
      expect(canListUpcomingMilestones(other, 'A')).toBe(false);
  });
});

describe('isOwnMilestone', () => {
  it('should name only the person who reached the milestone', () => {
    expect(isOwnMilestone(residentOfA, { personId: 'p' })).toBe(true);
    expect(isOwnMilestone(residentOfA, { personId: 'someone-else' })).toBe(false);
  });
});
