// Today's check-in on the client. Offline-friendly: a check-in is kept on this phone (localStorage) with
// its idempotency key and the person's local date when it was made, until the server has it, and sent
// again when the connection returns. The same key always means the same check-in on the server, so a retry
// never makes two; the kept date means one that waited overnight still counts for the day it was made.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  type CheckInInput,
  type CheckInUpdate,
  type CheckInView,
  checkInApi,
  type TodayCheckInView,
} from '../../../shared/contracts/check-ins.ts';
import { isValidTimeZone, localDate } from '../../../shared/domain/dates.ts';
import { ApiError, call, keyOf, queryFor } from '../../app/api.ts';
import { todayIso } from '../../components/format.ts';

export const todayCheckInKey = keyOf(checkInApi.today);

const PENDING = 'hearth.pendingCheckIn';
const KEY_OF_DAY = 'hearth.checkInKey';

/** A check-in kept on the phone: `date` is the person's local date when it was made. */
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

/**
 * The person's local date now: in their time zone as the server counts it (from today's check-in query),
 * else the phone's own date.
 */
export function localDateNow(timeZone: string | null | undefined, now: Date = new Date()): string {
  if (timeZone && isValidTimeZone(timeZone)) return localDate(timeZone, now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Keeps a new check-in on the phone, with its key and the date it is made on, before it is sent. */
export function keepCheckIn(
  personId: string,
  fields: Omit<CheckInInput, 'idempotencyKey' | 'localDate'>,
  timeZone: string | null | undefined,
  now: Date = new Date(),
): CheckInInput {
  const date = localDateNow(timeZone, now);
  const input: CheckInInput = { ...fields, idempotencyKey: idempotencyKeyFor(personId, date) };
  write(PENDING, { personId, date, input } satisfies Pending);
  return input;
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
    // Sent later, it says which day it was made on: a check-in kept overnight counts for that day (the
    // server takes today or yesterday). The first try, right away, leaves the day to the server.
    const body: CheckInInput = { ...pending.input, localDate: pending.date };
    await call(checkInApi.create, { body });
    write(PENDING, null);
    return true;
  } catch (error) {
    // Offline again: keep it. Anything else (that day already has a check-in, or it was kept longer than
    // a day): nothing more to retry.
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
        void queryClient.invalidateQueries({ queryKey: [checkInApi.today.tags[0]] });
      });
    flush();
    window.addEventListener('online', flush);
    return () => window.removeEventListener('online', flush);
  }, [personId, queryClient]);
  return sent;
}

export function useTodayCheckIn() {
  return useQuery(queryFor(checkInApi.today));
}

export function useCheckIns(days: 30 | 90) {
  return useQuery(queryFor(checkInApi.list, { query: { days: String(days) as '30' | '90' } }));
}

export type SubmitResult = { status: 'saved'; checkIn: CheckInView } | { status: 'queued' };

/** A new check-in: kept on the phone first, then sent; offline it stays queued. */
export function useSubmitCheckIn(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // Not paused while offline (TanStack's default): offline, the check-in is kept on the phone instead.
    networkMode: 'always',
    mutationFn: async (fields: Omit<CheckInInput, 'idempotencyKey' | 'localDate'>): Promise<SubmitResult> => {
      const timeZone = queryClient.getQueryData<TodayCheckInView>(todayCheckInKey)?.timeZone;
      const input = keepCheckIn(personId, fields, timeZone);
      try {
        const checkIn = await call(checkInApi.create, { body: input });
        write(PENDING, null);
        return { status: 'saved', checkIn };
      } catch (error) {
        if (isOffline(error)) return { status: 'queued' };
        write(PENDING, null);
        throw error;
      }
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [checkInApi.today.tags[0]] }),
  });
}

export function useUpdateCheckIn(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CheckInUpdate) => call(checkInApi.update, { params: { id }, body }),
    onSuccess: (checkIn) => {
      queryClient.setQueryData<TodayCheckInView>(todayCheckInKey, (old) => (old ? { ...old, checkIn } : old));
      void queryClient.invalidateQueries({ queryKey: keyOf(checkInApi.list) });
    },
  });
}
