import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  canSeeSkillsOf,
  currentHousesOf,
  isMentorshipMember,
  ROUTE_POLICIES,
} from '../../platform/policies.ts';

const actor = (memberships: Actor['memberships'], personId = 'me'): Actor => ({
  personId,
  organizationId: 'org',
  sessionId: 's',
  language: 'en',
  timeZone: 'UTC',
  thresholds: { craving: 8, lowMood: 1 },
  memberships,
});

describe('skills exchange and mentors policies', () => {
  it('let residents, peer leaders and alumni in, and keep counselors and admins out', () => {
    expect(ROUTE_POLICIES.peer(actor([{ id: '1', role: 'resident', residenceId: 'maple' }]))).toBe(true);
    expect(ROUTE_POLICIES.peer(actor([{ id: '1', role: 'peer_leader', residenceId: 'maple' }]))).toBe(true);
    expect(ROUTE_POLICIES.peer(actor([{ id: '1', role: 'alumni', residenceId: 'maple' }]))).toBe(true);
    expect(ROUTE_POLICIES.peer(actor([{ id: '1', role: 'counselor', residenceId: null }]))).toBe(false);
    expect(ROUTE_POLICIES.peer(actor([{ id: '1', role: 'org_admin', residenceId: null }]))).toBe(false);
    expect(ROUTE_POLICIES.peer(null)).toBe(false);
  });

  it('count the houses I live in or lead today, never the one I am an alumnus of', () => {
    const me = actor([
      { id: '1', role: 'resident', residenceId: 'maple' },
      { id: '2', role: 'peer_leader', residenceId: 'maple' },
      { id: '3', role: 'alumni', residenceId: 'oak' },
    ]);
    expect(currentHousesOf(me)).toEqual(['maple']);
  });

  it('show skills to the owner’s house always, and to the organization only when chosen', () => {
    expect(canSeeSkillsOf(['maple'], { residenceIds: ['maple'], visibleTo: 'house' })).toBe(true);
    expect(canSeeSkillsOf(['oak'], { residenceIds: ['maple'], visibleTo: 'house' })).toBe(false);
    expect(canSeeSkillsOf([], { residenceIds: ['maple'], visibleTo: 'house' })).toBe(false);
    expect(canSeeSkillsOf(['oak'], { residenceIds: ['maple'], visibleTo: 'organization' })).toBe(true);
    // An alumna has no house: her skills reach peers only when she shares them with the organization.
    expect(canSeeSkillsOf(['maple'], { residenceIds: [], visibleTo: 'house' })).toBe(false);
  });

  it('give a mentorship to its two people alone', () => {
    const pair = { mentorId: 'mentor', menteeId: 'mentee' };
    expect(isMentorshipMember(actor([], 'mentor'), pair)).toBe(true);
    expect(isMentorshipMember(actor([], 'mentee'), pair)).toBe(true);
    expect(isMentorshipMember(actor([], 'someone'), pair)).toBe(false);
  });
});
