// The skills exchange from the phone: my list, matches, sessions; live updates when a match or a session changes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type {
  MySkillsView,
  NewSkillListing,
  NewSkillSession,
  SkillAudience,
  SkillListingView,
  SkillMatchesView,
  SkillSessionListView,
  SkillSessionView,
} from '../../../shared/contracts/skills.ts';
import type { Skill } from '../../../shared/domain/skills.ts';
import { api, isApiError } from '../../app/api.ts';
import { useRealtime } from '../../app/realtime.tsx';
import { errorMessage } from '../../components/errors.ts';

export const skillsKey = ['skills'] as const;

export const useMySkills = () =>
  useQuery({ queryKey: [...skillsKey, 'mine'], queryFn: () => api<MySkillsView>('/api/skills') });
export const useSkillMatches = () =>
  useQuery({
    queryKey: [...skillsKey, 'matches'],
    queryFn: () => api<SkillMatchesView>('/api/skills/matches'),
  });
export const useSkillSessions = () =>
  useQuery({
    queryKey: [...skillsKey, 'sessions'],
    queryFn: () => api<SkillSessionListView>('/api/skill-sessions'),
  });

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

export const useAddSkill = () =>
  useSkillsMutation((input: NewSkillListing) =>
    api<SkillListingView>('/api/skills', { method: 'POST', body: input }),
  );
export const useRemoveSkill = () =>
  useSkillsMutation((id: string) => api(`/api/skills/${id}`, { method: 'DELETE' }));
export const useSkillVisibility = () =>
  useSkillsMutation((skillsVisibleTo: SkillAudience) =>
    api<MySkillsView>('/api/skills/settings', { method: 'PATCH', body: { skillsVisibleTo } }),
  );
export const useProposeSession = () =>
  useSkillsMutation((input: NewSkillSession) =>
    api<SkillSessionView>('/api/skill-sessions', { method: 'POST', body: input }),
  );
export const useChangeSession = () =>
  useSkillsMutation(({ id, change }: { id: string; change: 'accept' | 'cancel' | 'done' }) =>
    api<SkillSessionView>(`/api/skill-sessions/${id}/${change}`, { method: 'POST' }),
  );

/** The name of a skill in the reader's language (their own words for 'other'). */
export const skillName = (t: TFunction, skill: { skill: string; label: string }): string =>
  skill.skill === 'other' ? skill.label : t(`skills.names.${skill.skill as Skill}`);

/** The server's conflicts of this area in the reader's language; anything else as usual. */
export function peersError(t: TFunction, error: unknown): string {
  if (isApiError(error, 'conflict')) {
    const message = (error as Error).message;
    if (message.startsWith('This skill is already')) return t('peers.errors.duplicate');
    if (message.startsWith('A session for this skill')) return t('peers.errors.sessionPlanned');
    if (message.startsWith('You two already')) return t('peers.errors.alreadyPaired');
    if (message.startsWith('They are not open')) return t('peers.errors.notOpen');
    if (message.startsWith('The log is open')) return t('peers.errors.logClosed');
    if (message.includes('session')) return t('peers.errors.sessionMoved');
    return t('peers.errors.requestMoved');
  }
  return errorMessage(t, error);
}
