// Keeping chat screens fresh: live chat.* events refetch what changed (a new message, a hidden one, a
// report, what I read on another phone). While the live connection is down, an open chat screen asks
// for news every few seconds instead, and catches up when it comes back.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useRealtime, useRealtimeStatus } from '../../app/realtime.tsx';
import { chatKeys } from './chat-api.ts';

const WITHOUT_LIVE_MS = 3_000;

/** Refreshes what a chat screen shows when something happens in chat. */
export function useChatLive(conversationId?: string): void {
  const client = useQueryClient();
  const status = useRealtimeStatus();
  useRealtime('chat.', (event) => {
    const id = typeof event.payload.conversationId === 'string' ? event.payload.conversationId : null;
    void client.invalidateQueries({ queryKey: chatKeys.list });
    if (event.type === 'chat.reported' || event.type === 'chat.hidden') {
      void client.invalidateQueries({ queryKey: chatKeys.reports });
    }
    if (id && event.type !== 'chat.read') {
      void client.invalidateQueries({ queryKey: chatKeys.messages(id) });
    }
    if (id) void client.invalidateQueries({ queryKey: chatKeys.conversation(id) });
  });
  useEffect(() => {
    if (status === 'live') {
      // Back online: whatever happened meanwhile.
      void client.invalidateQueries({ queryKey: chatKeys.all });
      return;
    }
    const timer = window.setInterval(() => {
      void client.invalidateQueries({
        queryKey: conversationId ? chatKeys.messages(conversationId) : chatKeys.list,
      });
    }, WITHOUT_LIVE_MS);
    return () => window.clearInterval(timer);
  }, [client, conversationId, status]);
}
