// The people area on the client: everyone with their roles, and what a change of role refreshes.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { meApi, peopleApi } from '../../../shared/contracts/people.ts';
import { houseApi, residenceApi } from '../../../shared/contracts/residences.ts';
import { queryFor } from '../../app/api.ts';

export function usePeople() {
  return useQuery(queryFor(peopleApi.list));
}

/** A role given or ended changes people, houses, residences' counts and perhaps my own roles. */
export async function refreshAfterRoleChange(queryClient: QueryClient): Promise<void> {
  const areas = [peopleApi.list, houseApi.mine, residenceApi.list, meApi.get].map((e) => e.tags[0]);
  await Promise.all(areas.map((area) => queryClient.invalidateQueries({ queryKey: [area] })));
}
