// The recovery journey's data on the client: my clocks, resets, and the words for times and milestones.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import {
  type CreateClockInput,
  type Journey,
  journeyApi,
  type MilestoneView,
  type ResetClockInput,
  type UpdateClockInput,
} from '../../../shared/contracts/journey.ts';
import { call, keyOf, queryFor } from '../../app/api.ts';

export function useJourney() {
  return useQuery(queryFor(journeyApi.mine));
}

/** Every change to a clock answers with my whole journey; the house's celebrations may change with it. */
function useJourneyMutation<T>(change: (input: T) => Promise<Journey>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (journey) => {
      queryClient.setQueryData(keyOf(journeyApi.mine), journey);
      void queryClient.invalidateQueries({ queryKey: keyOf(journeyApi.houseCelebrations) });
    },
  });
}

export const useCreateClock = () =>
  useJourneyMutation((body: CreateClockInput) => call(journeyApi.startClock, { body }));

export const useUpdateClock = (id: string) =>
  useJourneyMutation((body: UpdateClockInput) => call(journeyApi.updateClock, { params: { id }, body }));

export const useResetClock = (id: string) =>
  useJourneyMutation((body: ResetClockInput) => call(journeyApi.resetClock, { params: { id }, body }));

export const useArchiveClock = (id: string) =>
  useJourneyMutation(() => call(journeyApi.archiveClock, { params: { id } }));

export const useRestoreClock = (id: string) =>
  useJourneyMutation(() => call(journeyApi.restoreClock, { params: { id } }));

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
