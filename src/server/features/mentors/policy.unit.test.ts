import { describe, expect, it } from 'vitest';
import type { MentorProfile } from '../../../shared/domain/mentor-matching.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { refusalOfChange, refusalOfLogEntry, refusalOfRequest } from './policy.ts';

const resident: Actor = {
  personId: 'nora',
  organizationId: 'org',
  sessionId: 's',
  language: 'en',
  timeZone: 'UTC',
  thresholds: { craving: 8, lowMood: 1 },
  memberships: [{ id: '1', role: 'resident', residenceId: 'maple' }],
};
const alumna: Actor = { ...resident, memberships: [{ id: '2', role: 'alumni', residenceId: 'maple' }] };

const profile = (personId: string, over: Partial<MentorProfile> = {}): MentorProfile => ({
  personId,
  stage: null,
  movedInOn: '2026-01-01',
  alumni: false,
  residenceIds: ['maple'],
  programIds: [],
  pathway: null,
  language: 'en',
  skills: [],
  ...over,
});
const newcomer = profile('nora', { stage: 'first_90_days' });
const veteran = { ...profile('maria', { stage: 'years_1_to_5' }), openToMentoring: true };

describe('mentors policy', () => {
  it('should let a resident ask someone open to mentoring and further along, and say why not otherwise', () => {
    expect(refusalOfRequest(resident, true, newcomer, veteran)).toBeNull();
    expect(refusalOfRequest(resident, true, newcomer, { ...newcomer, openToMentoring: true })).toBe(
      'mentors.is_you',
    );
    expect(refusalOfRequest(alumna, true, newcomer, veteran)).toBe('mentors.for_residents');
    expect(refusalOfRequest(resident, true, newcomer, { ...veteran, openToMentoring: false })).toBe(
      'mentors.not_open',
    );
    expect(refusalOfRequest(resident, true, newcomer, { ...veteran, stage: null })).toBe(
      'mentors.not_further_along',
    );
  });

  it('should let a peer offer to mentor a newer current resident only', () => {
    const maria = profile('maria', { stage: 'years_1_to_5' });
    expect(refusalOfRequest(resident, false, maria, { ...newcomer, openToMentoring: false })).toBeNull();
    expect(
      refusalOfRequest(resident, false, maria, { ...newcomer, alumni: true, openToMentoring: false }),
    ).toBe('mentors.mentee_is_alumni');
    expect(refusalOfRequest(resident, false, newcomer, { ...maria, openToMentoring: false })).toBe(
      'mentors.not_newer',
    );
  });

  it('should leave the answer to the person asked, and let either end it once', () => {
    const pair = (state: string) => ({ mentorId: 'maria', menteeId: 'nora', requestedBy: 'nora', state });
    expect(refusalOfChange('maria', pair('proposed'), 'accept')).toBeNull();
    expect(refusalOfChange('nora', pair('proposed'), 'accept')).toBe('mentors.answer_is_theirs');
    expect(refusalOfChange('maria', pair('active'), 'decline')).toBe('mentors.request_answered');
    expect(refusalOfChange('nora', pair('active'), 'end')).toBeNull();
    expect(refusalOfChange('nora', pair('declined'), 'end')).toBe('mentors.already_over');
    expect(refusalOfLogEntry(pair('active'))).toBeNull();
    expect(refusalOfLogEntry(pair('ended'))).toBe('mentors.log_closed');
  });
});
