// The skills exchange from the phone: my list, matches, sessions; live updates when a match or a session changes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { NewSkillListing, NewSkillSession, SkillAudience } from '../../../shared/contracts/skills.ts';
import { skillsApi } from '../../../shared/contracts/skills.ts';
import type { Skill } from '../../../shared/domain/skills.ts';
import { ApiError, call, queryFor } from '../../app/api.ts';
import { useRealtime } from '../../app/realtime.tsx';
import { errorMessage } from '../../components/errors.ts';

/** The whole area: every query of the skills exchange starts with it. */
export const skillsKey = [skillsApi.mine.tags[0]] as const;

export const useMySkills = () => useQuery(queryFor(skillsApi.mine));
export const useSkillMatches = () => useQuery(queryFor(skillsApi.matches));
export const useSkillSessions = () => useQuery(queryFor(skillsApi.sessions));

/** A new match or a change to one of my sessions refreshes the screen without a reload. */
export function useLiveSkills() {
  const queryClient = useQueryClient();
  useRealtime('skills.', () => void queryClient.invalidateQueries({ queryKey: skillsKey }));
}

function useSkillsMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: skillsKey }),
  });
}

export const useAddSkill = () => useSkillsMutation((body: NewSkillListing) => call(skillsApi.add, { body }));
export const useRemoveSkill = () =>
  useSkillsMutation((id: string) => call(skillsApi.remove, { params: { id } }));
export const useSkillVisibility = () =>
  useSkillsMutation((skillsVisibleTo: SkillAudience) =>
    call(skillsApi.settings, { body: { skillsVisibleTo } }),
  );
export const useProposeSession = () =>
  useSkillsMutation((body: NewSkillSession) => call(skillsApi.propose, { body }));
export const useChangeSession = () =>
  useSkillsMutation(({ id, change }: { id: string; change: 'accept' | 'cancel' | 'done' }) =>
    call(skillsApi[change], { params: { id } }),
  );

/** The name of a skill in the reader's language (their own words for 'other'). */
export const skillName = (t: TFunction, skill: { skill: string; label: string }): string =>
  skill.skill === 'other' ? skill.label : t(`skills.names.${skill.skill as Skill}`);

/**
 * A refusal of the skills exchange or of mentors in the reader's words, by its reason: these screens
 * show it in one notice, since the field it names (a listing, a person, the session) is not a form field.
 * Anything else as usual.
 */
export function peersError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && /^(skills|mentors)\./.test(error.reason)) {
    const words = (t as unknown as (key: string, options?: object) => string)(`reasons.${error.reason}`, {
      ...error.fields[0]?.params,
      defaultValue: '',
    });
    if (words) return words;
  }
  return errorMessage(t, error);
}
