// The skills exchange's list: practical life and job skills peers teach each other (DOMAIN.md, the
// four kinds of support), plus 'other' in the person's own words. Each skill suggests the kind of
// support a session usually is; the two people may choose the other one.
import type { SupportKind } from './vocabulary.ts';

export const SKILLS = [
  'cooking',
  'budgeting',
  'resume',
  'job_interviews',
  'driving_practice',
  'computer_basics',
  'parenting',
  'fitness',
  'public_transit',
  'benefits_applications',
  'meditation',
  'other',
] as const;
export type Skill = (typeof SKILLS)[number];

export const SKILL_DIRECTIONS = ['teach', 'learn'] as const;
export type SkillDirection = (typeof SKILL_DIRECTIONS)[number];

/** A skill session is practical help or knowledge: the two kinds a session can be recorded as. */
export const SKILL_SESSION_KINDS = [
  'instrumental',
  'informational',
] as const satisfies readonly SupportKind[];
export type SkillSessionKind = (typeof SKILL_SESSION_KINDS)[number];

/**
 * The kind a session of each skill usually is. DOMAIN.md: teaching to cook or budget and filling in an
 * application are instrumental; job readiness, parenting, wellness and where to find things are informational.
 */
export const SKILL_KIND: Record<Skill, SkillSessionKind> = {
  cooking: 'instrumental',
  budgeting: 'instrumental',
  resume: 'instrumental',
  job_interviews: 'informational',
  driving_practice: 'instrumental',
  computer_basics: 'informational',
  parenting: 'informational',
  fitness: 'informational',
  public_transit: 'informational',
  benefits_applications: 'informational',
  meditation: 'informational',
  other: 'instrumental',
};

/** One skill as a key that compares equal for the same listed skill, or the same own words (any case). */
export function skillKey(skill: string, label: string): string {
  return skill === 'other' ? `other:${label.trim().toLocaleLowerCase()}` : skill;
}
