// Reach out now on the phone: the screen's state, kept live; the tap's idempotency key, kept on this phone
// until the server has the alert, so a weak connection retries the same tap instead of raising a new one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReachOutState, reachOutApi } from '../../../shared/contracts/reach-out.ts';
import { call, isApiError, keyOf, queryFor } from '../../app/api.ts';
import { useRealtime, useRealtimeStatus } from '../../app/realtime.tsx';

export const reachOutKey = keyOf(reachOutApi.state);
export const alertKey = (id: string) => keyOf(reachOutApi.alert, { params: { id } });
/** Every call of the area that changes when an alert does (not the settings, not the crisis lines). */
const LIVE = new Set<unknown>(
  [reachOutApi.state, reachOutApi.alert, reachOutApi.houseRecord].map((e) => e.operationId),
);

/**
 * How often screens look again: rarely while live events arrive (a backstop), often while the live
 * connection is down (a weak network), and more often while an alert is open.
 */
function useRefreshMs(): { open: number; idle: number } {
  return useRealtimeStatus() === 'live' ? { open: 15_000, idle: 60_000 } : { open: 4000, idle: 8000 };
}

/** Every reach_out.* event (an alert, "I'm calling you", an escalation, closing) refreshes what is shown. */
export function useReachOutLive(): void {
  const queryClient = useQueryClient();
  useRealtime('reach_out.', () => {
    void queryClient.invalidateQueries({
      predicate: (query) => query.queryKey[0] === reachOutApi.state.tags[0] && LIVE.has(query.queryKey[1]),
    });
  });
}

export function useReachOutState() {
  const refresh = useRefreshMs();
  return useQuery({
    ...queryFor(reachOutApi.state),
    refetchInterval: (query) => {
      const data = query.state.data;
      return data && (data.myAlert || data.forMe.length > 0) ? refresh.open : refresh.idle;
    },
    refetchIntervalInBackground: true,
  });
}

export function useAlert(id: string) {
  const refresh = useRefreshMs();
  return useQuery({
    ...queryFor(reachOutApi.alert, { params: { id } }),
    refetchInterval: (query) => (query.state.data?.state === 'closed' ? false : refresh.open),
    retry: (count, error) => !isApiError(error, 'not_found') && count < 3,
  });
}

export function useCrisisLines() {
  return useQuery({
    ...queryFor(reachOutApi.crisisLines),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

const PENDING = 'hearth.reachOut.pendingKey';

function newKey(): string {
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `tap-${random}`;
}

/** The key of a tap the server has not confirmed yet (kept across reloads of this tab). */
export function pendingTapKey(): string | null {
  try {
    return sessionStorage.getItem(PENDING);
  } catch {
    return null;
  }
}

/** A new tap: one key for it, however many times it is retried. */
export function startTap(): string {
  const existing = pendingTapKey();
  if (existing) return existing;
  const key = newKey();
  try {
    sessionStorage.setItem(PENDING, key);
  } catch {
    // Without storage the key lives as long as this screen; the server still merges taps a moment apart.
  }
  return key;
}

function finishTap(key: string) {
  try {
    if (sessionStorage.getItem(PENDING) === key) sessionStorage.removeItem(PENDING);
  } catch {
    // Nothing kept, nothing to clear.
  }
}

/** Sends a tap; on a weak connection it tries again (same key) for about a minute and a half. */
export function useRaiseAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (idempotencyKey: string) => call(reachOutApi.raise, { body: { idempotencyKey } }),
    retry: (count, error) => count < 12 && (!isApiError(error) || error.status === 0 || error.status >= 500),
    retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
    onSuccess: (alert, key) => {
      finishTap(key);
      queryClient.setQueryData<ReachOutState>(reachOutKey, (state) =>
        state ? { ...state, myAlert: alert } : state,
      );
      void queryClient.invalidateQueries({ queryKey: reachOutKey });
    },
  });
}

export function useAcknowledge(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(reachOutApi.acknowledge, { params: { id } }),
    retry: (count, error) => count < 5 && isApiError(error) && error.status === 0,
    onSuccess: (alert) => {
      queryClient.setQueryData(alertKey(id), alert);
      void queryClient.invalidateQueries({ queryKey: reachOutKey });
    },
  });
}

export function useCloseAlert(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(reachOutApi.close, { params: { id } }),
    onSuccess: (alert) => {
      queryClient.setQueryData(alertKey(id), alert);
      void queryClient.invalidateQueries({ queryKey: reachOutKey });
    },
  });
}

export function useSetAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (available: boolean) => call(reachOutApi.availability, { body: { available } }),
    onSuccess: ({ available }) =>
      queryClient.setQueryData<ReachOutState>(reachOutKey, (state) =>
        state ? { ...state, available } : state,
      ),
  });
}

export function useHouseRecord(residenceId: string) {
  return useQuery(queryFor(reachOutApi.houseRecord, { params: { id: residenceId } }));
}

const settingsKey = keyOf(reachOutApi.settings);

export function useReachOutSettings() {
  return useQuery(queryFor(reachOutApi.settings));
}

export function useSaveReachOutSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (escalateAfterMinutes: number) =>
      call(reachOutApi.updateSettings, { body: { escalateAfterMinutes } }),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}
