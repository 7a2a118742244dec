// The unread count stays current: a live "notification" event (a new one, or one read on another screen)
// refreshes the list. While the live connection is down, the list is fetched every minute instead.
import { useQueryClient } from '@tanstack/react-query';
import { useRealtime, useRealtimeStatus } from '../../app/realtime.tsx';
import { notificationsKey } from './notifications-api.ts';

export function useLiveNotifications(): boolean {
  const queryClient = useQueryClient();
  useRealtime('notification', () => void queryClient.invalidateQueries({ queryKey: notificationsKey }));
  return useRealtimeStatus() === 'live';
}
