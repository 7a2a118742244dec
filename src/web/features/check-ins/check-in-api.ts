// Today's check-in on the client. Offline-friendly: a check-in is kept on this phone (localStorage) with
// its idempotency key until the server has it, and sent again when the connection returns. The same
// key always means the same check-in on the server, so a retry never makes two.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type {
  CheckInInput,
  CheckInListView,
  CheckInUpdate,
  CheckInView,
  TodayCheckInView,
} from '../../../shared/contracts/check-ins.ts';
import { ApiError, api } from '../../app/api.ts';
import { todayIso } from '../../components/format.ts';

export const todayCheckInKey = ['check-ins', 'today'] as const;

const PENDING = 'hearth.pendingCheckIn';
const KEY_OF_DAY = 'hearth.checkInKey';

type Pending = { personId: string; date: string; input: CheckInInput };

function read<T>(name: string): T | null {
  try {
    const raw = localStorage.getItem(name);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(name: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(name);
    else localStorage.setItem(name, JSON.stringify(value));
  } catch {
    // Storage unavailable (private mode): the check-in is still sent, just not kept for a retry.
  }
}

function newKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/** One idempotency key per person and day: the first submission of the day makes it, retries reuse it. */
export function idempotencyKeyFor(personId: string, date = todayIso()): string {
  const saved = read<{ personId: string; date: string; key: string }>(KEY_OF_DAY);
  if (saved && saved.personId === personId && saved.date === date) return saved.key;
  const key = newKey();
  write(KEY_OF_DAY, { personId, date, key });
  return key;
}

export function pendingCheckIn(personId: string): Pending | null {
  const pending = read<Pending>(PENDING);
  return pending && pending.personId === personId ? pending : null;
}

const isOffline = (error: unknown) => error instanceof ApiError && error.status === 0;

let inFlight: Promise<boolean> | null = null;

/** Sends the kept check-in, if any (one send at a time). Returns true when the server has it now. */
export function sendPendingCheckIn(personId: string): Promise<boolean> {
  if (!inFlight) inFlight = sendOnce(personId).finally(() => (inFlight = null));
  return inFlight;
}

async function sendOnce(personId: string): Promise<boolean> {
  const pending = pendingCheckIn(personId);
  if (!pending) return false;
  try {
    await api<CheckInView>('/api/check-ins', { method: 'POST', body: pending.input });
    write(PENDING, null);
    return true;
  } catch (error) {
    // Offline again: keep it. Anything else (e.g. a day already checked in): nothing more to retry.
    if (!isOffline(error)) write(PENDING, null);
    return false;
  }
}

/** Sends a kept check-in now, whenever the connection comes back, and on the next load. */
export function usePendingCheckInSync(personId: string) {
  const queryClient = useQueryClient();
  const [sent, setSent] = useState(false);
  useEffect(() => {
    const flush = () =>
      void sendPendingCheckIn(personId).then((ok) => {
        if (!ok) return;
        setSent(true);
        void queryClient.invalidateQueries({ queryKey: ['check-ins'] });
      });
    flush();
    window.addEventListener('online', flush);
    return () => window.removeEventListener('online', flush);
  }, [personId, queryClient]);
  return sent;
}

export function useTodayCheckIn() {
  return useQuery({
    queryKey: todayCheckInKey,
    queryFn: () => api<TodayCheckInView>('/api/check-ins/today'),
  });
}

export function useCheckIns(days: 30 | 90) {
  return useQuery({
    queryKey: ['check-ins', 'list', days],
    queryFn: () => api<CheckInListView>(`/api/check-ins?days=${days}`),
  });
}

export type SubmitResult = { status: 'saved'; checkIn: CheckInView } | { status: 'queued' };

/** A new check-in: kept on the phone first, then sent; offline it stays queued. */
export function useSubmitCheckIn(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // Not paused while offline (TanStack's default): offline, the check-in is kept on the phone instead.
    networkMode: 'always',
    mutationFn: async (fields: Omit<CheckInInput, 'idempotencyKey'>): Promise<SubmitResult> => {
      const input: CheckInInput = { ...fields, idempotencyKey: idempotencyKeyFor(personId) };
      write(PENDING, { personId, date: todayIso(), input } satisfies Pending);
      try {
        const checkIn = await api<CheckInView>('/api/check-ins', { method: 'POST', body: input });
        write(PENDING, null);
        return { status: 'saved', checkIn };
      } catch (error) {
        if (isOffline(error)) return { status: 'queued' };
        write(PENDING, null);
        throw error;
      }
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['check-ins'] }),
  });
}

export function useUpdateCheckIn(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CheckInUpdate) => api<CheckInView>(`/api/check-ins/${id}`, { method: 'PATCH', body }),
    onSuccess: (checkIn) => {
      queryClient.setQueryData<TodayCheckInView>(todayCheckInKey, (old) => (old ? { ...old, checkIn } : old));
      void queryClient.invalidateQueries({ queryKey: ['check-ins', 'list'] });
    },
  });
}
