// The unread count stays current: a live "notification" event (a new one, or one read on another screen)
// refreshes the list. While the live connection is down, the list is fetched every minute instead.
import { useQueryClient } from '@tanstack/react-query';
import { useRealtime, useRealtimeStatus } from '../../app/realtime.tsx';
import { notificationsArea } from './notifications-api.ts';

export function useLiveNotifications(): boolean {
  const queryClient = useQueryClient();
  // The whole area: the list here and the Today card's.
  useRealtime('notification', () => void queryClient.invalidateQueries({ queryKey: [notificationsArea] }));
  return useRealtimeStatus() === 'live';
}
