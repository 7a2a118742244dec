import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  idempotencyKeyFor,
  keepCheckIn,
  localDateNow,
  pendingCheckIn,
  sendPendingCheckIn,
} from './check-in-api.ts';

const PERSON = '00000000-0000-4000-8000-000000000001';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

const pending = (key: string) =>
  JSON.stringify({
    personId: PERSON,
    date: '2026-11-25',
    input: { idempotencyKey: key, mood: 3, craving: 2, triggers: [], wantsSupport: false },
  });

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the offline check-in', () => {
  it('uses one idempotency key per person and day', () => {
    const first = idempotencyKeyFor(PERSON, '2026-11-25');
    expect(idempotencyKeyFor(PERSON, '2026-11-25')).toBe(first);
    expect(idempotencyKeyFor(PERSON, '2026-11-26')).not.toBe(first);
  });

  it('sends a kept check-in again with the same key, then forgets it', async () => {
    localStorage.setItem('hearth.pendingCheckIn', pending('kept-key-123'));
    const fetch = vi.fn(async () => new Response(JSON.stringify({ id: 'x' }), { status: 201 }));
    vi.stubGlobal('fetch', fetch);
    expect(await sendPendingCheckIn(PERSON)).toBe(true);
    const body = JSON.parse(String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body));
    expect(body.idempotencyKey).toBe('kept-key-123');
    expect(pendingCheckIn(PERSON)).toBeNull();
  });

  it('keeps it while the network is still down', async () => {
    localStorage.setItem('hearth.pendingCheckIn', pending('kept-key-456'));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect(await sendPendingCheckIn(PERSON)).toBe(false);
    expect(pendingCheckIn(PERSON)?.input.idempotencyKey).toBe('kept-key-456');
  });

  it('sends a kept check-in with the local date it was made on', async () => {
    localStorage.setItem('hearth.pendingCheckIn', pending('kept-overnight'));
    const fetch = vi.fn(async () => new Response(JSON.stringify({ id: 'x' }), { status: 201 }));
    vi.stubGlobal('fetch', fetch);
    expect(await sendPendingCheckIn(PERSON)).toBe(true);
    const body = JSON.parse(String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body));
    expect(body).toMatchObject({ idempotencyKey: 'kept-overnight', localDate: '2026-11-25', mood: 3 });
  });

  it('forgets a kept check-in the server refuses for its date (kept longer than a day)', async () => {
    localStorage.setItem('hearth.pendingCheckIn', pending('kept-too-long'));
    const refusal = {
      error: {
        code: 'validation_failed',
        message: 'too old',
        fields: [{ field: 'localDate', message: 'too old' }],
      },
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(refusal), { status: 400 })),
    );
    expect(await sendPendingCheckIn(PERSON)).toBe(false);
    expect(pendingCheckIn(PERSON)).toBeNull();
  });

  it("keeps a new check-in under the person's own local date, with the day's key", () => {
    // 03:00 UTC on 26 November is still the evening of the 25th in Chicago.
    const at = new Date('2026-11-26T03:00:00Z');
    const input = keepCheckIn(
      PERSON,
      { mood: 4, craving: 1, triggers: [], wantsSupport: false },
      'America/Chicago',
      at,
    );
    const kept = pendingCheckIn(PERSON);
    expect(kept?.date).toBe('2026-11-25');
    expect(kept?.input).toEqual(input);
    expect(input.localDate).toBeUndefined();
    expect(input.idempotencyKey).toBe(idempotencyKeyFor(PERSON, '2026-11-25'));
  });

  it("uses the phone's own date when the person's time zone is not known", () => {
    const at = new Date(2026, 10, 25, 23, 30);
    expect(localDateNow(null, at)).toBe('2026-11-25');
    expect(localDateNow('Not/AZone', at)).toBe('2026-11-25');
    expect(localDateNow('Pacific/Kiritimati', new Date('2026-11-25T12:00:00Z'))).toBe('2026-11-26');
  });

  it("never sends another person's kept check-in", async () => {
    localStorage.setItem('hearth.pendingCheckIn', pending('kept-key-789'));
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    expect(await sendPendingCheckIn('00000000-0000-4000-8000-000000000002')).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
  });
});
