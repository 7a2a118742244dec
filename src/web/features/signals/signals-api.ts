// A house's signals, upcoming milestones and weekly stats, for its peer leaders (and admins).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CheckInStatsView } from '../../../shared/contracts/check-ins.ts';
import type { UpcomingMilestoneView } from '../../../shared/contracts/journey.ts';
import type { SignalListView, SignalView } from '../../../shared/contracts/signals.ts';
import { api } from '../../app/api.ts';

export const signalsKey = (residenceId: string) => ['signals', residenceId] as const;

export const useSignals = (residenceId: string) =>
  useQuery({
    queryKey: signalsKey(residenceId),
    queryFn: () => api<SignalListView>(`/api/residences/${residenceId}/signals?status=all`),
  });

export const useUpcomingMilestones = (residenceId: string) =>
  useQuery({
    queryKey: ['upcoming-milestones', residenceId],
    queryFn: () =>
      api<{ upcoming: UpcomingMilestoneView[] }>(`/api/residences/${residenceId}/upcoming-milestones`),
  });

export const useCheckInStats = (residenceId: string) =>
  useQuery({
    queryKey: ['check-in-stats', residenceId],
    queryFn: () => api<CheckInStatsView>(`/api/residences/${residenceId}/check-in-stats?weeks=12`),
  });

export function useAcknowledgeSignal(residenceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      api<SignalView>(`/api/signals/${id}/acknowledge`, { method: 'POST', body: { note } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: signalsKey(residenceId) }),
  });
}
