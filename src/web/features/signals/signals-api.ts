// A house's signals, upcoming milestones and weekly stats, for its peer leaders (and admins).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { checkInApi } from '../../../shared/contracts/check-ins.ts';
import { journeyApi } from '../../../shared/contracts/journey.ts';
import { signalApi } from '../../../shared/contracts/signals.ts';
import { call, keyOf, queryFor } from '../../app/api.ts';

export const useSignals = (residenceId: string) =>
  useQuery(queryFor(signalApi.list, { params: { id: residenceId }, query: { status: 'all' } }));

export const useUpcomingMilestones = (residenceId: string) =>
  useQuery(queryFor(journeyApi.upcomingMilestones, { params: { id: residenceId } }));

export const useCheckInStats = (residenceId: string) =>
  useQuery(queryFor(checkInApi.houseStats, { params: { id: residenceId }, query: { weeks: 12 } }));

export function useAcknowledgeSignal(residenceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      call(signalApi.acknowledge, { params: { id }, body: { note } }),
    onSuccess: () =>
      void queryClient.invalidateQueries({
        queryKey: keyOf(signalApi.list, { params: { id: residenceId } }),
      }),
  });
}
