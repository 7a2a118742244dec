// Conformance of our public Meeting Guide feed: every field rule of the spec, and who may read it.
import zlib from 'node:zlib';
import { isMeetingType } from '@code4recovery/spec';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, testApp, testDb } from '../../../test/app.ts';
import {
  buildOtherOrganization,
  buildResidence,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';
import { houseMeetingSeries, organizations } from '../../platform/database/schema.ts';

let admin: TestPerson;
let feedPath: string;
let houseId: string;
type FeedRow = Record<string, unknown> & { slug: string; name: string };

const add = async (overrides: Record<string, unknown>) => {
  const result = await call('POST', '/api/outside-meetings', {
    as: admin,
    body: {
      name: 'Feed meeting',
      days: [0],
      time: '09:00',
      timeZone: 'America/Chicago',
      types: ['O'],
      fellowship: 'aa',
      isPublic: true,
      ...overrides,
    },
  });
  expect(result.status, result.text).toBe(201);
  return result.body as { id: string; slug: string };
};

const feed = async () => {
  const result = await call('GET', feedPath);
  expect(result.status, result.text).toBe(200);
  return result.body as FeedRow[];
};

beforeAll(async () => {
  admin = await setUpOrganization({ organizationName: 'Feed Test Homes' });
  houseId = (await buildResidence(admin)).id;
  // Where the organization's online meetings are based: the place of an online meeting naming none.
  const area = await call('PATCH', '/api/outside-meetings/feed-settings', {
    as: admin,
    body: { meetingArea: 'Springfield, IL, USA' },
  });
  expect(area.status, area.text).toBe(200);
  await add({
    name: 'Sunday Morning Open',
    days: [0],
    time: '09:00',
    formattedAddress: '1 Elm St, Springfield, IL',
  });
  await add({ name: 'Saturday Night Live', days: [6], time: '23:30', endTime: null, types: ['SP', 'O'] });
  await add({ name: 'Mon Wed Women', days: [1, 3], time: '18:00', endTime: '19:30', types: ['W', 'C'] });
  await add({
    name: 'Online Young People',
    days: [2],
    time: '20:00',
    types: ['Y', 'LGBTQ'],
    conferenceUrl: 'https://zoom.us/j/123456',
    conferenceUrlNotes: 'Passcode 42',
    conferencePhone: '+1 555 0100',
    conferencePhoneNotes: 'Meeting ID 123 456',
    notes: 'Cameras optional',
  });
  await add({ name: 'Reunión en Español', days: [4], time: '19:00', languages: ['es'], types: ['O'] });
  await add({ name: 'Unpublished meeting', isPublic: false });
  await add({ name: 'By appointment', days: [], time: null });
  // An imported row whose notes came with HTML (imports strip it; the feed writes plain text whatever is stored).
  await call('POST', '/api/outside-meetings/import', {
    as: admin,
    body: {
      feed: JSON.stringify([
        {
          name: 'Imported',
          slug: 'imported-html',
          day: 5,
          time: '12:00',
          notes: '<p>Hello <b>there</b></p>',
        },
      ]),
      timeZone: 'America/Chicago',
    },
  });
  const list = await call('GET', '/api/outside-meetings', { as: admin });
  const imported = list.body.meetings.find((m: { slug: string }) => m.slug === 'imported-html');
  await call('PATCH', `/api/outside-meetings/${imported.id}`, { as: admin, body: { isPublic: true } });
  feedPath = list.body.feedPath;
  // A house meeting of the organization: private, never in the public feed.
  await testDb().insert(houseMeetingSeries).values({
    organizationId: admin.organizationId,
    residenceId: houseId,
    title: 'PrivateHouseMeetingTitle',
    rrule: 'FREQ=WEEKLY;BYDAY=SU',
    startsOn: '2026-01-04',
    startTime: '19:00',
    timeZone: 'America/Chicago',
  });
});

describe('the public Meeting Guide feed', () => {
  it('should be a JSON array of the public meetings only, never house meetings', async () => {
    const rows = await feed();
    expect(rows.map((r) => r.name).sort()).toEqual([
      'By appointment',
      'Imported',
      'Mon Wed Women',
      'Online Young People',
      'Reunión en Español',
      'Saturday Night Live',
      'Sunday Morning Open',
    ]);
    const text = (await call('GET', feedPath)).text;
    expect(text).not.toContain('Unpublished meeting');
    expect(text).not.toContain('PrivateHouseMeetingTitle');
    expect(text).not.toContain(houseId);
    expect(text).not.toContain(admin.lastName);
  });

  it('should have a unique, URL-safe slug of at most 64 characters and a name on every row', async () => {
    const rows = await feed();
    expect(new Set(rows.map((r) => r.slug)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.slug).toMatch(/^[A-Za-z0-9._~-]{1,64}$/);
      expect(typeof r.name).toBe('string');
      expect(r.name.length).toBeGreaterThan(0);
      expect(r.name.length).toBeLessThanOrEqual(64);
    }
  });

  it('should give days as 0–6 with Sunday 0 (a list for several), times as HH:MM, end times, and the zone', async () => {
    const rows = await feed();
    const byName = (name: string) => rows.find((r) => r.name === name)!;
    expect(byName('Sunday Morning Open')).toMatchObject({
      day: 0,
      time: '09:00',
      end_time: '10:00',
      timezone: 'America/Chicago',
    });
    expect(byName('Saturday Night Live')).toMatchObject({ day: 6, time: '23:30', end_time: '00:30' });
    expect(byName('Mon Wed Women')).toMatchObject({ day: [1, 3], time: '18:00', end_time: '19:30' });
    expect(byName('By appointment')).not.toHaveProperty('day');
    expect(byName('By appointment')).not.toHaveProperty('time');
    for (const r of rows) {
      expect(typeof r.timezone).toBe('string');
      if ('day' in r) {
        const days = Array.isArray(r.day) ? r.day : [r.day];
        for (const d of days)
          expect(Number.isInteger(d) && (d as number) >= 0 && (d as number) <= 6).toBe(true);
        expect(r.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(r.end_time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      }
    }
  });

  it('should use only type codes of the spec (Spanish meetings get S)', async () => {
    const rows = await feed();
    for (const r of rows) for (const t of r.types as string[]) expect(isMeetingType(t), t).toBe(true);
    expect(rows.find((r) => r.name === 'Reunión en Español')!.types).toEqual(['O', 'S']);
    expect(rows.find((r) => r.name === 'Online Young People')!.types).toEqual(['Y', 'LGBTQ']);
  });

  it('should describe an online meeting by conference_url and conference_phone with their notes', async () => {
    const online = (await feed()).find((r) => r.name === 'Online Young People')!;
    expect(online).toMatchObject({
      conference_url: 'https://zoom.us/j/123456',
      conference_url_notes: 'Passcode 42',
      conference_phone: '+1 555 0100',
      conference_phone_notes: 'Meeting ID 123 456',
      notes: 'Cameras optional',
    });
    expect(online.types).not.toContain('ONL');
  });

  it('should place every online meeting: its own place, else the organization’s area, marked approximate', async () => {
    const rows = await feed();
    const online = rows.find((r) => r.name === 'Online Young People')!;
    expect(online).toMatchObject({ formatted_address: 'Springfield, IL, USA', approximate: 'yes' });
    expect(rows.find((r) => r.name === 'Sunday Morning Open')).not.toHaveProperty('approximate');
    const own = await add({
      name: 'Online From Peoria',
      conferenceUrl: 'https://meet.jit.si/peoria',
      formattedAddress: 'Peoria, IL, USA',
      approximate: true,
    });
    expect((await feed()).find((r) => r.slug === own.slug)).toMatchObject({
      formatted_address: 'Peoria, IL, USA',
      approximate: 'yes',
    });
    await call('DELETE', `/api/outside-meetings/${own.id}`, { as: admin });
  });

  it('should refuse a public online meeting with no place when the organization names no area', async () => {
    const { admin: other } = await buildOtherOrganization();
    // An organization that has not said where its online meetings are based.
    await testDb()
      .update(organizations)
      .set({ meetingArea: '' })
      .where(eq(organizations.id, other.organizationId));
    const body = {
      name: 'Online Nowhere',
      days: [1],
      time: '20:00',
      timeZone: 'America/Chicago',
      conferenceUrl: 'https://zoom.us/j/99',
      isPublic: true,
    };
    const refused = await call('POST', '/api/outside-meetings', { as: other, body });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      reason: 'outside_meetings.online_needs_place',
      fields: [{ field: 'formattedAddress', reason: 'outside_meetings.online_needs_place' }],
    });
    const list = await call('GET', '/api/outside-meetings', { as: other });
    expect(list.body.meetings.some((m: { name: string }) => m.name === 'Online Nowhere')).toBe(false);
    // Unpublished it may wait for a place; publishing it then asks for one.
    const kept = await call('POST', '/api/outside-meetings', {
      as: other,
      body: { ...body, isPublic: false },
    });
    expect(kept.status, kept.text).toBe(201);
    const publish = await call('PATCH', `/api/outside-meetings/${kept.body.id}`, {
      as: other,
      body: { isPublic: true },
    });
    expect(publish.status).toBe(400);
    expect(publish.body.error.reason).toBe('outside_meetings.online_needs_place');
    const placed = await call('PATCH', `/api/outside-meetings/${kept.body.id}`, {
      as: other,
      body: { isPublic: true, formattedAddress: 'Chicago, IL, USA', approximate: true },
    });
    expect(placed.status, placed.text).toBe(200);
    expect(placed.body).toMatchObject({ isPublic: true, approximate: true, online: true });
  });

  it('should keep the area while a public online meeting needs it, and take only plain text', async () => {
    const cleared = await call('PATCH', '/api/outside-meetings/feed-settings', {
      as: admin,
      body: { meetingArea: '  ' },
    });
    expect(cleared.status).toBe(400);
    expect(cleared.body.error.fields).toEqual([
      expect.objectContaining({ field: 'meetingArea', reason: 'outside_meetings.online_needs_place' }),
    ]);
    const html = await call('PATCH', '/api/outside-meetings/feed-settings', {
      as: admin,
      body: { meetingArea: '<b>Springfield</b>' },
    });
    expect(html.status).toBe(400);
    expect(html.body.error.fields[0]).toMatchObject({
      field: 'meetingArea',
      reason: 'outside_meetings.not_plain_text',
    });
    const list = await call('GET', '/api/outside-meetings', { as: admin });
    expect(list.body.meetingArea).toBe('Springfield, IL, USA');
  });

  it('should carry no HTML, no contacts and no last names', async () => {
    const rows = await feed();
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(rows.find((r) => r.name === 'Imported')!.notes).toBe('Hello there');
    for (const r of rows) expect(Object.keys(r).some((k) => k.startsWith('contact_'))).toBe(false);
  });

  it('should stamp each row updated in UTC as YYYY-MM-DD HH:MM:SS', async () => {
    for (const r of await feed()) expect(r.updated).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('should be open to any site (CORS *, GET only), cacheable, with an ETag that answers 304', async () => {
    const result = await call('GET', feedPath, { headers: { origin: 'https://meetings.example.org' } });
    expect(result.headers['access-control-allow-origin']).toBe('*');
    expect(result.headers['access-control-allow-methods']).toBe('GET');
    expect(result.headers['access-control-allow-credentials']).toBeUndefined();
    expect(result.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(result.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(result.headers['cache-control']).toBe('public, max-age=300');
    expect(result.headers['set-cookie']).toBeUndefined();
    const etag = result.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await call('GET', feedPath, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('should send the feed gzipped to apps that accept it', async () => {
    const plain = await call('GET', feedPath);
    const response = await testApp().inject({
      method: 'GET',
      url: feedPath,
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers.vary).toBe('accept-encoding');
    expect(zlib.gunzipSync(response.rawPayload).toString('utf8')).toBe(plain.text);
  });

  it('should show a change at once (the cached feed is forgotten on every write)', async () => {
    const made = await add({ name: 'Brand New Meeting' });
    expect((await feed()).some((r) => r.slug === made.slug)).toBe(true);
    await call('PATCH', `/api/outside-meetings/${made.id}`, { as: admin, body: { isPublic: false } });
    expect((await feed()).some((r) => r.slug === made.slug)).toBe(false);
    await call('PATCH', `/api/outside-meetings/${made.id}`, {
      as: admin,
      body: { isPublic: true, name: 'Renamed' },
    });
    expect((await feed()).find((r) => r.slug === made.slug)?.name).toBe('Renamed');
    await call('DELETE', `/api/outside-meetings/${made.id}`, { as: admin });
    expect((await feed()).some((r) => r.slug === made.slug)).toBe(false);
  });

  it('should answer 404 for an unknown organization, and keep each organization’s feed its own', async () => {
    const missing = await call('GET', '/api/public/no-such-organization/meetings.json');
    expect(missing.status).toBe(404);
    expect(missing.headers['access-control-allow-origin']).toBe('*');
    const other = await buildOtherOrganization();
    const otherList = await call('GET', '/api/outside-meetings', { as: other.admin });
    const otherFeed = await call('GET', otherList.body.feedPath);
    expect(otherFeed.status).toBe(200);
    expect(otherFeed.text).not.toContain('Sunday Morning Open');
  });
});
