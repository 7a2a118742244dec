import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { ROUTE_POLICIES } from '../../platform/policies.ts';
import { isMentorshipMember } from '../mentors/policy.ts';
import { canSeeSkillsOf, currentHousesOf, refusalOfSessionChange, sessionActions } from './policy.ts';

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

  it('let the other person accept a proposed session, either call it off, and either mark it done once arranged', () => {
    const session = (state: string) => ({ teacherId: 'ana', learnerId: 'ben', proposedBy: 'ben', state });
    expect(refusalOfSessionChange('ana', session('proposed'), 'accept')).toBeNull();
    expect(refusalOfSessionChange('ben', session('proposed'), 'accept')).toBe(
      'skills.session_proposed_by_you',
    );
    expect(refusalOfSessionChange('ana', session('arranged'), 'accept')).toBe('skills.session_changed');
    expect(refusalOfSessionChange('ben', session('proposed'), 'done')).toBe('skills.session_not_accepted');
    expect(refusalOfSessionChange('ben', session('arranged'), 'done')).toBeNull();
    expect(refusalOfSessionChange('ana', session('done'), 'done')).toBe('skills.session_changed');
    expect(refusalOfSessionChange('ana', session('arranged'), 'cancel')).toBeNull();
    expect(refusalOfSessionChange('ana', session('cancelled'), 'cancel')).toBe('skills.session_changed');
    expect(sessionActions('ana', session('proposed'))).toEqual({
      canAccept: true,
      canCancel: true,
      canMarkDone: false,
    });
    expect(sessionActions('cara', session('arranged'))).toEqual({
      canAccept: false,
      canCancel: false,
      canMarkDone: false,
    });
  });
});
