// Peer support from the phone: posts that reach me, mine, the ledger; every support.* event refreshes them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type NewSupportRequest,
  type SupportPostType,
  supportApi,
} from '../../../shared/contracts/support.ts';
import { call, queryFor } from '../../app/api.ts';
import { useRealtime } from '../../app/realtime.tsx';

/** Every query of the area: a change anywhere in peer support refreshes them all. */
export const supportKey = [supportApi.browse.tags[0]] as const;

export const useBrowse = (type: SupportPostType | undefined) =>
  useQuery(queryFor(supportApi.browse, { query: type ? { type } : {} }));
export const useMine = () => useQuery(queryFor(supportApi.mine));
export const useMyLedger = () => useQuery(queryFor(supportApi.myLedger));
export const useHouseLedger = (enabled: boolean) =>
  useQuery({ ...queryFor(supportApi.houseLedger, { query: { weeks: 8 } }), enabled });

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
  useSupportMutation((input: NewSupportRequest) => call(supportApi.create, { body: input }));
export const useRespond = () =>
  useSupportMutation(({ id, note }: { id: string; note: string }) =>
    call(supportApi.respond, { params: { id }, body: note ? { note } : {} }),
  );
export const useWithdrawPost = () =>
  useSupportMutation((id: string) => call(supportApi.withdraw, { params: { id } }));

/** What the people on a response do next: accept it, take it back, or say "this helped". */
export type ResponseStep = 'accept' | 'withdraw' | 'helped';

export const useResponseStep = () =>
  useSupportMutation(({ id, step }: { id: string; step: ResponseStep }) => {
    const params = { id };
    if (step === 'accept') return call(supportApi.accept, { params });
    if (step === 'withdraw') return call(supportApi.withdrawResponse, { params });
    return call(supportApi.helped, { params, body: {} });
  });
