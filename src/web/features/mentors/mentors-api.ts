// Mentors from the phone: my mentorships and requests, suggestions, the pair's log; live on every change.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { mentorsApi } from '../../../shared/contracts/mentors.ts';
import { call, queryFor } from '../../app/api.ts';
import { useRealtime } from '../../app/realtime.tsx';

/** The whole area: every query of mentors starts with it. */
export const mentorsKey = [mentorsApi.overview.tags[0]] as const;

export const useMentorOverview = () => useQuery(queryFor(mentorsApi.overview));
export const useMentorSuggestions = (enabled: boolean) =>
  useQuery({ ...queryFor(mentorsApi.suggestions), enabled });
export const useMentorNewcomers = () => useQuery(queryFor(mentorsApi.newcomers));
export const useMentorshipLog = (id: string) => useQuery(queryFor(mentorsApi.log, { params: { id } }));

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
  useMentorsMutation((openToMentoring: boolean) => call(mentorsApi.settings, { body: { openToMentoring } }));
export const useAskMentor = () =>
  useMentorsMutation((mentorId: string) => call(mentorsApi.request, { body: { mentorId } }));
export const useOfferToMentor = () =>
  useMentorsMutation((menteeId: string) => call(mentorsApi.request, { body: { menteeId } }));
export const useChangeMentorship = () =>
  useMentorsMutation(({ id, change }: { id: string; change: 'accept' | 'decline' | 'end' }) =>
    call(mentorsApi[change], { params: { id } }),
  );
export const useAddMentorCheckIn = (id: string) =>
  useMentorsMutation((note: string) => call(mentorsApi.addCheckIn, { params: { id }, body: { note } }));
