// The web app's side of notifications: my list (shared with the Today card under the same key), read
// state, push settings and devices.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  NotificationListView,
  NotificationSettingsUpdate,
  NotificationSettingsView,
  PushSubscriptionView,
} from '../../../shared/contracts/notifications.ts';
import { api } from '../../app/api.ts';

export const notificationsKey = ['notifications'] as const;
export const notificationSettingsKey = ['notification-settings'] as const;
export const pushDevicesKey = ['push-devices'] as const;

/** My notifications; without live events, it looks again every minute and when the tab comes back. */
export const useNotificationList = (live: boolean) =>
  useQuery({
    queryKey: notificationsKey,
    queryFn: () => api<NotificationListView>('/api/notifications'),
    refetchInterval: live ? false : 60_000,
    refetchOnWindowFocus: true,
  });

export const fetchOlderNotifications = (before: string) =>
  api<NotificationListView>(`/api/notifications?before=${encodeURIComponent(before)}`);

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/api/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ marked: number }>('/api/notifications/read-all', { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export const useNotificationSettings = () =>
  useQuery({
    queryKey: notificationSettingsKey,
    queryFn: () => api<NotificationSettingsView>('/api/notifications/settings'),
  });

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettingsUpdate) =>
      api<NotificationSettingsView>('/api/notifications/settings', { method: 'PATCH', body }),
    onSuccess: (saved) => queryClient.setQueryData(notificationSettingsKey, saved),
  });
}

export const usePushDevices = () =>
  useQuery({
    queryKey: pushDevicesKey,
    queryFn: () => api<{ subscriptions: PushSubscriptionView[] }>('/api/push/subscriptions'),
  });

export function useRemoveDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/api/push/subscriptions/${id}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: pushDevicesKey }),
  });
}

export function useSendTestPush() {
  return useMutation({
    mutationFn: () => api<{ devices: number }>('/api/push/test', { method: 'POST' }),
  });
}
