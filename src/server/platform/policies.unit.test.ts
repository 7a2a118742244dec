import { describe, expect, it } from 'vitest';
import type { Actor } from './auth/actor.ts';
import { canViewHouse, ROUTE_POLICIES } from './policies.ts';

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

describe('route policies', () => {
  it('should let anyone through a public route', () => {
    expect(ROUTE_POLICIES.public()).toBe(true);
  });

  it('should let only signed-in people through signedIn', () => {
    expect(ROUTE_POLICIES.signedIn(null)).toBe(false);
    expect(ROUTE_POLICIES.signedIn(actor())).toBe(true);
  });

  it('should let only admins through orgAdmin', () => {
    expect(ROUTE_POLICIES.orgAdmin(admin)).toBe(true);
    for (const other of [null, residentOfA, leaderOfA, counselor, alumnusOfA])
      expect(ROUTE_POLICIES.orgAdmin(other)).toBe(false);
  });

  it('should let admins and peer leaders through houseStaff', () => {
    expect(ROUTE_POLICIES.houseStaff(admin)).toBe(true);
    expect(ROUTE_POLICIES.houseStaff(leaderOfA)).toBe(true);
    for (const other of [null, residentOfA, counselor, alumnusOfA])
      expect(ROUTE_POLICIES.houseStaff(other)).toBe(false);
  });
});

describe('canViewHouse', () => {
  it('should let residents and peer leaders see their own house', () => {
    expect(canViewHouse(residentOfA, 'A')).toBe(true);
    expect(canViewHouse(leaderOfA, 'A')).toBe(true);
  });

  it('should keep other houses closed to them', () => {
    expect(canViewHouse(residentOfA, 'B')).toBe(false);
    expect(canViewHouse(leaderOfA, 'B')).toBe(false);
  });

  it('should keep houses closed to counselors and alumni', () => {
    expect(canViewHouse(counselor, 'A')).toBe(false);
    expect(canViewHouse(alumnusOfA, 'A')).toBe(false);
  });

  it('should let an admin see any house (the query still scopes it to their organization)', () => {
    expect(canViewHouse(admin, 'B')).toBe(true);
  });
});
