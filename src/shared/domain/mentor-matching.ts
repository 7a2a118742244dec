// Suggesting mentors to a newer resident: who counts as further along, and who fits best.
//
// Further along (decision in this file, used by the server and explained on the mentors screen):
// 1. When both levels of recovery are known to the one matching and they differ, the higher level is
//    further along (stages.ts: first 90 days < 3–12 months < 1–5 years < 5 years and more).
// 2. Otherwise an alumnus is further along than a current resident (they finished a stay).
// 3. Otherwise the one who moved in at least MOVE_IN_LEAD_DAYS earlier is further along.
// A level of recovery is only known when its owner shared it with the other person (people.stage_visible_to),
// so matching never uses what someone kept to themselves.
//
// Fit: the same program, the same residence, the same recovery pathway (when both shared it), the same
// language, and skills they have in common. Ties go to the closer level of recovery (a peer a year
// further along, rather than twenty), then to the earlier move-in.
import { daysBetween } from './recovery-time.ts';
import { STAGES, type Stage } from './stages.ts';
import type { Language, RecoveryPathway } from './vocabulary.ts';

/** Days of lead in a house that make a peer "further along" when no level of recovery is known. */
export const MOVE_IN_LEAD_DAYS = 30;
/** How many suggestions a newer resident sees at a time. */
export const MAX_SUGGESTIONS = 5;

export const MATCH_REASONS = ['program', 'residence', 'pathway', 'language', 'skills'] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

const WEIGHTS: Record<MatchReason, number> = { program: 3, residence: 2, pathway: 2, language: 3, skills: 1 };
const MAX_SKILL_POINTS = 3;

export type MentorProfile = {
  personId: string;
  /** Level of recovery as the one matching may know it (their own, or shared with them), else null. */
  stage: Stage | null;
  /** When their current stay began (or their earliest stay for an alumnus), else null. */
  movedInOn: string | null;
  alumni: boolean;
  residenceIds: readonly string[];
  programIds: readonly string[];
  /** Recovery pathway when known to the one matching, else null. */
  pathway: RecoveryPathway | null;
  language: Language;
  /** Skill keys (skills.ts skillKey) they listed, whether to teach or to learn. */
  skills: readonly string[];
};

export type MentorSuggestion = {
  personId: string;
  score: number;
  reasons: MatchReason[];
  sharedSkills: string[];
};

const stageRank = (s: Stage) => STAGES.indexOf(s);

/** Whether `candidate` is further along than `newer` (the rules at the top of this file). */
export function isFurtherAlong(candidate: MentorProfile, newer: MentorProfile): boolean {
  if (candidate.stage && newer.stage && candidate.stage !== newer.stage) {
    return stageRank(candidate.stage) > stageRank(newer.stage);
  }
  if (candidate.alumni !== newer.alumni) return candidate.alumni;
  if (candidate.movedInOn && newer.movedInOn) {
    return daysBetween(candidate.movedInOn, newer.movedInOn) >= MOVE_IN_LEAD_DAYS;
  }
  return false;
}

const overlap = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(b);
  return [...new Set(a)].filter((x) => set.has(x)).sort();
};

/** What a pair has in common, with the reasons a mentee is shown ("same program", "same language"…). */
export function fitOf(mentee: MentorProfile, candidate: MentorProfile): Omit<MentorSuggestion, 'personId'> {
  const reasons: MatchReason[] = [];
  if (overlap(mentee.programIds, candidate.programIds).length > 0) reasons.push('program');
  if (overlap(mentee.residenceIds, candidate.residenceIds).length > 0) reasons.push('residence');
  if (mentee.pathway && mentee.pathway === candidate.pathway) reasons.push('pathway');
  if (mentee.language === candidate.language) reasons.push('language');
  const sharedSkills = overlap(mentee.skills, candidate.skills);
  if (sharedSkills.length > 0) reasons.push('skills');
  let score = 0;
  for (const reason of reasons) {
    score += reason === 'skills' ? Math.min(MAX_SKILL_POINTS, sharedSkills.length) : WEIGHTS[reason];
  }
  return { score, reasons, sharedSkills };
}

/** How far apart two levels are; unknown counts as far, so known closeness wins ties. */
const stageGap = (a: MentorProfile, b: MentorProfile) =>
  a.stage && b.stage ? Math.abs(stageRank(a.stage) - stageRank(b.stage)) : STAGES.length;

/**
 * Mentors to suggest to `mentee`: candidates further along (never the mentee), best fit first, at most
 * `limit`. Candidates are those who said they are open to mentoring; the caller leaves out anyone already
 * paired with or asked by the mentee.
 */
export function suggestMentors(
  mentee: MentorProfile,
  candidates: readonly MentorProfile[],
  limit: number = MAX_SUGGESTIONS,
): MentorSuggestion[] {
  if (mentee.alumni) return [];
  return candidates
    .filter((c) => c.personId !== mentee.personId && isFurtherAlong(c, mentee))
    .map((c) => ({ candidate: c, suggestion: { personId: c.personId, ...fitOf(mentee, c) } }))
    .sort(
      (a, b) =>
        b.suggestion.score - a.suggestion.score ||
        stageGap(a.candidate, mentee) - stageGap(b.candidate, mentee) ||
        (a.candidate.movedInOn ?? '9999').localeCompare(b.candidate.movedInOn ?? '9999') ||
        a.candidate.personId.localeCompare(b.candidate.personId),
    )
    .slice(0, limit)
    .map((x) => x.suggestion);
}
