// Chat on the phone: queries and changes, kept fresh by live events (chat.*) and, as a safety net,
// by refetching now and then.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type ChatMessage, chatApi, type MessagePageSchema } from '../../../shared/contracts/chat.ts';
import { ApiError, call, keyOf, queryFor } from '../../app/api.ts';

export type MessagePage = z.infer<typeof MessagePageSchema>;

const inConversation = (id: string) => ({ params: { conversationId: id } });

export const chatKeys = {
  all: [chatApi.conversations.tags[0]] as const,
  list: keyOf(chatApi.conversations),
  conversation: (id: string) => keyOf(chatApi.conversation, inConversation(id)),
  messages: (id: string) => keyOf(chatApi.messages, inConversation(id)),
  reports: keyOf(chatApi.reports),
};

/** When no live connection is there, screens still catch up this often. */
export const CHAT_REFRESH_MS = 20_000;

export function useConversations() {
  return useQuery({ ...queryFor(chatApi.conversations), refetchInterval: CHAT_REFRESH_MS });
}

export function useConversation(id: string) {
  return useQuery(queryFor(chatApi.conversation, inConversation(id)));
}

/** Newest page first in the cache; older pages are loaded on request. */
export function useMessages(id: string) {
  return useInfiniteQuery({
    queryKey: chatKeys.messages(id),
    queryFn: ({ pageParam }) =>
      call(chatApi.messages, {
        ...inConversation(id),
        query: { limit: 50, ...(pageParam ? { before: pageParam } : {}) },
      }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.hasOlder && last.messages[0] ? last.messages[0].seq : undefined),
    refetchInterval: CHAT_REFRESH_MS,
  });
}

/** All loaded messages, oldest first, without duplicates. */
export function flattenMessages(pages: MessagePage[] | undefined): ChatMessage[] {
  const byId = new Map<string, ChatMessage>();
  for (const page of [...(pages ?? [])].reverse()) for (const m of page.messages) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** A fresh key for a message being written: a retried send with it stores one message. */
export function newClientKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function usePostMessage(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; clientKey: string }) =>
      call(chatApi.post, { ...inConversation(id), body: input }),
    // A weak connection: try again with the same key (the server keeps one message).
    retry: (count, error) => count < 3 && error instanceof ApiError && error.status === 0,
    retryDelay: (attempt) => 1000 * 2 ** attempt,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: chatKeys.messages(id) });
      void client.invalidateQueries({ queryKey: chatKeys.list });
    },
  });
}

export function useMarkRead(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (seq: number) => call(chatApi.read, { ...inConversation(id), body: { seq } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: chatKeys.list });
      void client.invalidateQueries({ queryKey: chatKeys.conversation(id) });
    },
  });
}

export function useReportMessage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { messageId: string; reason: string }) =>
      call(chatApi.report, { params: { messageId: input.messageId }, body: { reason: input.reason } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: chatKeys.all }),
  });
}

export function useHideMessage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => call(chatApi.hide, { params: { messageId } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: chatKeys.all }),
  });
}

export function useReportedMessages(enabled: boolean) {
  return useQuery({ ...queryFor(chatApi.reports), enabled, refetchInterval: CHAT_REFRESH_MS });
}

/** In a thread I joined without my name: let the others know who I am, or hide it again. */
export function useShowMyName(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (shown: boolean) => call(chatApi.myName, { ...inConversation(id), body: { shown } }),
    onSuccess: (detail) => {
      client.setQueryData(chatKeys.conversation(id), detail);
      void client.invalidateQueries({ queryKey: chatKeys.list });
      void client.invalidateQueries({ queryKey: chatKeys.messages(id) });
    },
  });
}
