import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { canAnswerAlert, canCloseAlert, canViewAlert, knowsOfAlert } from './policy.ts';

const HOUSE = '00000000-0000-4000-8000-00000000000a';
const OTHER_HOUSE = '00000000-0000-4000-8000-00000000000b';
const actor = (personId: string, memberships: Actor['memberships'] = []): Actor => ({
  personId,
  organizationId: 'org',
  sessionId: 'session',
  language: 'en',
  timeZone: 'UTC',
  thresholds: { craving: 8, lowMood: 1 },
  memberships,
});
const asker = actor('asker', [{ id: 'm1', role: 'resident', residenceId: HOUSE }]);
const leader = actor('leader', [{ id: 'm2', role: 'peer_leader', residenceId: HOUSE }]);
const otherLeader = actor('other-leader', [{ id: 'm3', role: 'peer_leader', residenceId: OTHER_HOUSE }]);
const admin = actor('admin', [{ id: 'm4', role: 'org_admin', residenceId: null }]);
const peer = actor('peer', [{ id: 'm5', role: 'resident', residenceId: HOUSE }]);

describe('reach-out rules', () => {
  it('should let only someone the alert reached answer it, never the person who asked', () => {
    const alert = { personId: 'asker', reached: ['leader', 'peer'] };
    expect(canAnswerAlert(leader, alert)).toBe(true);
    expect(canAnswerAlert(peer, alert)).toBe(true);
    expect(canAnswerAlert(asker, { ...alert, reached: [...alert.reached, 'asker'] })).toBe(false);
    expect(canAnswerAlert(otherLeader, alert)).toBe(false);
    expect(canAnswerAlert(admin, alert)).toBe(false);
  });

  it('should let only the person who asked and the people it reached know of it', () => {
    const alert = { personId: 'asker', reached: ['leader'] };
    expect(knowsOfAlert(asker, alert)).toBe(true);
    expect(knowsOfAlert(leader, alert)).toBe(true);
    expect(knowsOfAlert(peer, alert)).toBe(false);
    expect(knowsOfAlert(admin, alert)).toBe(false);
  });

  it('should let the person who asked, or someone who said they are calling, close it', () => {
    const alert = { personId: 'asker', answered: ['peer'] };
    expect(canCloseAlert(asker, alert)).toBe(true);
    expect(canCloseAlert(peer, alert)).toBe(true);
    expect(canCloseAlert(leader, alert)).toBe(false);
  });

  it('should show an alert to the person, the people it reached, the house’s peer leaders and admins', () => {
    const alert = { personId: 'asker', residenceId: HOUSE, reachedViewer: false };
    expect(canViewAlert(asker, alert)).toBe(true);
    expect(canViewAlert(leader, alert)).toBe(true);
    expect(canViewAlert(admin, alert)).toBe(true);
    expect(canViewAlert(peer, alert)).toBe(false);
    expect(canViewAlert(peer, { ...alert, reachedViewer: true })).toBe(true);
    expect(canViewAlert(otherLeader, alert)).toBe(false);
    expect(canViewAlert(otherLeader, { ...alert, reachedViewer: true })).toBe(true);
    expect(canViewAlert(leader, { ...alert, residenceId: null })).toBe(false);
  });
});
