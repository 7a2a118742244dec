// Mentors from the phone: my mentorships and requests, suggestions, the pair's log; live on every change.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MentorOverviewView,
  MentorSuggestionView,
  MentorshipLogView,
  MentorshipView,
} from '../../../shared/contracts/mentors.ts';
import { api } from '../../app/api.ts';
import { useRealtime } from '../../app/realtime.tsx';

export const mentorsKey = ['mentors'] as const;

export const useMentorOverview = () =>
  useQuery({ queryKey: [...mentorsKey, 'overview'], queryFn: () => api<MentorOverviewView>('/api/mentors') });
export const useMentorSuggestions = (enabled: boolean) =>
  useQuery({
    queryKey: [...mentorsKey, 'suggestions'],
    queryFn: () => api<{ suggestions: MentorSuggestionView[] }>('/api/mentors/suggestions'),
    enabled,
  });
export const useMentorshipLog = (id: string) =>
  useQuery({
    queryKey: [...mentorsKey, 'log', id],
    queryFn: () => api<MentorshipLogView>(`/api/mentorships/${id}/check-ins`),
  });

/** A request, an answer, an ending or a new line in our log shows up without a reload. */
export function useLiveMentors() {
  const queryClient = useQueryClient();
  useRealtime('mentor.', () => void queryClient.invalidateQueries({ queryKey: mentorsKey }));
}

function useMentorsMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: mentorsKey }),
  });
}

export const useOpenToMentoring = () =>
  useMentorsMutation((openToMentoring: boolean) =>
    api<MentorOverviewView>('/api/mentors/settings', { method: 'PATCH', body: { openToMentoring } }),
  );
export const useAskMentor = () =>
  useMentorsMutation((mentorId: string) =>
    api<MentorshipView>('/api/mentorships', { method: 'POST', body: { mentorId } }),
  );
export const useChangeMentorship = () =>
  useMentorsMutation(({ id, change }: { id: string; change: 'accept' | 'decline' | 'end' }) =>
    api<MentorshipView>(`/api/mentorships/${id}/${change}`, { method: 'POST' }),
  );
export const useAddMentorCheckIn = (id: string) =>
  useMentorsMutation((note: string) =>
    api<MentorshipLogView>(`/api/mentorships/${id}/check-ins`, { method: 'POST', body: { note } }),
  );
