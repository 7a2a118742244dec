// Commitments, motions and minutes: the queries and changes the meeting screens share.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CommitmentView,
  MeetingCommitmentsView,
  MinutesHistoryView,
  MinutesView,
  MotionListView,
  MotionView,
  MyCommitmentsView,
  NewCommitment,
  VoteChoice,
} from '../../../../shared/contracts/decisions.ts';
import { api } from '../../../app/api.ts';

export const meetingCommitmentsKey = (meetingId: string) => ['meeting-commitments', meetingId] as const;
export const meetingMotionsKey = (meetingId: string) => ['meeting-motions', meetingId] as const;
export const myCommitmentsKey = ['my-commitments'] as const;

export const useMeetingCommitments = (meetingId: string) =>
  useQuery({
    queryKey: meetingCommitmentsKey(meetingId),
    queryFn: () => api<MeetingCommitmentsView>(`/api/meetings/${meetingId}/commitments`),
  });

export const useMyCommitments = () =>
  useQuery({ queryKey: myCommitmentsKey, queryFn: () => api<MyCommitmentsView>('/api/me/commitments') });

export function useRecordCommitment(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCommitment) =>
      api<CommitmentView>(`/api/meetings/${meetingId}/commitments`, { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: meetingCommitmentsKey(meetingId) });
      void queryClient.invalidateQueries({ queryKey: myCommitmentsKey });
    },
  });
}

export function useMarkCommitmentDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note?: string }) =>
      api<CommitmentView>(`/api/commitments/${id}/done`, { method: 'POST', body: note ? { note } : {} }),
    onSuccess: (done) => {
      void queryClient.invalidateQueries({ queryKey: myCommitmentsKey });
      if (done.meetingId) {
        void queryClient.invalidateQueries({ queryKey: meetingCommitmentsKey(done.meetingId) });
      }
    },
  });
}

export const useMeetingMotions = (meetingId: string) =>
  useQuery({
    queryKey: meetingMotionsKey(meetingId),
    queryFn: () => api<MotionListView>(`/api/meetings/${meetingId}/motions`),
    // While a vote is open, the room's phones catch up on how many have voted every 15 seconds.
    refetchInterval: (query) => (query.state.data?.motions.some((m) => m.state === 'open') ? 15_000 : false),
  });

export function useMotionChanges(meetingId: string) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: meetingMotionsKey(meetingId) });
  const propose = useMutation({
    mutationFn: (body: { text: string; agendaItemId?: string | null }) =>
      api<MotionView>(`/api/meetings/${meetingId}/motions`, { method: 'POST', body }),
    onSuccess: refresh,
  });
  const vote = useMutation({
    mutationFn: ({ motionId, choice }: { motionId: string; choice: VoteChoice }) =>
      api<MotionView>(`/api/motions/${motionId}/votes`, { method: 'POST', body: { choice } }),
    onSuccess: refresh,
  });
  const close = useMutation({
    mutationFn: (motionId: string) => api<MotionView>(`/api/motions/${motionId}/close`, { method: 'POST' }),
    onSuccess: refresh,
  });
  return { propose, vote, close };
}

export const useMinutes = (meetingId: string) =>
  useQuery({
    queryKey: ['minutes', meetingId],
    queryFn: () => api<MinutesView>(`/api/meetings/${meetingId}/minutes`),
  });

export const useMinutesHistory = (residenceId: string, q: string) =>
  useQuery({
    queryKey: ['minutes-history', residenceId, q],
    queryFn: () =>
      api<MinutesHistoryView>(
        `/api/residences/${residenceId}/minutes${q ? `?q=${encodeURIComponent(q)}` : ''}`,
      ),
  });
