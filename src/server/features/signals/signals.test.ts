import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, testDb } from '../../../test/app.ts';
import {
  buildOtherOrganization,
  buildPerson,
  buildResidence,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';
import { memberships, signals } from '../../platform/database/schema.ts';
import { raiseSignal, raiseSilenceSignals } from './service.ts';

let admin: TestPerson;
let houseId: string;
let otherHouseId: string;
let leader: TestPerson;
let otherLeader: TestPerson;
let counselor: TestPerson;
let otherOrgAdmin: TestPerson;

let sequence = 0;
const checkIn = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: `signal-test-${++sequence}`,
  mood: 4,
  craving: 2,
  gratitude: 'PrivateGratitudeWords',
  intention: 'PrivateIntentionWords',
  ...overrides,
});
const newResident = (firstName?: string) =>
  buildPerson(admin, {
    role: 'resident',
    residenceId: houseId,
    ...(firstName ? { firstName, lastName: 'Quixotic' } : {}),
  });
const houseSignals = async (as: TestPerson = leader) =>
  (await call('GET', `/api/residences/${houseId}/signals`, { as })).body.signals as {
    id: string;
    personId: string;
    kind: string;
    severity: string;
    displayName: string;
    supportKind: string | null;
    acknowledgement: null | { byName: string; note: string; at: string };
  }[];
const signalsOf = async (person: TestPerson) =>
  (await houseSignals(admin)).filter((s) => s.personId === person.id);

beforeAll(async () => {
  admin = await setUpOrganization();
  houseId = (await buildResidence(admin, { bedCapacity: 100, timeZone: 'America/Chicago' })).id;
  otherHouseId = (await buildResidence(admin)).id;
  leader = await buildPerson(admin, { role: 'peer_leader', residenceId: houseId, firstName: 'Lena' });
  otherLeader = await buildPerson(admin, { role: 'peer_leader', residenceId: otherHouseId });
  counselor = await buildPerson(admin, { role: 'counselor' });
  otherOrgAdmin = (await buildOtherOrganization()).admin;
});

describe('signals raised by a check-in', () => {
  it('should raise a high craving signal at the threshold (8), not below', async () => {
    const below = await newResident();
    const at = await newResident();
    await call('POST', '/api/check-ins', { as: below, body: checkIn({ craving: 7 }) });
    await call('POST', '/api/check-ins', { as: at, body: checkIn({ craving: 8 }) });
    expect(await signalsOf(below)).toEqual([]);
    expect(await signalsOf(at)).toMatchObject([{ kind: 'craving', severity: 'high' }]);
  });

  it('should raise a high low-mood signal for mood 1, and a medium support request with its kind', async () => {
    const resident = await newResident();
    await call('POST', '/api/check-ins', {
      as: resident,
      body: checkIn({ mood: 1, wantsSupport: true, supportKind: 'instrumental' }),
    });
    const raised = await signalsOf(resident);
    expect(raised.map((s) => [s.kind, s.severity, s.supportKind]).sort()).toEqual([
      ['low_mood', 'high', null],
      ['support_request', 'medium', 'instrumental'],
    ]);
  });

  it("should raise a signal when today's check-in is changed past a threshold, once", async () => {
    const resident = await newResident();
    const created = (await call('POST', '/api/check-ins', { as: resident, body: checkIn() })).body;
    await call('PATCH', `/api/check-ins/${created.id}`, { as: resident, body: { craving: 9 } });
    await call('PATCH', `/api/check-ins/${created.id}`, { as: resident, body: { craving: 10 } });
    expect((await signalsOf(resident)).map((s) => s.kind)).toEqual(['craving']);
  });

  it("should follow the organization's thresholds", async () => {
    const changed = await call('PATCH', '/api/organization/settings', {
      as: admin,
      body: { cravingThreshold: 6 },
    });
    expect(changed.status).toBe(200);
    const resident = await newResident();
    await call('POST', '/api/check-ins', { as: resident, body: checkIn({ craving: 6 }) });
    expect((await signalsOf(resident)).map((s) => s.kind)).toEqual(['craving']);
    await call('PATCH', '/api/organization/settings', { as: admin, body: { cravingThreshold: 8 } });
  });
});

describe('GET /api/residences/:id/signals', () => {
  it('should show who, kind, severity and time to the peer leader — never the private words or last name', async () => {
    const resident = await newResident('Rosalind');
    await call('POST', '/api/check-ins', { as: resident, body: checkIn({ craving: 9 }) });
    const result = await call('GET', `/api/residences/${houseId}/signals`, { as: leader });
    expect(result.status).toBe(200);
    const signal = result.body.signals.find((s: { personId: string }) => s.personId === resident.id);
    expect(signal).toEqual({
      id: expect.any(String),
      residenceId: houseId,
      personId: resident.id,
      displayName: 'Rosalind Q.',
      kind: 'craving',
      severity: 'high',
      localDate: expect.any(String),
      raisedAt: expect.any(String),
      supportKind: null,
      acknowledgement: null,
    });
    expect(result.text).not.toContain('PrivateGratitudeWords');
    expect(result.text).not.toContain('PrivateIntentionWords');
    expect(result.text).not.toContain('Quixotic');
  });

  it("should record each read of a house's signals in the audit log", async () => {
    await call('GET', `/api/residences/${houseId}/signals`, { as: leader });
    const audit = await call('GET', '/api/audit?limit=20', { as: admin });
    expect(audit.body.events).toContainEqual(
      expect.objectContaining({
        action: 'signals.read',
        actorId: leader.id,
        subjectId: houseId,
        outcome: 'allowed',
      }),
    );
  });

  it('should be closed to residents, counselors, the peer leader of another house (403) and another organization (404)', async () => {
    const resident = await newResident();
    const url = `/api/residences/${houseId}/signals`;
    expect((await call('GET', url, { as: resident })).status).toBe(403);
    expect((await call('GET', url, { as: counselor })).status).toBe(403);
    expect((await call('GET', url, { as: otherLeader })).status).toBe(403);
    expect((await call('GET', url, { as: otherOrgAdmin })).status).toBe(404);
    expect((await call('GET', url)).status).toBe(401);
  });

  it('should list only open signals when asked', async () => {
    const open = await call('GET', `/api/residences/${houseId}/signals?status=open`, { as: leader });
    expect(open.status).toBe(200);
    expect(open.body.signals.every((s: { acknowledgement: unknown }) => s.acknowledgement === null)).toBe(
      true,
    );
    expect((await call('GET', `/api/residences/${houseId}/signals?status=new`, { as: leader })).status).toBe(
      400,
    );
  });
});

describe('POST /api/signals/:id/acknowledge', () => {
  it('should keep the acknowledgement with who, when and the note, as history, and fail with 409 signals.already_acknowledged on a second note', async () => {
    const resident = await newResident();
    await call('POST', '/api/check-ins', { as: resident, body: checkIn({ mood: 1 }) });
    const [signal] = await signalsOf(resident);
    const result = await call('POST', `/api/signals/${signal!.id}/acknowledge`, {
      as: leader,
      body: { note: 'Talked with her after dinner' },
    });
    expect(result.status, result.text).toBe(200);
    expect(result.body.acknowledgement).toEqual({
      byPersonId: leader.id,
      byName: expect.stringMatching(/^Lena /),
      at: expect.any(String),
      note: 'Talked with her after dinner',
    });
    const again = await call('POST', `/api/signals/${signal!.id}/acknowledge`, {
      as: admin,
      body: { note: 'Second note' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'conflict', reason: 'signals.already_acknowledged' });
    expect(again.body.error.fields).toEqual([
      { field: 'id', reason: 'signals.already_acknowledged', message: expect.any(String) },
    ]);
    const [kept] = await signalsOf(resident);
    expect(kept!.acknowledgement!.note).toBe('Talked with her after dinner');
    const audit = await call('GET', '/api/audit?limit=20', { as: admin });
    expect(audit.body.events).toContainEqual(
      expect.objectContaining({ action: 'signal.acknowledge', actorId: leader.id, subjectId: signal!.id }),
    );
  });

  it('should fail with 400 signals.note_required on an empty note, and refuse others than the house staff, writing nothing', async () => {
    const resident = await newResident();
    await call('POST', '/api/check-ins', { as: resident, body: checkIn({ craving: 10 }) });
    const [signal] = await signalsOf(resident);
    const url = `/api/signals/${signal!.id}/acknowledge`;
    const empty = await call('POST', url, { as: leader, body: { note: '  ' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.reason).toBe('request.invalid');
    expect(empty.body.error.fields).toEqual([
      { field: 'note', reason: 'signals.note_required', message: expect.any(String) },
    ]);
    const missing = await call('POST', url, { as: leader, body: {} });
    expect(missing.body.error.fields).toEqual([
      { field: 'note', reason: 'field.required', message: expect.any(String) },
    ]);
    expect((await call('POST', url, { as: otherLeader, body: { note: 'x' } })).status).toBe(403);
    expect((await call('POST', url, { as: resident, body: { note: 'x' } })).status).toBe(403);
    expect((await call('POST', url, { as: counselor, body: { note: 'x' } })).status).toBe(403);
    expect((await call('POST', url, { as: otherOrgAdmin, body: { note: 'x' } })).status).toBe(404);
    const [row] = await testDb().select().from(signals).where(eq(signals.id, signal!.id));
    expect(row!.acknowledgedAt).toBeNull();
  });
});

describe('raiseSignal and raiseSilenceSignals', () => {
  it('should raise a signal once per person, kind and day, for the house they live in', async () => {
    const resident = await newResident();
    const input = {
      organizationId: admin.organizationId,
      personId: resident.id,
      kind: 'reset' as const,
      severity: 'medium' as const,
      localDate: new Date().toISOString().slice(0, 10),
    };
    await raiseSignal(testDb(), input);
    await raiseSignal(testDb(), input);
    expect((await signalsOf(resident)).map((s) => s.kind)).toEqual(['reset']);
  });

  it('should raise silence for residents without a check-in for 3 days, once per day', async () => {
    const quiet = await newResident();
    const checkedIn = await newResident();
    const newcomer = await newResident();
    for (const person of [quiet, checkedIn]) {
      await testDb()
        .update(memberships)
        .set({ startsOn: '2026-01-01' })
        .where(and(eq(memberships.personId, person.id), eq(memberships.role, 'resident')));
    }
    await call('POST', '/api/check-ins', { as: checkedIn, body: checkIn() });
    const raised = await raiseSilenceSignals(testDb(), new Date());
    expect(raised).toBeGreaterThanOrEqual(1);
    expect(await signalsOf(quiet)).toMatchObject([{ kind: 'silence', severity: 'medium' }]);
    expect(await signalsOf(checkedIn)).toEqual([]);
    expect(await signalsOf(newcomer)).toEqual([]);
    expect(await raiseSilenceSignals(testDb(), new Date())).toBe(0);
  });
});

describe('GET/PATCH /api/organization/settings', () => {
  it('should give the defaults to an admin and refuse out-of-range thresholds naming them', async () => {
    const fresh = (await call('GET', '/api/organization/settings', { as: otherOrgAdmin })).body;
    expect(fresh).toMatchObject({ cravingThreshold: 8, lowMoodThreshold: 1, silenceDays: 3 });
    const bad = await call('PATCH', '/api/organization/settings', {
      as: admin,
      body: { cravingThreshold: 11, silenceDays: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'cravingThreshold',
      'silenceDays',
    ]);
    const ok = await call('PATCH', '/api/organization/settings', { as: admin, body: { silenceDays: 4 } });
    expect(ok.body).toMatchObject({ cravingThreshold: 8, silenceDays: 4 });
    expect((await call('GET', '/api/organization/settings', { as: leader })).status).toBe(403);
    expect(
      (await call('PATCH', '/api/organization/settings', { as: leader, body: { silenceDays: 2 } })).status,
    ).toBe(403);
  });
});
