// Each limited route answers 429 with Retry-After past its limit, counted across two app instances on
// one database; and private answers carry Cache-Control: no-store.

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REASONS } from '../../shared/contracts/reasons.ts';
import { buildTestApp, type CallOptions, type CallResult, call } from '../../test/app.ts';
import { buildPerson, buildResidence, setUpOrganization, type TestPerson } from '../../test/factories.ts';
import { waitFor } from '../../test/wait.ts';
import { RATE_LIMITS, type RateLimitName } from './rate-limits.ts';

let admin: TestPerson;
let houseId: string;
let apps: [FastifyInstance, FastifyInstance];

beforeAll(async () => {
  admin = await setUpOrganization();
  houseId = (await buildResidence(admin, { name: 'Cedar House', bedCapacity: 30 })).id;
  // The file's own app loosens every limit (many people from one address); these two do not.
  apps = [await buildTestApp({ RATE_LIMIT_FACTOR: '1' }), await buildTestApp({ RATE_LIMIT_FACTOR: '1' })];
  await Promise.all(apps.map((app) => app.ready()));
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
});

/** Calls `max` times, alternating between the two instances, then once more. */
async function pastTheLimit(
  name: RateLimitName,
  send: (i: number, app: FastifyInstance) => Promise<CallResult>,
  allowed: number[],
): Promise<CallResult> {
  const { max, windowSeconds } = RATE_LIMITS[name];
  // Windows are fixed (aligned to the epoch): start well inside one, so the count cannot roll over.
  const left = () => windowSeconds - ((Date.now() / 1000) % windowSeconds);
  await waitFor(() => left() >= 15, { timeout: 16_000, interval: 250 });
  for (let i = 0; i < max; i++) {
    const result = await send(i, apps[i % 2]!);
    expect(allowed, `call ${i + 1} of ${max}: ${result.text}`).toContain(result.status);
  }
  return await send(max, apps[max % 2]!);
}

function expectRefused(result: CallResult, name: RateLimitName) {
  const { windowSeconds, reason } = RATE_LIMITS[name];
  expect(result.status).toBe(429);
  expect(result.body).toEqual({
    error: { code: 'too_many_requests', reason, message: REASONS[reason].message },
  });
  const retryAfter = Number(result.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

const on = (app: FastifyInstance, options: CallOptions): CallOptions => ({ ...options, app });

describe('rate limits across two instances', () => {
  it('should refuse a flood of chat messages, and not store the refused one', async () => {
    const writer = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    const list = await call('GET', '/api/chat/conversations', { as: writer });
    const house = (list.body.conversations as { id: string; kind: string }[]).find(
      (c) => c.kind === 'house',
    )!;
    const url = `/api/chat/conversations/${house.id}/messages`;
    const refused = await pastTheLimit(
      'chatMessage',
      (i, app) => call('POST', url, on(app, { as: writer, body: { body: `message ${i}` } })),
      [201],
    );
    expectRefused(refused, 'chatMessage');
    const page = await call('GET', url, { as: writer });
    expect(page.body.messages.map((m: { body: string }) => m.body)).not.toContain(
      `message ${RATE_LIMITS.chatMessage.max}`,
    );
    // A housemate writing at the same time is not held back.
    const housemate = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    expect((await call('POST', url, on(apps[0], { as: housemate, body: { body: 'hi' } }))).status).toBe(201);
  });

  it('should refuse support posts past the limit, each of which notifies a house', async () => {
    const asker = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    const refused = await pastTheLimit(
      'supportPost',
      (i, app) =>
        call(
          'POST',
          '/api/support/requests',
          on(app, { as: asker, body: { supportKind: 'emotional', body: `a talk ${i}`, audience: 'house' } }),
        ),
      [201],
    );
    expectRefused(refused, 'supportPost');
  });

  it('should refuse invitations past the limit', async () => {
    const inviter = await buildPerson(admin, { role: 'org_admin' });
    const refused = await pastTheLimit(
      'invitation',
      (_i, app) =>
        call(
          'POST',
          '/api/invitations',
          on(app, { as: inviter, body: { role: 'resident', residenceId: houseId } }),
        ),
      [201],
    );
    expectRefused(refused, 'invitation');
  });

  it('should refuse invitation-code lookups from one address past the limit, not from another', async () => {
    const refused = await pastTheLimit(
      'invitationCode',
      (i, app) =>
        call('GET', `/api/invitations/code/ABCD-EFGH-JK${String(i).padStart(2, '2').slice(-2)}`, {
          app,
          remoteAddress: '127.0.0.20',
        }),
      [404],
    );
    expectRefused(refused, 'invitationCode');
    const accept = await call('POST', '/api/invitations/code/ABCD-EFGH-JKLM/accept', {
      app: apps[0],
      remoteAddress: '127.0.0.20',
      body: { firstName: 'Ana', username: 'ana-new', password: 'a long enough password', language: 'en' },
    });
    expect(accept.status).toBe(429);
    const elsewhere = await call('GET', '/api/invitations/code/ABCD-EFGH-JKLM', {
      app: apps[1],
      remoteAddress: '127.0.0.21',
    });
    expect(elsewhere.status).toBe(404);
  });

  it('should count only new reach-out alerts, refuse one past the limit, and keep the crisis numbers', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    const raise = (app: FastifyInstance, key: string) =>
      call('POST', '/api/reach-out/alerts', on(app, { as: person, body: { idempotencyKey: key } }));
    const refused = await pastTheLimit(
      'reachOutAlert',
      async (i, app) => {
        const first = await raise(app, `tap-${i}-first`);
        if (first.status !== 201) return first;
        // A weak network's retries and more taps find the open alert: they count for nothing.
        expect((await raise(apps[(i + 1) % 2]!, `tap-${i}-first`)).status).toBe(200);
        expect((await raise(app, `tap-${i}-again`)).status).toBe(200);
        // "I'm okay now".
        const closed = await call(
          'POST',
          `/api/reach-out/alerts/${first.body.id}/close`,
          on(app, { as: person }),
        );
        expect(closed.status).toBe(200);
        return first;
      },
      [201],
    );
    expectRefused(refused, 'reachOutAlert');
    const lines = await call('GET', '/api/reach-out/crisis-lines', { app: apps[0] });
    expect(lines.status).toBe(200);
    // Another person of the house still reaches out at once.
    const housemate = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    const theirs = await call(
      'POST',
      '/api/reach-out/alerts',
      on(apps[1], { as: housemate, body: { idempotencyKey: 'housemate-tap' } }),
    );
    expect(theirs.status).toBe(201);
  });
});

describe('Cache-Control on API answers', () => {
  it('should mark private answers, and errors, no-store', async () => {
    expect((await call('GET', '/api/me', { as: admin })).headers['cache-control']).toBe('no-store');
    expect((await call('GET', '/api/me')).headers['cache-control']).toBe('no-store');
    expect((await call('GET', '/api/invitations', { as: admin })).headers['cache-control']).toBe('no-store');
  });

  it('should leave public answers that anyone may keep to their own caching', async () => {
    expect((await call('GET', '/api/health')).headers['cache-control']).toBeUndefined();
    expect((await call('GET', '/api/openapi.json')).headers['cache-control']).toBeUndefined();
    const me = await call('GET', '/api/me', { as: admin });
    const feed = await call('GET', `/api/public/${me.body.organization.slug}/meetings.json`);
    expect(feed.status).toBe(200);
    expect(feed.headers['cache-control']).toBe('public, max-age=300');
  });
});
