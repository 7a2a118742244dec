// The recovery journey's data on the client: my clocks, resets, and the words for times and milestones.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type {
  ClockView,
  CreateClockInput,
  Journey,
  MilestoneView,
  UpdateClockInput,
} from '../../../shared/contracts/journey.ts';
import { api } from '../../app/api.ts';

export const journeyKey = ['journey'] as const;

export function useJourney() {
  return useQuery({ queryKey: journeyKey, queryFn: () => api<Journey>('/api/journey') });
}

function useJourneyMutation<T>(call: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: journeyKey }),
  });
}

export const useCreateClock = () =>
  useJourneyMutation((body: CreateClockInput) =>
    api<ClockView>('/api/journey/clocks', { method: 'POST', body }),
  );

export const useUpdateClock = (id: string) =>
  useJourneyMutation((body: UpdateClockInput) =>
    api<ClockView>(`/api/journey/clocks/${id}`, { method: 'PATCH', body }),
  );

export const useResetClock = (id: string) =>
  useJourneyMutation((body: { startsOn: string }) =>
    api<ClockView>(`/api/journey/clocks/${id}/reset`, { method: 'POST', body }),
  );

export const useArchiveClock = (id: string) =>
  useJourneyMutation(() => api<Journey>(`/api/journey/clocks/${id}/archive`, { method: 'POST' }));

export const useRestoreClock = (id: string) =>
  useJourneyMutation(() => api<Journey>(`/api/journey/clocks/${id}/restore`, { method: 'POST' }));

/** "30 days", "6 months", "1 year", "24 hours" — in the active language. */
export function milestoneName(t: TFunction, milestone: Pick<MilestoneView, 'unit' | 'count'>): string {
  return t(`calendar.${milestone.unit}`, { count: milestone.count });
}

/** "3 months, 2 days" (parts that are zero are left out; day 0 says "0 days"). */
export function breakdownText(t: TFunction, b: { years: number; months: number; days: number }): string {
  const parts: string[] = [];
  if (b.years) parts.push(t('calendar.years', { count: b.years }));
  if (b.months) parts.push(t('calendar.months', { count: b.months }));
  if (b.days || parts.length === 0) parts.push(t('calendar.days', { count: b.days }));
  return parts.join(t('calendar.separator'));
}

export const daysText = (t: TFunction, days: number) => t('calendar.days', { count: days });
