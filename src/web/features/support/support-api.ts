// Peer support from the phone: posts that reach me, mine, the ledger; every support.* event refreshes them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import {
  type HouseLedger,
  type MyLedger,
  type MySupport,
  type NewSupportRequest,
  SUPPORT_MESSAGES,
  type SupportPostType,
  type SupportRequestList,
  type SupportRequestView,
} from '../../../shared/contracts/support.ts';
import { api, isApiError } from '../../app/api.ts';
import { useRealtime } from '../../app/realtime.tsx';
import { errorMessage } from '../../components/errors.ts';

export const supportKey = ['support'] as const;

export const useBrowse = (type: SupportPostType | undefined) =>
  useQuery({
    queryKey: [...supportKey, 'browse', type ?? 'all'],
    queryFn: () => api<SupportRequestList>(`/api/support/requests${type ? `?type=${type}` : ''}`),
  });
export const useMine = () =>
  useQuery({ queryKey: [...supportKey, 'mine'], queryFn: () => api<MySupport>('/api/support/mine') });
export const useMyLedger = () =>
  useQuery({ queryKey: [...supportKey, 'ledger'], queryFn: () => api<MyLedger>('/api/support/ledger/mine') });
export const useHouseLedger = (enabled: boolean) =>
  useQuery({
    queryKey: [...supportKey, 'houses'],
    queryFn: () => api<HouseLedger>('/api/support/ledger/houses?weeks=8'),
    enabled,
  });

/** A post, an offer, an acceptance or "this helped" anywhere I can see: the screen refreshes by itself. */
export function useLiveSupport() {
  const queryClient = useQueryClient();
  useRealtime('support.', () => void queryClient.invalidateQueries({ queryKey: supportKey }));
}

function useSupportMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: supportKey }),
  });
}

export const usePost = () =>
  useSupportMutation((input: NewSupportRequest) =>
    api<SupportRequestView>('/api/support/requests', { method: 'POST', body: input }),
  );
export const useRespond = () =>
  useSupportMutation(({ id, note }: { id: string; note: string }) =>
    api<SupportRequestView>(`/api/support/requests/${id}/responses`, {
      method: 'POST',
      body: note ? { note } : {},
    }),
  );
export const useWithdrawPost = () =>
  useSupportMutation((id: string) =>
    api<SupportRequestView>(`/api/support/requests/${id}/withdraw`, { method: 'POST' }),
  );
export const useResponseStep = () =>
  useSupportMutation(({ id, step }: { id: string; step: 'accept' | 'withdraw' | 'helped' }) =>
    api<SupportRequestView>(`/api/support/responses/${id}/${step}`, {
      method: 'POST',
      ...(step === 'helped' ? { body: {} } : {}),
    }),
  );

type MessageKey = keyof typeof SUPPORT_MESSAGES;
const MESSAGE_KEYS = new Map(
  (Object.entries(SUPPORT_MESSAGES) as [MessageKey, string][]).map(([key, message]) => [message, key]),
);

/** A refusal in the reader's language when the server said one of ours; otherwise the usual message. */
export function supportError(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    const key =
      MESSAGE_KEYS.get(error.message) ??
      error.fields.map((f) => MESSAGE_KEYS.get(f.message)).find((k) => k !== undefined);
    if (key) return t(`peerSupport.errors.${key}`);
  }
  return errorMessage(t, error);
}
