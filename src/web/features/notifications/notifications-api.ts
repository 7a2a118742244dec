// The web app's side of notifications: my list (the Today card reads it too), read state, push settings
// and devices. Every key starts with the area, so invalidating `[notificationsArea]` refreshes them all.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type NotificationSettingsUpdate,
  notificationsApi,
} from '../../../shared/contracts/notifications.ts';
import { call, keyOf, queryFor } from '../../app/api.ts';

const api = notificationsApi;
/** The root of every notifications query key. */
export const notificationsArea = api.list.tags[0];

/** My notifications; without live events, it looks again every minute and when the tab comes back. */
export const useNotificationList = (live: boolean) =>
  useQuery({
    ...queryFor(api.list, { query: {} }),
    refetchInterval: live ? false : 60_000,
    refetchOnWindowFocus: true,
  });

export const fetchOlderNotifications = (before: string) => call(api.list, { query: { before } });

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.markRead, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [notificationsArea] }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.markAllRead),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [notificationsArea] }),
  });
}

export const useNotificationSettings = () => useQuery(queryFor(api.settings));

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettingsUpdate) => call(api.updateSettings, { body }),
    onSuccess: (saved) => queryClient.setQueryData(keyOf(api.settings), saved),
  });
}

export const usePushDevices = () => useQuery(queryFor(api.devices));

export function useRemoveDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.removeDevice, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keyOf(api.devices) }),
  });
}

export function useSendTestPush() {
  return useMutation({ mutationFn: () => call(api.testPush) });
}
