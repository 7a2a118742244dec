import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, call } from '../../../test/app.ts';
import {
  buildOtherOrganization,
  buildPerson,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';
import type { OutboundHooks } from '../../platform/outbound.ts';
import { fetchFeed } from './import.ts';

let admin: TestPerson;
let peerLeader: TestPerson;
let otherOrgAdmin: TestPerson;
let server: http.Server;
let base: string;
let port: number;
/** Every path the loopback server was asked for. */
const seen: string[] = [];
/** The app as an operator runs it on a closed network: imports may reach loopback addresses. */
let loopbackApp: FastifyInstance;

const row = (i: number, overrides: Record<string, unknown> = {}) => ({
  name: `Imported meeting ${i}`,
  slug: `imported-${i}`,
  day: i % 7,
  time: '18:00',
  timezone: 'America/New_York',
  types: ['O', 'D'],
  formatted_address: `${i} Main St, Springfield`,
  ...overrides,
});

const FEED = [
  row(1),
  row(2, { types: ['W', 'ONL', 'NOTACODE'], conference_url: 'https://zoom.us/j/2' }),
  row(3, { day: 9 }),
  row(4, { time: '25:00' }),
  { name: 'No slug', day: 1, time: '10:00' },
  row(1, { name: 'Duplicate slug' }),
  'not an object',
];

beforeAll(async () => {
  admin = await setUpOrganization();
  peerLeader = await buildPerson(admin, {
    role: 'peer_leader',
    residenceId: (
      await call('POST', '/api/residences', {
        as: admin,
        body: {
          name: 'Import House',
          address: '',
          timeZone: 'America/Chicago',
          bedCapacity: 4,
          narrLevel: 2,
          programFocus: [],
        },
      })
    ).body.id,
  });
  otherOrgAdmin = (await buildOtherOrganization()).admin;
  server = http.createServer((request, response) => {
    seen.push(request.url ?? '');
    switch (request.url) {
      case '/feed.json':
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(FEED));
        return;
      case '/updated.json':
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify([row(1, { name: 'Renamed by the feed', time: '19:15' }), row(99)]));
        return;
      case '/page.html':
        response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Meetings</body></html>');
        return;
      case '/object.json':
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"meetings": []}');
        return;
      case '/huge.json': {
        response.writeHead(200, { 'content-type': 'application/json' });
        const chunk = `${' '.repeat(64 * 1024)}`;
        let sent = 0;
        const push = () => {
          while (sent < 6_000_000) {
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', push);
          }
          response.end();
        };
        push();
        return;
      }
      case '/admin-console':
        response.writeHead(418, { 'x-internal': 'billing-db' }).end('internal billing service v2.3');
        return;
      case '/slow.json':
        setTimeout(() => response.writeHead(200).end('[]'), 2000).unref();
        return;
      default:
        response.writeHead(404).end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  loopbackApp = await buildTestApp({ IMPORT_ALLOW_PRIVATE_HOSTS: '1' });
  await loopbackApp.ready();
});

afterAll(async () => {
  await loopbackApp.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const directory = async (as: TestPerson = admin) =>
  (await call('GET', '/api/outside-meetings', { as })).body.meetings as {
    slug: string;
    name: string;
    time: string;
    types: string[];
    isPublic: boolean;
    source: string;
  }[];

describe('importing a Meeting Guide feed', () => {
  it('should import the usable rows from a feed address and report each row it could not use and why', async () => {
    const result = await call('POST', '/api/outside-meetings/import', {
      app: loopbackApp,
      as: admin,
      body: { url: `${base}/feed.json`, timeZone: 'America/Chicago' },
    });
    expect(result.status, result.text).toBe(200);
    expect(result.body).toMatchObject({ total: 7, inserted: 2, updated: 0, skippedCount: 5 });
    expect(result.body.skipped).toEqual([
      {
        index: 2,
        slug: 'imported-3',
        field: 'day',
        reason: 'outside_meetings.row_day_format',
        message: 'must be 0–6 (Sunday is 0) or a list of them',
      },
      {
        index: 3,
        slug: 'imported-4',
        field: 'time',
        reason: 'outside_meetings.row_time_format',
        message: 'must be a time like 19:30 (24-hour, 00:00–23:59)',
      },
      {
        index: 4,
        slug: null,
        field: 'slug',
        reason: 'outside_meetings.row_required',
        message: 'is required',
      },
      {
        index: 5,
        slug: 'imported-1',
        field: 'slug',
        reason: 'outside_meetings.row_repeated_slug',
        message: 'repeats the slug of row 0',
        params: { row: 0 },
      },
      {
        index: 6,
        slug: null,
        field: 'row',
        reason: 'outside_meetings.row_not_object',
        message: 'is not a meeting object',
      },
    ]);
    expect(result.body.adjusted.map((a: { index: number; field: string }) => [a.index, a.field])).toEqual([
      [1, 'types'],
      [1, 'types'],
    ]);
    const imported = (await directory()).filter((m) => m.slug.startsWith('imported-'));
    expect(imported.map((m) => [m.slug, m.types, m.isPublic, m.source])).toEqual([
      ['imported-1', ['O', 'D'], false, 'import'],
      ['imported-2', ['W'], false, 'import'],
    ]);
  });

  it('should merge by slug: update what exists (keeping it unpublished or published as curated), add what is new', async () => {
    const one = (await directory()).find((m) => m.slug === 'imported-1')!;
    const id = (await call('GET', '/api/outside-meetings', { as: admin })).body.meetings.find(
      (m: { slug: string }) => m.slug === one.slug,
    ).id;
    await call('PATCH', `/api/outside-meetings/${id}`, { as: admin, body: { isPublic: true } });
    const result = await call('POST', '/api/outside-meetings/import', {
      app: loopbackApp,
      as: admin,
      body: { url: `${base}/updated.json`, timeZone: 'America/Chicago' },
    });
    expect(result.body).toMatchObject({ total: 2, inserted: 1, updated: 1, skippedCount: 0 });
    const after = (await directory()).find((m) => m.slug === 'imported-1')!;
    expect(after).toMatchObject({ name: 'Renamed by the feed', time: '19:15', isPublic: true });
  });

  it('should import an uploaded file the same way', async () => {
    const result = await call('POST', '/api/outside-meetings/import', {
      as: admin,
      body: {
        feed: JSON.stringify([row(200), row(201, { types: ['M'] })]),
        timeZone: 'America/Chicago',
        fellowship: 'na',
      },
    });
    expect(result.status, result.text).toBe(200);
    expect(result.body).toMatchObject({ inserted: 2, skippedCount: 0 });
  });

  it('should write nothing and answer 400 when the file is not JSON, or not a list', async () => {
    const before = (await directory()).length;
    const notJson = await call('POST', '/api/outside-meetings/import', {
      as: admin,
      body: { feed: '<html>meetings</html>', timeZone: 'America/Chicago' },
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.fields).toEqual([
      { field: 'feed', reason: 'outside_meetings.feed_not_json', message: 'is not JSON' },
    ]);
    const object = await call('POST', '/api/outside-meetings/import', {
      as: admin,
      body: { feed: '{"name":"x"}', timeZone: 'America/Chicago' },
    });
    expect(object.status).toBe(400);
    expect(object.body.error.fields).toEqual([
      {
        field: 'feed',
        reason: 'outside_meetings.feed_not_a_list',
        message: 'must be a JSON list of meetings (a Meeting Guide feed)',
      },
    ]);
    const html = await call('POST', '/api/outside-meetings/import', {
      app: loopbackApp,
      as: admin,
      body: { url: `${base}/page.html`, timeZone: 'America/Chicago' },
    });
    expect(html.body.error.fields).toEqual([
      { field: 'url', reason: 'outside_meetings.feed_not_json', message: 'is not JSON' },
    ]);
    const notList = await call('POST', '/api/outside-meetings/import', {
      app: loopbackApp,
      as: admin,
      body: { url: `${base}/object.json`, timeZone: 'America/Chicago' },
    });
    expect(notList.status).toBe(400);
    expect(notList.body.error.reason).toBe('outside_meetings.feed_not_a_list');
    expect((await directory()).length).toBe(before);
  });

  it('should report 10,000 malformed rows clearly and write none of them', async () => {
    const before = (await directory()).length;
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      slug: `bad-${i}`,
      name: `Bad ${i}`,
      day: 1,
      time: '25:00',
    }));
    const result = await call('POST', '/api/outside-meetings/import', {
      as: admin,
      body: { feed: JSON.stringify(rows), timeZone: 'America/Chicago' },
    });
    expect(result.status, result.text.slice(0, 300)).toBe(200);
    expect(result.body).toMatchObject({ total: 10_000, inserted: 0, updated: 0, skippedCount: 10_000 });
    expect(result.body.skipped).toHaveLength(500);
    expect(result.body.skipped[0]).toEqual({
      index: 0,
      slug: 'bad-0',
      field: 'time',
      reason: 'outside_meetings.row_time_format',
      message: 'must be a time like 19:30 (24-hour, 00:00–23:59)',
    });
    expect((await directory()).length).toBe(before);
  });

  it('should refuse a feed address on a private network unless the server allows it', async () => {
    const result = await call('POST', '/api/outside-meetings/import', {
      as: admin,
      body: { url: `${base}/feed.json`, timeZone: 'America/Chicago' },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      {
        field: 'url',
        reason: 'outside_meetings.feed_private_address',
        message: 'points at a private network address',
      },
    ]);
  });

  it('should answer 400 for an address that is not found, and 413 for a feed over 5 MB', async () => {
    const missing = await call('POST', '/api/outside-meetings/import', {
      app: loopbackApp,
      as: admin,
      body: { url: `${base}/nothing.json`, timeZone: 'America/Chicago' },
    });
    expect(missing.body.error.fields).toEqual([
      { field: 'url', reason: 'outside_meetings.feed_unreadable', message: 'the feed could not be read' },
    ]);
    const huge = await call('POST', '/api/outside-meetings/import', {
      app: loopbackApp,
      as: admin,
      body: { url: `${base}/huge.json`, timeZone: 'America/Chicago' },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error).toMatchObject({
      code: 'payload_too_large',
      reason: 'outside_meetings.feed_too_large',
      fields: [{ field: 'url', reason: 'outside_meetings.feed_too_large' }],
    });
  });

  it('should give up on a feed that does not answer in time', async () => {
    await expect(fetchFeed(`${base}/slow.json`, { allowPrivate: true }, 300)).rejects.toMatchObject({
      status: 400,
      fields: [
        {
          field: 'url',
          reason: 'outside_meetings.feed_timeout',
          message: 'did not answer within 10 seconds',
        },
      ],
    });
  });

  it.each([
    [
      { timeZone: 'America/Chicago' },
      'url',
      'outside_meetings.address_or_file',
      'give either a feed address or a file',
    ],
    [
      { url: 'ftp://example.org/x', timeZone: 'America/Chicago' },
      'url',
      'field.not_a_url',
      'must be a web address starting with https://',
    ],
    [{ feed: '[]' }, 'timeZone', 'field.required', expect.any(String)],
  ])('should refuse %j naming the field and its reason', async (body, field, reason, message) => {
    const result = await call('POST', '/api/outside-meetings/import', { as: admin, body });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toContainEqual(expect.objectContaining({ field, reason, message }));
  });

  it('should let only admins import (a peer leader: 403), into their own organization only', async () => {
    const body = { feed: JSON.stringify([row(300)]), timeZone: 'America/Chicago' };
    expect((await call('POST', '/api/outside-meetings/import', { as: peerLeader, body })).status).toBe(403);
    expect((await call('POST', '/api/outside-meetings/import', { as: otherOrgAdmin, body })).status).toBe(
      200,
    );
    expect((await directory()).some((m) => m.slug === 'imported-300')).toBe(false);
    expect((await directory(otherOrgAdmin)).some((m) => m.slug === 'imported-300')).toBe(true);
  });
});

describe('a feed address that leads into the private network', () => {
  const importFrom = (url: string, app?: FastifyInstance) =>
    call('POST', '/api/outside-meetings/import', {
      ...(app ? { app } : {}),
      as: admin,
      body: { url, timeZone: 'America/Chicago' },
    });
  const appWith = async (outbound: Partial<OutboundHooks>) => {
    const app = await buildTestApp({}, { outbound });
    await app.ready();
    return app;
  };

  it.each([
    '[::ffff:7f00:1]',
    '[0:0:0:0:0:ffff:7f00:1]',
    '[::ffff:127.0.0.1]',
    '[::ffff:0:7f00:1]',
    '[::127.0.0.1]',
    '[64:ff9b::7f00:1]',
    '[2002:7f00:1::]',
    '0x7f.1',
    '0x7f000001',
    '2130706433',
    '0177.0.0.1',
    '127.1',
  ])('should refuse http://%s (loopback in another form) and send it nothing', async (host) => {
    seen.length = 0;
    const result = await importFrom(`http://${host}:${port}/feed.json`);
    expect(result.status, result.text).toBe(400);
    expect(result.body.error.fields).toEqual([
      {
        field: 'url',
        reason: 'outside_meetings.feed_private_address',
        message: 'points at a private network address',
      },
    ]);
    expect(seen).toEqual([]);
  });

  it.each([
    '[::ffff:a9fe:a9fe]',
    '[::ffff:169.254.169.254]',
    '[::ffff:a00:1]',
    '[::ffff:10.1.2.3]',
    '[::ffff:c0a8:101]',
    '[::ffff:192.168.1.1]',
    '[64:ff9b::a9fe:a9fe]',
  ])('should refuse http://%s (a mapped private address) before any connection', async (host) => {
    const result = await importFrom(`http://${host}/feed.json`);
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      {
        field: 'url',
        reason: 'outside_meetings.feed_private_address',
        message: 'points at a private network address',
      },
    ]);
  });

  it('should refuse a name that resolves to a private address, or to a public and a private one', async () => {
    for (const answer of [['127.0.0.1'], ['::1'], ['93.184.216.34', '10.0.0.7']]) {
      const app = await appWith({ resolveHost: async () => answer });
      try {
        seen.length = 0;
        const result = await importFrom(`http://feeds.example.test:${port}/feed.json`, app);
        expect(result.status, answer.join()).toBe(400);
        expect(result.body.error.fields).toEqual([
          {
            field: 'url',
            reason: 'outside_meetings.feed_private_address',
            message: 'points at a private network address',
          },
        ]);
        expect(seen).toEqual([]);
      } finally {
        await app.close();
      }
    }
  });

  it('should say a name that does not resolve could not be found', async () => {
    const app = await appWith({
      resolveHost: async () => {
        throw new Error('ENOTFOUND');
      },
    });
    try {
      const result = await importFrom('https://nowhere.example.test/feed.json', app);
      expect(result.body.error.fields).toEqual([
        { field: 'url', reason: 'outside_meetings.feed_not_found', message: 'could not be found' },
      ]);
    } finally {
      await app.close();
    }
  });

  describe('with [::1] standing for a public server (tests reach loopback only)', () => {
    // The "public" server listens on [::1] at the same port as the loopback server on 127.0.0.1.
    let outside: http.Server;
    const outsideSeen: string[] = [];
    beforeAll(async () => {
      outside = http.createServer((request, response) => {
        outsideSeen.push(request.url ?? '');
        if (request.url === '/broken-redirect.json') {
          response.writeHead(301, { location: 'http://[not an address/' }).end();
          return;
        }
        if (request.url === '/moved.json') {
          response.writeHead(302, { location: `${base}/feed.json` }).end();
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([row(500)]));
      });
      await new Promise<void>((resolve) => outside.listen({ port, host: '::1', ipv6Only: true }, resolve));
    });
    afterAll(async () => {
      outside.closeAllConnections();
      await new Promise((resolve) => outside.close(resolve));
    });
    const onlyIpv6LoopbackIsPublic = (address: string) => address === '::1';

    it('should connect to the address it checked, however the name answers the next time (DNS rebinding)', async () => {
      let asked = 0;
      const app = await appWith({
        isAllowedAddress: onlyIpv6LoopbackIsPublic,
        // First answer public, every later one private: a second resolution would reach 127.0.0.1.
        resolveHost: async () => (asked++ === 0 ? ['::1'] : ['127.0.0.1']),
      });
      try {
        seen.length = 0;
        outsideSeen.length = 0;
        const result = await importFrom(`http://rebinding.example.test:${port}/rebind.json`, app);
        expect(result.status, result.text).toBe(200);
        expect(result.body).toMatchObject({ total: 1 });
        expect(outsideSeen).toEqual(['/rebind.json']);
        expect(seen).toEqual([]);
      } finally {
        await app.close();
      }
    });

    it('should check a redirect again and refuse one into the private network', async () => {
      const app = await appWith({
        isAllowedAddress: onlyIpv6LoopbackIsPublic,
        resolveHost: async () => ['::1'],
      });
      try {
        seen.length = 0;
        const result = await importFrom(`http://feeds.example.test:${port}/moved.json`, app);
        expect(result.status).toBe(400);
        expect(result.body.error.fields).toEqual([
          {
            field: 'url',
            reason: 'outside_meetings.feed_private_address',
            message: 'points at a private network address',
          },
        ]);
        expect(seen).toEqual([]);
      } finally {
        await app.close();
      }
    });

    it('should say only that the feed could not be read when a redirect leads nowhere', async () => {
      const app = await appWith({
        isAllowedAddress: (address) => address === '::1',
        resolveHost: async () => ['::1'],
      });
      try {
        const result = await importFrom(`http://feeds.example.test:${port}/broken-redirect.json`, app);
        expect(result.status).toBe(400);
        expect(result.body.error.fields).toEqual([
          { field: 'url', reason: 'outside_meetings.feed_unreadable', message: 'the feed could not be read' },
        ]);
      } finally {
        await app.close();
      }
    });
  });

  it('should not tell which status or words an internal service answered', async () => {
    const result = await importFrom(`${base}/admin-console`, loopbackApp);
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'url', reason: 'outside_meetings.feed_unreadable', message: 'the feed could not be read' },
    ]);
    expect(result.text).not.toMatch(/418|billing|internal/i);
  });
});
