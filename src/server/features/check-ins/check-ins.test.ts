import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../shared/domain/dates.ts';
import { addDays } from '../../../shared/domain/recovery-time.ts';
import { call, testDb } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import { buildPerson, buildResidence, setUpOrganization, type TestPerson } from '../../../test/factories.ts';
import { checkIns, memberships, people, signals } from '../../platform/database/schema.ts';

let admin: TestPerson;
let houseId: string;
let leader: TestPerson;
let counselor: TestPerson;
const HOUSE_ZONE = 'Pacific/Pago_Pago'; // UTC−11: its day differs from UTC's for most of the day

let sequence = 0;
const key = () => `test-key-${++sequence}-${Date.now()}`;
const checkIn = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: key(),
  mood: 4,
  craving: 2,
  sleepHours: 7.5,
  triggers: ['stress', 'tiredness'],
  gratitude: 'My sister called',
  intention: 'Go to the evening meeting',
  ...overrides,
});
const newResident = () => buildPerson(admin, { role: 'resident', residenceId: houseId });
const countCheckIns = async (person: TestPerson) =>
  (
    await testDb()
      .select({ n: sql<number>`count(*)::int` })
      .from(checkIns)
      .where(eq(checkIns.personId, person.id))
  )[0]!.n;

beforeAll(async () => {
  admin = await setUpOrganization();
  houseId = (await buildResidence(admin, { timeZone: HOUSE_ZONE, bedCapacity: 200 })).id;
  leader = await buildPerson(admin, { role: 'peer_leader', residenceId: houseId });
  counselor = await buildPerson(admin, { role: 'counselor' });
});

describe('POST /api/check-ins', () => {
  it("should save today's check-in on the local day of my house's time zone", async () => {
    const resident = await newResident();
    const result = await call('POST', '/api/check-ins', { as: resident, body: checkIn() });
    expect(result.status, result.text).toBe(201);
    expect(result.body).toMatchObject({
      localDate: localDate(HOUSE_ZONE),
      mood: 4,
      craving: 2,
      sleepHours: 7.5,
      triggers: ['stress', 'tiredness'],
      gratitude: 'My sister called',
      wantsSupport: false,
      supportKind: null,
      reflection: null,
      editable: true,
    });
    const today = await call('GET', '/api/check-ins/today', { as: resident });
    expect(today.body).toMatchObject({ localDate: localDate(HOUSE_ZONE), timeZone: HOUSE_ZONE });
    expect(today.body.checkIn.id).toBe(result.body.id);
  });

  it('should count the day in my own time zone when I have set one', async () => {
    const resident = await newResident();
    await testDb().update(people).set({ timeZone: 'Pacific/Kiritimati' }).where(eq(people.id, resident.id));
    const result = await call('POST', '/api/check-ins', { as: resident, body: checkIn() });
    expect(result.body.localDate).toBe(localDate('Pacific/Kiritimati'));
  });

  it('should return the same check-in with 200 for the same idempotency key, never a second one', async () => {
    const resident = await newResident();
    const body = checkIn();
    const first = await call('POST', '/api/check-ins', { as: resident, body });
    const again = await call('POST', '/api/check-ins', { as: resident, body });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await countCheckIns(resident)).toBe(1);
  });

  it.each([
    ['first tries', {}],
    ['sends from the phone with the day it was made on', { localDate: localDate(HOUSE_ZONE) }],
  ])('should make one check-in when the same key arrives many times at once (%s)', async (_how, extra) => {
    const resident = await newResident();
    const body = checkIn(extra);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => call('POST', '/api/check-ins', { as: resident, body })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await countCheckIns(resident)).toBe(1);
  });

  it("should refuse a second check-in for the day with another key (409 naming the key), and say to edit today's", async () => {
    const resident = await newResident();
    await call('POST', '/api/check-ins', { as: resident, body: checkIn({ mood: 3 }) });
    const second = await call('POST', '/api/check-ins', { as: resident, body: checkIn({ mood: 5 }) });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');
    expect(second.body.error.fields[0].field).toBe('idempotencyKey');
    expect(second.body.error.message).toMatch(/already checked in today.*Edit today's check-in/);
    expect(await countCheckIns(resident)).toBe(1);
    expect((await call('GET', '/api/check-ins/today', { as: resident })).body.checkIn.mood).toBe(3);
  });

  it.each([
    ['mood', { mood: 0 }],
    ['mood', { mood: 6 }],
    ['mood', { mood: 2.5 }],
    ['craving', { craving: -1 }],
    ['craving', { craving: 11 }],
    ['sleepHours', { sleepHours: 25 }],
    ['triggers.0', { triggers: ['the moon'] }],
    ['supportKind', { wantsSupport: true, supportKind: 'spiritual' }],
    ['idempotencyKey', { idempotencyKey: 'short' }],
    ['idempotencyKey', { idempotencyKey: 'x'.repeat(101) }],
  ])('should refuse a bad %s with 400 naming it, writing nothing', async (field, overrides) => {
    const resident = await newResident();
    const result = await call('POST', '/api/check-ins', { as: resident, body: checkIn(overrides) });
    expect(result.status).toBe(400);
    expect(result.body.error.fields.map((f: { field: string }) => f.field)).toContain(`${field}`);
    expect(await countCheckIns(resident)).toBe(0);
  });

  it('should refuse anyone not signed in', async () => {
    expect((await call('POST', '/api/check-ins', { body: checkIn() })).status).toBe(401);
  });
});

describe('POST /api/check-ins with the local date a phone kept it under (offline)', () => {
  // Lived in the house for a while, so a check-in dated yesterday falls within the stay.
  const settledResident = async () => {
    const resident = await newResident();
    await testDb()
      .update(memberships)
      .set({ startsOn: addDays(localDate(HOUSE_ZONE), -10) })
      .where(eq(memberships.personId, resident.id));
    return resident;
  };
  const yesterday = () => addDays(localDate(HOUSE_ZONE), -1);

  it('should save a check-in kept overnight on the day it was made, not today, and leave today free', async () => {
    const resident = await settledResident();
    const kept = await call('POST', '/api/check-ins', {
      as: resident,
      body: checkIn({ localDate: yesterday(), craving: 9 }),
    });
    expect(kept.status, kept.text).toBe(201);
    expect(kept.body).toMatchObject({ localDate: yesterday(), craving: 9, editable: false });
    const today = await call('POST', '/api/check-ins', { as: resident, body: checkIn() });
    expect(today.status, today.text).toBe(201);
    expect(today.body.localDate).toBe(localDate(HOUSE_ZONE));
    expect(await countCheckIns(resident)).toBe(2);
    // The signal it raised is about the day it was made.
    const raised = await testDb()
      .select({ kind: signals.kind, localDate: signals.localDate })
      .from(signals)
      .where(eq(signals.personId, resident.id));
    expect(raised).toEqual([{ kind: 'craving', localDate: yesterday() }]);
  });

  it("should take today's own date as today", async () => {
    const resident = await settledResident();
    const result = await call('POST', '/api/check-ins', {
      as: resident,
      body: checkIn({ localDate: localDate(HOUSE_ZONE) }),
    });
    expect(result.status, result.text).toBe(201);
    expect(result.body).toMatchObject({ localDate: localDate(HOUSE_ZONE), editable: true });
  });

  it.each([
    ['two days ago', -2],
    ['a week ago', -7],
    ['tomorrow', 1],
  ])('should refuse a local date %s with 400 naming localDate, writing nothing', async (_when, days) => {
    const resident = await settledResident();
    const result = await call('POST', '/api/check-ins', {
      as: resident,
      body: checkIn({ localDate: addDays(localDate(HOUSE_ZONE), days), mood: 1 }),
    });
    expect(result.status, result.text).toBe(400);
    expect(result.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['localDate']);
    expect(await countCheckIns(resident)).toBe(0);
    expect(await testDb().select().from(signals).where(eq(signals.personId, resident.id))).toEqual([]);
  });

  it('should refuse a local date that is not a date, naming it', async () => {
    const resident = await settledResident();
    const result = await call('POST', '/api/check-ins', {
      as: resident,
      body: checkIn({ localDate: '2026-02-30' }),
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields.map((f: { field: string }) => f.field)).toContain('localDate');
    expect(await countCheckIns(resident)).toBe(0);
  });

  it('should refuse a local date without an idempotency key (400 naming the key), writing nothing', async () => {
    const resident = await settledResident();
    const { idempotencyKey: _, ...withoutKey } = checkIn({ localDate: yesterday() });
    const result = await call('POST', '/api/check-ins', { as: resident, body: withoutKey });
    expect(result.status).toBe(400);
    expect(result.body.error.fields.map((f: { field: string }) => f.field)).toContain('idempotencyKey');
    expect(await countCheckIns(resident)).toBe(0);
  });

  it('should give back the same check-in when the phone sends it again with its key', async () => {
    const resident = await settledResident();
    const body = checkIn({ localDate: yesterday() });
    const first = await call('POST', '/api/check-ins', { as: resident, body });
    const again = await call('POST', '/api/check-ins', { as: resident, body });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await countCheckIns(resident)).toBe(1);
  });

  it("should give back today's check-in when the phone sends it again, with its day, after a lost answer", async () => {
    const resident = await settledResident();
    const body = checkIn({ craving: 9 });
    const first = await call('POST', '/api/check-ins', { as: resident, body });
    const again = await call('POST', '/api/check-ins', {
      as: resident,
      body: { ...body, localDate: localDate(HOUSE_ZONE) },
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await countCheckIns(resident)).toBe(1);
    const raised = await testDb().select().from(signals).where(eq(signals.personId, resident.id));
    expect(raised.map((s) => s.kind)).toEqual(['craving']);
  });

  it("should never give back another person's check-in for a key they happened to send too", async () => {
    const [mine, theirs] = [await settledResident(), await settledResident()];
    const body = checkIn({ localDate: localDate(HOUSE_ZONE), mood: 2 });
    const first = await call('POST', '/api/check-ins', { as: mine, body });
    const other = await call('POST', '/api/check-ins', { as: theirs, body: { ...body, mood: 4 } });
    expect([first.status, other.status]).toEqual([201, 201]);
    expect(other.body.id).not.toBe(first.body.id);
    expect(other.body.mood).toBe(4);
  });

  it('should refuse a second check-in for yesterday with another key (409 naming localDate)', async () => {
    const resident = await settledResident();
    await call('POST', '/api/check-ins', {
      as: resident,
      body: checkIn({ localDate: yesterday(), mood: 2 }),
    });
    const second = await call('POST', '/api/check-ins', {
      as: resident,
      body: checkIn({ localDate: yesterday(), mood: 5 }),
    });
    expect(second.status).toBe(409);
    expect(second.body.error.fields[0].field).toBe('localDate');
    expect(await countCheckIns(resident)).toBe(1);
  });
});

describe('PATCH /api/check-ins/:id', () => {
  it("should change today's check-in and add the end-of-day reflection", async () => {
    const resident = await newResident();
    const created = (await call('POST', '/api/check-ins', { as: resident, body: checkIn() })).body;
    const result = await call('PATCH', `/api/check-ins/${created.id}`, {
      as: resident,
      body: { reflection: 'hard', mood: 3, gratitude: '' },
    });
    expect(result.status, result.text).toBe(200);
    expect(result.body).toMatchObject({ id: created.id, reflection: 'hard', mood: 3, gratitude: null });
  });

  it('should keep what is not sent, and drop the kind of support when support is no longer wanted', async () => {
    const resident = await newResident();
    const created = (
      await call('POST', '/api/check-ins', {
        as: resident,
        body: checkIn({ wantsSupport: true, supportKind: 'emotional' }),
      })
    ).body;
    expect(created.supportKind).toBe('emotional');
    const result = await call('PATCH', `/api/check-ins/${created.id}`, {
      as: resident,
      body: { wantsSupport: false, sleepHours: null },
    });
    expect(result.body).toMatchObject({
      wantsSupport: false,
      supportKind: null,
      sleepHours: null,
      mood: 4,
      craving: 2,
      triggers: ['stress', 'tiredness'],
      gratitude: 'My sister called',
      intention: 'Go to the evening meeting',
    });
  });

  it('should look for signals only among the figures sent: an edit of the reflection raises none', async () => {
    const resident = await newResident();
    const kinds = async () =>
      (await testDb().select({ kind: signals.kind }).from(signals).where(eq(signals.personId, resident.id)))
        .map((r) => r.kind)
        .sort();
    const created = (
      await call('POST', '/api/check-ins', { as: resident, body: checkIn({ craving: 9, mood: 1 }) })
    ).body;
    expect(await kinds()).toEqual(['craving', 'low_mood']);
    // Had the figures been looked at again, removing the signals would see them raised once more.
    await testDb().delete(signals).where(eq(signals.personId, resident.id));
    const reflection = await call('PATCH', `/api/check-ins/${created.id}`, {
      as: resident,
      body: { reflection: 'hard' },
    });
    expect(reflection.status, reflection.text).toBe(200);
    expect(await kinds()).toEqual([]);
    await call('PATCH', `/api/check-ins/${created.id}`, { as: resident, body: { mood: 1 } });
    expect(await kinds()).toEqual(['low_mood']);
    await call('PATCH', `/api/check-ins/${created.id}`, { as: resident, body: { wantsSupport: true } });
    expect(await kinds()).toEqual(['low_mood', 'support_request']);
  });

  it("should refuse to change an earlier day's check-in (409), changing nothing", async () => {
    const resident = await newResident();
    const created = (await call('POST', '/api/check-ins', { as: resident, body: checkIn() })).body;
    testClock().advance({ days: 1 });
    const result = await call('PATCH', `/api/check-ins/${created.id}`, { as: resident, body: { mood: 1 } });
    expect(result.status).toBe(409);
    expect(result.body.error.fields[0].field).toBe('id');
    const [row] = await testDb().select().from(checkIns).where(eq(checkIns.id, created.id));
    expect(row!.mood).toBe(4);
  });

  it("should not find another person's check-in (housemate, peer leader, admin, counselor), nothing written", async () => {
    const resident = await newResident();
    const housemate = await newResident();
    const created = (await call('POST', '/api/check-ins', { as: resident, body: checkIn() })).body;
    for (const other of [housemate, leader, admin, counselor]) {
      const result = await call('PATCH', `/api/check-ins/${created.id}`, { as: other, body: { mood: 1 } });
      expect(result.status).toBe(404);
      expect(result.text).not.toContain('My sister called');
    }
    const [row] = await testDb().select().from(checkIns).where(eq(checkIns.id, created.id));
    expect(row!.mood).toBe(4);
  });

  it('should refuse an unknown reflection with 400 naming it', async () => {
    const resident = await newResident();
    const created = (await call('POST', '/api/check-ins', { as: resident, body: checkIn() })).body;
    const result = await call('PATCH', `/api/check-ins/${created.id}`, {
      as: resident,
      body: { reflection: 'terrible' },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields[0].field).toBe('reflection');
  });
});

describe('GET /api/check-ins', () => {
  it('should list only my own check-ins of the last 30 or 90 days, oldest first', async () => {
    const resident = await newResident();
    const housemate = await newResident();
    const mine = (await call('POST', '/api/check-ins', { as: resident, body: checkIn() })).body;
    // Moved to long ago by hand: at a clock that far back the resident's membership has not begun yet.
    await testDb().update(checkIns).set({ localDate: '2000-01-01' }).where(eq(checkIns.id, mine.id));
    const today = (await call('POST', '/api/check-ins', { as: resident, body: checkIn({ mood: 2 }) })).body;
    await call('POST', '/api/check-ins', { as: housemate, body: checkIn() });
    const result = await call('GET', '/api/check-ins?days=90', { as: resident });
    expect(result.status).toBe(200);
    expect(result.body.days).toBe(90);
    expect(result.body.to).toBe(localDate(HOUSE_ZONE));
    expect(result.body.checkIns.map((c: { id: string }) => c.id)).toEqual([today.id]);
    expect((await call('GET', '/api/check-ins', { as: resident })).body.days).toBe(30);
  });

  it('should refuse a range other than 30 or 90 days with 400 naming it', async () => {
    const resident = await newResident();
    const result = await call('GET', '/api/check-ins?days=7', { as: resident });
    expect(result.status).toBe(400);
    expect(result.body.error.fields[0].field).toBe('days');
  });
});

describe('GET /api/residences/:id/check-in-stats', () => {
  it('should give the house rate and average mood per ISO week, hiding weeks with fewer than 3 people', async () => {
    const house = (await buildResidence(admin, { timeZone: 'UTC', bedCapacity: 20 })).id;
    const houseLeader = await buildPerson(admin, { role: 'peer_leader', residenceId: house });
    const residents = [];
    for (let i = 0; i < 4; i++)
      residents.push(await buildPerson(admin, { role: 'resident', residenceId: house }));
    const before = await call('GET', `/api/residences/${house}/check-in-stats?weeks=2`, { as: houseLeader });
    expect(before.status).toBe(200);
    expect(before.body.weeks).toHaveLength(2);
    expect(before.body.weeks[1]).toMatchObject({ checkInRate: null, averageMood: null, suppressed: true });

    const moods = [2, 3, 4];
    for (const [i, mood] of moods.entries()) {
      await call('POST', '/api/check-ins', { as: residents[i]!, body: checkIn({ mood }) });
    }
    const result = await call('GET', `/api/residences/${house}/check-in-stats?weeks=2`, { as: houseLeader });
    const thisWeek = result.body.weeks[1];
    expect(thisWeek.suppressed).toBe(false);
    expect(thisWeek.checkIns).toBe(3);
    expect(thisWeek.averageMood).toBe(3);
    expect(thisWeek.checkInRate).toBeCloseTo(3 / thisWeek.residentDays, 3);
    expect(thisWeek.isoWeek).toMatch(/^\d{4}-W\d{2}$/);
    // Aggregates only: no person, no check-in, no words.
    expect(result.text).not.toContain(residents[0]!.id);
    expect(result.text).not.toContain('My sister called');
  });

  it('should be for the peer leaders of that house and admins only', async () => {
    const otherHouse = (await buildResidence(admin)).id;
    const otherLeader = await buildPerson(admin, { role: 'peer_leader', residenceId: otherHouse });
    const resident = await newResident();
    const url = `/api/residences/${houseId}/check-in-stats`;
    expect((await call('GET', url, { as: leader })).status).toBe(200);
    expect((await call('GET', url, { as: admin })).status).toBe(200);
    expect((await call('GET', url, { as: otherLeader })).status).toBe(403);
    expect((await call('GET', url, { as: resident })).status).toBe(403);
    expect((await call('GET', url, { as: counselor })).status).toBe(403);
    expect((await call('GET', url)).status).toBe(401);
    expect((await call('GET', `${url}?weeks=53`, { as: leader })).status).toBe(400);
  });
});

describe('the keys a check-in and a signal hold', () => {
  it("should refuse, in the database itself, a check-in or signal filed under another organization than the person's", async () => {
    const resident = await newResident();
    const other = await testDb().execute<{ id: string }>(
      sql`insert into organizations (name, slug) values ('Elsewhere', ${`elsewhere-${Date.now()}`}) returning id`,
    );
    const otherOrg = other.rows[0]!.id;
    await expect(
      testDb().execute(sql`insert into check_ins (organization_id, person_id, local_date, mood, craving, idempotency_key)
        values (${otherOrg}, ${resident.id}, current_date, 3, 1, 'another-organization')`),
    ).rejects.toMatchObject({ cause: { code: '23503', constraint: 'check_ins_person_fk' } });
    await expect(
      testDb().execute(sql`insert into signals (organization_id, residence_id, person_id, kind, severity, local_date)
        values (${otherOrg}, ${houseId}, ${resident.id}, 'craving', 'high', current_date)`),
    ).rejects.toMatchObject({ cause: { code: '23503' } });
    await expect(
      testDb().execute(sql`insert into signals (organization_id, residence_id, person_id, kind, severity, local_date)
        values (${admin.organizationId}, gen_random_uuid(), ${resident.id}, 'craving', 'high', current_date)`),
    ).rejects.toMatchObject({ cause: { code: '23503', constraint: 'signals_residence_fk' } });
    expect(await countCheckIns(resident)).toBe(0);
  });
});
