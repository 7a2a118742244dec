import { describe, expect, it } from 'vitest';
import {
  fitOf,
  isFurtherAlong,
  MAX_SUGGESTIONS,
  type MentorProfile,
  suggestMentors,
} from './mentor-matching.ts';
import { skillKey } from './skills.ts';

const person = (personId: string, overrides: Partial<MentorProfile> = {}): MentorProfile => ({
  personId,
  stage: null,
  movedInOn: null,
  alumni: false,
  residenceIds: [],
  programIds: [],
  pathway: null,
  language: 'en',
  skills: [],
  ...overrides,
});

describe('who is further along', () => {
  it('goes by the level of recovery when both are known and differ', () => {
    const newer = person('n', { stage: 'first_90_days', movedInOn: '2025-01-01' });
    // Moved in later, but a year further along in recovery: the level of recovery decides.
    const peer = person('p', { stage: 'years_1_to_5', movedInOn: '2026-01-01' });
    expect(isFurtherAlong(peer, newer)).toBe(true);
    expect(isFurtherAlong(newer, peer)).toBe(false);
  });

  it('counts an alumnus further along than a resident at the same or an unknown level', () => {
    const newer = person('n', { stage: 'months_3_to_12' });
    expect(isFurtherAlong(person('a', { alumni: true, stage: 'months_3_to_12' }), newer)).toBe(true);
    expect(isFurtherAlong(person('a', { alumni: true }), newer)).toBe(true);
    expect(isFurtherAlong(newer, person('a', { alumni: true }))).toBe(false);
  });

  it('never puts an alumnus at a lower known level above a resident', () => {
    const resident = person('r', { stage: 'years_1_to_5' });
    expect(isFurtherAlong(person('a', { alumni: true, stage: 'months_3_to_12' }), resident)).toBe(false);
  });

  it('falls back to the move-in date: at least 30 days earlier', () => {
    const newer = person('n', { movedInOn: '2026-03-01' });
    expect(isFurtherAlong(person('p', { movedInOn: '2026-01-30' }), newer)).toBe(true); // 30 days
    expect(isFurtherAlong(person('p', { movedInOn: '2026-01-31' }), newer)).toBe(false); // 29 days
    expect(isFurtherAlong(person('p', { movedInOn: '2026-03-01' }), newer)).toBe(false);
  });

  it('uses the move-in date when only one level of recovery is known', () => {
    const newer = person('n', { stage: 'first_90_days', movedInOn: '2026-03-01' });
    expect(isFurtherAlong(person('p', { movedInOn: '2025-06-01' }), newer)).toBe(true);
  });

  it('says no when nothing is known to compare', () => {
    expect(isFurtherAlong(person('p'), person('n'))).toBe(false);
  });
});

describe('how well a pair fits', () => {
  const cooking = skillKey('cooking', '');
  const guitar = skillKey('other', 'Guitar ');

  it('names every reason they have in common and scores them', () => {
    const mentee = person('n', {
      programIds: ['prog-w'],
      residenceIds: ['maple'],
      pathway: 'smart',
      language: 'es',
      skills: [cooking, guitar],
    });
    const mentor = person('m', {
      programIds: ['prog-w', 'prog-x'],
      residenceIds: ['maple'],
      pathway: 'smart',
      language: 'es',
      skills: [skillKey('other', 'guitar'), cooking, 'fitness'],
    });
    const fit = fitOf(mentee, mentor);
    expect(fit.reasons).toEqual(['program', 'residence', 'pathway', 'language', 'skills']);
    expect(fit.sharedSkills).toEqual([cooking, 'other:guitar']);
    expect(fit.score).toBe(3 + 2 + 2 + 3 + 2);
  });

  it('ignores a pathway that one of them did not share', () => {
    const fit = fitOf(person('n', { pathway: null }), person('m', { pathway: null }));
    expect(fit.reasons).toEqual(['language']);
  });

  it('counts at most three shared skills', () => {
    const skills = ['cooking', 'budgeting', 'resume', 'fitness', 'parenting'];
    const fit = fitOf(person('n', { skills, language: 'en' }), person('m', { skills, language: 'es' }));
    expect(fit.score).toBe(3);
  });
});

describe('suggesting mentors', () => {
  const mentee = person('newcomer', {
    stage: 'first_90_days',
    movedInOn: '2026-10-01',
    residenceIds: ['maple'],
    programIds: ['women'],
    language: 'es',
  });

  it('suggests only peers further along, never the newcomer herself, best fit first', () => {
    const suggestions = suggestMentors(mentee, [
      mentee,
      person('same-stage', { stage: 'first_90_days', movedInOn: '2026-10-02', language: 'es' }),
      person('year-on-english', { stage: 'years_1_to_5', programIds: ['women'] }),
      person('year-on-spanish', { stage: 'years_1_to_5', programIds: ['women'], language: 'es' }),
      person('alumna', { alumni: true, residenceIds: ['maple'] }),
    ]);
    expect(suggestions.map((s) => s.personId)).toEqual(['year-on-spanish', 'year-on-english', 'alumna']);
    expect(suggestions[0]).toEqual({
      personId: 'year-on-spanish',
      score: 6,
      reasons: ['program', 'language'],
      sharedSkills: [],
    });
  });

  it('prefers the closer level of recovery when the fit is equal', () => {
    const suggestions = suggestMentors(mentee, [
      person('five-years', { stage: 'years_5_plus', language: 'es' }),
      person('one-year', { stage: 'years_1_to_5', language: 'es' }),
      person('months', { stage: 'months_3_to_12', language: 'es' }),
    ]);
    expect(suggestions.map((s) => s.personId)).toEqual(['months', 'one-year', 'five-years']);
  });

  it('offers nobody to an alumnus, and at most five to anyone', () => {
    const many = Array.from({ length: 9 }, (_, i) => person(`p${i}`, { stage: 'years_5_plus' }));
    expect(suggestMentors(person('a', { alumni: true }), many)).toEqual([]);
    expect(suggestMentors(mentee, many)).toHaveLength(MAX_SUGGESTIONS);
    expect(suggestMentors(mentee, many, 2).map((s) => s.personId)).toEqual(['p0', 'p1']);
  });
});
