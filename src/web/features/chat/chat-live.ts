// Keeping chat screens fresh. Until a live connection hook exists, an open conversation asks for
// news every few seconds; the lists use their slower refresh.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { chatKeys } from './chat-api.ts';

const OPEN_CONVERSATION_MS = 3_000;

/** Refreshes what an open chat screen shows when something happens in chat. */
export function useChatLive(conversationId?: string): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!conversationId) return;
    const timer = window.setInterval(() => {
      void client.invalidateQueries({ queryKey: chatKeys.messages(conversationId) });
    }, OPEN_CONVERSATION_MS);
    return () => window.clearInterval(timer);
  }, [client, conversationId]);
}
