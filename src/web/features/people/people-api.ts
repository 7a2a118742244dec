// The people area on the client: pages of people with their roles, and what a change of role refreshes.
import { type QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { meApi, type PeopleQuerySchema, peopleApi } from '../../../shared/contracts/people.ts';
import { houseApi, residenceApi } from '../../../shared/contracts/residences.ts';
import { call, keyOf, queryFor } from '../../app/api.ts';

type PeopleFilter = Omit<z.input<typeof PeopleQuerySchema>, 'after'>;

/** As many people as one page holds (200), narrowed by a role or a house: for choosing among them. */
export function usePeople(filter: PeopleFilter = {}) {
  return useQuery(queryFor(peopleApi.list, { query: { limit: 200, ...filter } }));
}

/** Everyone matching the search, a page at a time ("Show more"). */
export function usePeoplePages(q: string) {
  const query = q ? { q } : {};
  return useInfiniteQuery({
    queryKey: keyOf(peopleApi.list, { query }),
    queryFn: ({ pageParam }) =>
      call(peopleApi.list, { query: { ...query, ...(pageParam ? { after: pageParam } : {}) } }),
    initialPageParam: '',
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/** A role given or ended changes people, houses, residences' counts and perhaps my own roles. */
export async function refreshAfterRoleChange(queryClient: QueryClient): Promise<void> {
  const areas = [peopleApi.list, houseApi.mine, residenceApi.list, meApi.get].map((e) => e.tags[0]);
  await Promise.all(areas.map((area) => queryClient.invalidateQueries({ queryKey: [area] })));
}
