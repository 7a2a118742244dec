// Counselor assignments: the admin assigns, lists and ends them; one current assignment per pair; another
// organization's admin finds nothing; bad input names its field and writes nothing.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, testDb } from '../../../test/app.ts';
import {
  buildOtherOrganization,
  buildPerson,
  buildResidence,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';
import { counselorAssignments } from '../../platform/database/schema.ts';

let admin: TestPerson;
let otherAdmin: TestPerson;
let houseId: string;
let counselor: TestPerson;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const assign = (counselorId: string, residentId: string, as: TestPerson = admin) =>
  call('POST', '/api/counselor-assignments', { as, body: { counselorId, residentId } });
const assignmentsOf = async (residentId: string) =>
  await testDb().select().from(counselorAssignments).where(eq(counselorAssignments.residentId, residentId));

beforeAll(async () => {
  admin = await setUpOrganization();
  houseId = (await buildResidence(admin, { name: 'Maple House', bedCapacity: 30 })).id;
  counselor = await buildPerson(admin, { role: 'counselor', firstName: 'Dana', lastName: 'Okafor' });
  otherAdmin = (await buildOtherOrganization()).admin;
});

describe('POST /api/counselor-assignments', () => {
  it('should assign a counselor and answer with both names', async () => {
    const resident = await buildPerson(admin, {
      role: 'resident',
      residenceId: houseId,
      firstName: 'Lena',
      lastName: 'Marsh',
    });
    const result = await assign(counselor.id, resident.id);
    expect(result.status).toBe(201);
    expect(result.body).toEqual({
      id: expect.any(String),
      counselor: { id: counselor.id, firstName: 'Dana', lastName: 'Okafor' },
      resident: { id: resident.id, firstName: 'Lena', lastName: 'Marsh' },
      createdAt: expect.any(String),
      endedAt: null,
    });
  });

  it('should fail with 409 counselor_assignments.already_assigned naming residentId when the pair is already assigned, writing nothing', async () => {
    const resident = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    expect((await assign(counselor.id, resident.id)).status).toBe(201);
    const again = await assign(counselor.id, resident.id);
    expect(again.status).toBe(409);
    expect(again.body.error.fields).toEqual([
      {
        field: 'residentId',
        reason: 'counselor_assignments.already_assigned',
        message: 'This counselor is already assigned to this resident.',
      },
    ]);
    expect(await assignmentsOf(resident.id)).toHaveLength(1);
  });

  it('should let two quick taps make only one assignment', async () => {
    const resident = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    const results = await Promise.all([assign(counselor.id, resident.id), assign(counselor.id, resident.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await assignmentsOf(resident.id)).toHaveLength(1);
  });

  it('should fail with 400 naming the field for an id that is not one, writing nothing', async () => {
    const resident = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    const result = await assign('not-an-id', resident.id);
    expect(result.status).toBe(400);
    expect(result.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['counselorId']);
    expect(await assignmentsOf(resident.id)).toEqual([]);
  });

  it("should fail with 400 for another organization's counselor or resident", async () => {
    const people = (await call('GET', '/api/people', { as: otherAdmin })).body.people as {
      id: string;
      memberships: { role: string; current: boolean }[];
    }[];
    const has = (role: string) =>
      people.find((p) => p.memberships.some((m) => m.current && m.role === role))!;
    const resident = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    const theirCounselor = await assign(has('counselor').id, resident.id);
    expect(theirCounselor.status).toBe(400);
    expect(theirCounselor.body.error.fields).toEqual([
      {
        field: 'counselorId',
        reason: 'counselor_assignments.not_a_counselor',
        message: 'is not a counselor of this organization',
      },
    ]);
    const theirResident = await assign(counselor.id, has('resident').id);
    expect(theirResident.status).toBe(400);
    expect(theirResident.body.error.fields).toEqual([
      {
        field: 'residentId',
        reason: 'counselor_assignments.not_a_resident',
        message: 'is not a resident of this organization',
      },
    ]);
    expect(await assignmentsOf(resident.id)).toEqual([]);
  });
});

describe('GET /api/counselor-assignments', () => {
  it('should list the current assignments, one resident with ?residentId, and record the read', async () => {
    const resident = await buildPerson(admin, { role: 'resident', residenceId: houseId, firstName: 'Ines' });
    const second = await buildPerson(admin, { role: 'counselor', firstName: 'Amir' });
    await assign(counselor.id, resident.id);
    await assign(second.id, resident.id);
    const all = await call('GET', '/api/counselor-assignments', { as: admin });
    expect(all.status).toBe(200);
    expect(all.body.assignments.length).toBeGreaterThanOrEqual(2);
    const mine = await call('GET', `/api/counselor-assignments?residentId=${resident.id}`, { as: admin });
    expect(
      mine.body.assignments.map((a: { counselor: { firstName: string } }) => a.counselor.firstName),
    ).toEqual(['Amir', 'Dana']);
    const log = await call('GET', '/api/audit', { as: admin });
    expect(log.body.events.some((e: { action: string }) => e.action === 'counselor_assignments.list')).toBe(
      true,
    );
  });

  it("should show another organization's admin none of ours", async () => {
    const resident = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    await assign(counselor.id, resident.id);
    const theirs = await call('GET', `/api/counselor-assignments?residentId=${resident.id}`, {
      as: otherAdmin,
    });
    expect(theirs.status).toBe(200);
    expect(theirs.body.assignments).toEqual([]);
    expect(theirs.text).not.toContain(counselor.id);
  });

  it('should fail with 400 naming residentId when it is not an id, and 403 for a counselor', async () => {
    const bad = await call('GET', '/api/counselor-assignments?residentId=someone', { as: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['residentId']);
    expect((await call('GET', '/api/counselor-assignments', { as: counselor })).status).toBe(403);
  });
});

describe('POST /api/counselor-assignments/:id/end', () => {
  it('should end an assignment, keep it as history, and take it off the list', async () => {
    const resident = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    const id = (await assign(counselor.id, resident.id)).body.id;
    const ended = await call('POST', `/api/counselor-assignments/${id}/end`, { as: admin });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ id, endedAt: expect.any(String) });
    const list = await call('GET', `/api/counselor-assignments?residentId=${resident.id}`, { as: admin });
    expect(list.body.assignments).toEqual([]);
    expect(await assignmentsOf(resident.id)).toEqual([
      expect.objectContaining({ endedAt: expect.any(Date) }),
    ]);
    // Once ended, the same pair may be assigned again.
    expect((await assign(counselor.id, resident.id)).status).toBe(201);
  });

  it('should fail with 409 counselor_assignments.already_ended when it has already ended, changing nothing', async () => {
    const resident = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    const id = (await assign(counselor.id, resident.id)).body.id;
    await call('POST', `/api/counselor-assignments/${id}/end`, { as: admin });
    const [before] = await assignmentsOf(resident.id);
    const again = await call('POST', `/api/counselor-assignments/${id}/end`, { as: admin });
    expect(again.status).toBe(409);
    expect(again.body.error.reason).toBe('counselor_assignments.already_ended');
    expect((await assignmentsOf(resident.id))[0]?.endedAt).toEqual(before?.endedAt);
  });

  it("should fail with 404 for another organization's admin and an unknown id, 400 for a bad id", async () => {
    const resident = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    const id = (await assign(counselor.id, resident.id)).body.id;
    const theirs = await call('POST', `/api/counselor-assignments/${id}/end`, { as: otherAdmin });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error).toEqual({
      code: 'not_found',
      reason: 'request.not_found',
      message: 'That counselor assignment was not found.',
    });
    expect((await assignmentsOf(resident.id))[0]?.endedAt).toBeNull();
    expect((await call('POST', `/api/counselor-assignments/${UNKNOWN}/end`, { as: admin })).status).toBe(404);
    const bad = await call('POST', '/api/counselor-assignments/nope/end', { as: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['id']);
  });
});
