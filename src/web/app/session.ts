// Who is signed in (GET /api/me), shared with every signed-in screen.
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { type Me, meApi } from '../../shared/contracts/people.ts';
import type { Role } from '../../shared/domain/vocabulary.ts';
import { keyOf, queryFor } from './api.ts';

export const meQueryKey = keyOf(meApi.get);

export function useMeQuery() {
  return useQuery({
    ...queryFor(meApi.get),
    staleTime: 30_000,
    retryOnMount: false,
  });
}

export const MeContext = createContext<Me | null>(null);

/** The signed-in person; only inside the signed-in layout. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() is only available on signed-in screens.');
  return me;
}

export const hasRole = (me: Me, role: Role) => me.roles.includes(role);
export const isAdmin = (me: Me) => hasRole(me, 'org_admin');
export const hasHouseRole = (me: Me) =>
  hasRole(me, 'resident') || hasRole(me, 'peer_leader') || hasRole(me, 'alumni');

/** The residences this person currently leads as peer leader. */
export function ledResidenceIds(me: Me): string[] {
  return me.memberships
    .filter((m) => m.current && m.role === 'peer_leader' && m.residenceId)
    .map((m) => m.residenceId!);
}

/** Where a person lands after signing in: their house, else the admin's residences, else their profile. */
export function homePath(me: Me): string {
  if (hasRole(me, 'resident') || hasRole(me, 'peer_leader') || hasRole(me, 'alumni')) return '/house';
  if (isAdmin(me)) return '/residences';
  return '/me';
}
