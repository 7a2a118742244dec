// Commitments, motions and minutes: the queries and changes the meeting screens share, each called
// from its endpoint contract (shared/contracts/decisions.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { decisionApi, type NewCommitment, type VoteChoice } from '../../../../shared/contracts/decisions.ts';
import type { BodyIn } from '../../../../shared/contracts/endpoint.ts';
import { call, keyOf, queryFor } from '../../../app/api.ts';

const meetingCommitmentsKey = (meetingId: string) =>
  keyOf(decisionApi.meetingCommitments, { params: { id: meetingId } });

export const useMeetingCommitments = (meetingId: string) =>
  useQuery({
    queryKey: meetingCommitmentsKey(meetingId),
    queryFn: () => call(decisionApi.meetingCommitments, { params: { id: meetingId }, query: {} }),
  });

export const useMyCommitments = () => useQuery(queryFor(decisionApi.myCommitments));

export function useRecordCommitment(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCommitment) =>
      call(decisionApi.recordCommitment, { params: { id: meetingId }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: meetingCommitmentsKey(meetingId) });
      void queryClient.invalidateQueries({ queryKey: keyOf(decisionApi.myCommitments) });
    },
  });
}

export function useMarkCommitmentDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note?: string }) =>
      call(decisionApi.markDone, { params: { id }, body: note ? { note } : {} }),
    onSuccess: (done) => {
      void queryClient.invalidateQueries({ queryKey: keyOf(decisionApi.myCommitments) });
      if (done.meetingId) {
        void queryClient.invalidateQueries({ queryKey: meetingCommitmentsKey(done.meetingId) });
      }
    },
  });
}

const meetingMotionsKey = (meetingId: string) =>
  keyOf(decisionApi.meetingMotions, { params: { id: meetingId } });

export const useMeetingMotions = (meetingId: string) =>
  useQuery({
    queryKey: meetingMotionsKey(meetingId),
    queryFn: () => call(decisionApi.meetingMotions, { params: { id: meetingId }, query: {} }),
    // While a vote is open, the room's phones catch up on how many have voted every 15 seconds.
    refetchInterval: (query) => (query.state.data?.motions.some((m) => m.state === 'open') ? 15_000 : false),
  });

export function useMotionChanges(meetingId: string) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: meetingMotionsKey(meetingId) });
  const propose = useMutation({
    mutationFn: (body: BodyIn<typeof decisionApi.proposeMotion>) =>
      call(decisionApi.proposeMotion, { params: { id: meetingId }, body }),
    onSuccess: refresh,
  });
  const vote = useMutation({
    mutationFn: ({ motionId, choice }: { motionId: string; choice: VoteChoice }) =>
      call(decisionApi.vote, { params: { id: motionId }, body: { choice } }),
    onSuccess: refresh,
  });
  const close = useMutation({
    mutationFn: (motionId: string) => call(decisionApi.closeMotion, { params: { id: motionId } }),
    onSuccess: refresh,
  });
  return { propose, vote, close };
}

export const useMinutes = (meetingId: string) =>
  useQuery(queryFor(decisionApi.minutes, { params: { id: meetingId } }));

export const useMinutesHistory = (residenceId: string, q: string) =>
  useQuery(queryFor(decisionApi.minutesHistory, { params: { id: residenceId }, query: q ? { q } : {} }));
