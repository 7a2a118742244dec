import { beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../shared/domain/dates.ts';
import { call } from '../../../test/app.ts';
import {
  buildPerson,
  buildResidence,
  setUpOrganization,
  signIn,
  TEST_PASSWORD,
  type TestPerson,
} from '../../../test/factories.ts';

let admin: TestPerson;
let houseA: { id: string };
let houseB: { id: string };
let leaderA: TestPerson;
let leaderB: TestPerson;

const daysAgo = (n: number) => localDate('UTC', new Date(Date.now() - n * 86_400_000));
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  admin = await setUpOrganization();
  houseA = await buildResidence(admin, { name: 'House A', bedCapacity: 20 });
  houseB = await buildResidence(admin, { name: 'House B', bedCapacity: 20 });
  leaderA = await buildPerson(admin, { role: 'peer_leader', residenceId: houseA.id });
  leaderB = await buildPerson(admin, { role: 'peer_leader', residenceId: houseB.id });
});

const person = async (id: string) => (await call('GET', `/api/people/${id}`, { as: admin })).body;
const grant = (id: string, body: unknown) =>
  call('POST', `/api/people/${id}/memberships`, { as: admin, body });

describe('GET /api/people', () => {
  it('should list everyone with their roles, and record the read', async () => {
    const resident = await buildPerson(admin, {
      role: 'resident',
      residenceId: houseA.id,
      firstName: 'Carmen',
      lastName: 'Diaz',
    });
    const result = await call('GET', '/api/people', { as: admin });
    expect(result.status).toBe(200);
    const found = result.body.people.find((p: { id: string }) => p.id === resident.id);
    expect(found).toMatchObject({
      displayName: 'Carmen D.',
      firstName: 'Carmen',
      lastName: 'Diaz',
      username: resident.username,
    });
    expect(found.memberships).toEqual([
      expect.objectContaining({
        role: 'resident',
        residenceId: houseA.id,
        residenceName: 'House A',
        current: true,
      }),
    ]);
    expect(result.text).not.toMatch(/password|recoveryPathway|pronouns/);
    const log = await call('GET', '/api/audit', { as: admin });
    expect(log.body.events).toContainEqual(
      expect.objectContaining({ action: 'people.list', actorId: admin.id }),
    );
  });
  it('should page through everyone in name order with next', async () => {
    const names = ['Zed', 'Yara', 'Xavi'];
    for (const firstName of names)
      await buildPerson(admin, { role: 'counselor', firstName, lastName: 'Paging' });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const query: string = after ? `&after=${after}` : '';
      const page = await call('GET', `/api/people?limit=2${query}`, { as: admin });
      expect(page.status).toBe(200);
      expect(page.body.people.length).toBeLessThanOrEqual(2);
      seen.push(
        ...page.body.people.map(
          (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`,
        ),
      );
      after = page.body.next;
      pages++;
    } while (after && pages < 100);
    expect(after).toBeNull();
    expect(pages).toBeGreaterThan(1);
    expect(seen.filter((name) => name.endsWith(' Paging'))).toEqual([
      'Xavi Paging',
      'Yara Paging',
      'Zed Paging',
    ]);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('should find people by part of a name or username, by a role held now and by house', async () => {
    const carlos = await buildPerson(admin, {
      role: 'resident',
      residenceId: houseA.id,
      firstName: 'Searchable',
      lastName: 'Ortega',
    });
    const byName = await call('GET', '/api/people?q=earchab', { as: admin });
    expect(byName.body.people.map((p: { id: string }) => p.id)).toEqual([carlos.id]);
    const byRole = await call('GET', '/api/people?role=resident&limit=200', { as: admin });
    expect(byRole.body.people.map((p: { id: string }) => p.id)).toContain(carlos.id);
    expect(byRole.body.people.map((p: { id: string }) => p.id)).not.toContain(admin.id);
    const byHouse = await call('GET', `/api/people?residenceId=${houseA.id}&limit=200`, { as: admin });
    expect(byHouse.body.people.map((p: { id: string }) => p.id)).toContain(carlos.id);
    const noOne = await call('GET', '/api/people?q=%25', { as: admin });
    expect(noOne.body.people).toEqual([]);
  });

  it('should fail with 400 naming after when it is not the next of a page', async () => {
    const result = await call('GET', '/api/people?after=nonsense', { as: admin });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([expect.objectContaining({ field: 'after' })]);
  });
});

describe('GET /api/people/:id', () => {
  it('should show one person and record the read', async () => {
    const resident = await buildPerson(admin, { role: 'resident', residenceId: houseA.id });
    const result = await call('GET', `/api/people/${resident.id}`, { as: admin });
    expect(result.status).toBe(200);
    expect(result.body.id).toBe(resident.id);
    const log = await call('GET', '/api/audit', { as: admin });
    expect(log.body.events).toContainEqual(
      expect.objectContaining({ action: 'person.read', subjectId: resident.id }),
    );
  });

  it('should fail with 404 when the person does not exist', async () => {
    const result = await call('GET', `/api/people/${UNKNOWN}`, { as: admin });
    expect(result.status).toBe(404);
    expect(result.body.error).toMatchObject({
      reason: 'request.not_found',
      message: 'That person was not found.',
    });
  });

  it('should fail with 403 for a peer leader', async () => {
    expect((await call('GET', `/api/people/${leaderA.id}`, { as: leaderA })).status).toBe(403);
  });
});

describe('POST /api/people/:id/memberships (give a role, move in)', () => {
  it('should name a peer leader of a house', async () => {
    const resident = await buildPerson(admin, { role: 'resident', residenceId: houseA.id });
    const result = await grant(resident.id, { role: 'peer_leader', residenceId: houseA.id });
    expect(result.status).toBe(201);
    expect(result.body.memberships.map((m: { role: string }) => m.role).sort()).toEqual([
      'peer_leader',
      'resident',
    ]);
    expect((await call('GET', '/api/me', { as: resident })).body.roles.sort()).toEqual([
      'peer_leader',
      'resident',
    ]);
  });

  it('should make someone a counselor, and then an admin', async () => {
    const someone = await buildPerson(admin, { role: 'alumni' });
    expect((await grant(someone.id, { role: 'counselor' })).status).toBe(201);
    expect((await grant(someone.id, { role: 'org_admin' })).status).toBe(201);
    expect((await call('GET', '/api/people', { as: someone })).status).toBe(200);
  });

  it('should move a former resident back in, with a bed and a start date', async () => {
    const alum = await buildPerson(admin, { role: 'alumni', residenceId: houseA.id });
    const result = await grant(alum.id, {
      role: 'resident',
      residenceId: houseB.id,
      bed: 'Bed 2',
      startsOn: daysAgo(3),
    });
    expect(result.status).toBe(201);
    expect(result.body.memberships).toContainEqual(
      expect.objectContaining({
        role: 'resident',
        residenceId: houseB.id,
        bed: 'Bed 2',
        startsOn: daysAgo(3),
        current: true,
      }),
    );
    const log = await call('GET', '/api/audit', { as: admin });
    expect(log.body.events).toContainEqual(
      expect.objectContaining({ action: 'membership.move_in', actorId: admin.id }),
    );
  });

  it('should fail with 409 people.already_lives_in_house when the resident already lives in a house', async () => {
    const resident = await buildPerson(admin, { role: 'resident', residenceId: houseA.id });
    const result = await grant(resident.id, { role: 'resident', residenceId: houseB.id });
    expect(result.status).toBe(409);
    expect(result.body.error).toMatchObject({
      code: 'conflict',
      reason: 'people.already_lives_in_house',
      message: 'This person already lives in a house. Move them out first.',
    });
    expect((await person(resident.id)).memberships).toHaveLength(1);
  });

  it('should fail with 409 people.already_has_role when the person already has the role', async () => {
    const counselor = await buildPerson(admin, { role: 'counselor' });
    const result = await grant(counselor.id, { role: 'counselor' });
    expect(result.status).toBe(409);
    expect(result.body.error.reason).toBe('people.already_has_role');
    expect(result.body.error.fields).toEqual([
      {
        field: 'role',
        reason: 'people.already_has_role',
        message: 'This person already has the counselor role.',
        params: { role: 'counselor' },
      },
    ]);
  });

  it('should fail with 409 people.no_free_bed when the house has no free bed', async () => {
    const tiny = await buildResidence(admin, { bedCapacity: 1 });
    await buildPerson(admin, { role: 'resident', residenceId: tiny.id });
    const alum = await buildPerson(admin, { role: 'alumni' });
    const result = await grant(alum.id, { role: 'resident', residenceId: tiny.id });
    expect(result.status).toBe(409);
    expect(result.body.error.reason).toBe('people.no_free_bed');
    expect(result.body.error.fields).toEqual([
      {
        field: 'residenceId',
        reason: 'people.no_free_bed',
        message: 'This house has no free bed. Move someone out or raise its bed capacity.',
      },
    ]);
  });

  it('should fail with 400 people.residence_required when a resident role names no residence', async () => {
    const alum = await buildPerson(admin, { role: 'alumni' });
    const result = await grant(alum.id, { role: 'resident' });
    expect(result.status).toBe(400);
    expect(result.body.error.reason).toBe('people.residence_required');
    expect(result.body.error.fields).toEqual([
      {
        field: 'residenceId',
        reason: 'people.residence_required',
        message: 'is required for the resident role',
        params: { role: 'resident' },
      },
    ]);
  });

  it('should fail with 400 people.residence_not_allowed when an admin role names a residence', async () => {
    const alum = await buildPerson(admin, { role: 'alumni' });
    const result = await grant(alum.id, { role: 'org_admin', residenceId: houseA.id });
    expect(result.status).toBe(400);
    expect(result.body.error.reason).toBe('people.residence_not_allowed');
    expect(result.body.error.fields).toEqual([
      {
        field: 'residenceId',
        reason: 'people.residence_not_allowed',
        message: 'must be empty for the org_admin role',
        params: { role: 'org_admin' },
      },
    ]);
  });

  it('should fail with 400 people.unknown_residence when the residence does not exist', async () => {
    const alum = await buildPerson(admin, { role: 'alumni' });
    const result = await grant(alum.id, { role: 'resident', residenceId: UNKNOWN });
    expect(result.status).toBe(400);
    expect(result.body.error.reason).toBe('people.unknown_residence');
    expect(result.body.error.fields).toEqual([
      {
        field: 'residenceId',
        reason: 'people.unknown_residence',
        message: 'names a residence that does not exist',
      },
    ]);
  });

  it('should fail with 400 when the start date is not a date', async () => {
    const alum = await buildPerson(admin, { role: 'alumni' });
    const result = await grant(alum.id, { role: 'resident', residenceId: houseA.id, startsOn: '31/01/2026' });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'startsOn', reason: 'field.not_a_date', message: 'must be a date like 2026-01-31' },
    ]);
  });

  it('should fail with 400 when the body names the person again (unknown field)', async () => {
    const alum = await buildPerson(admin, { role: 'alumni' });
    const result = await grant(alum.id, { role: 'counselor', personId: alum.id });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'personId', reason: 'field.unknown', message: 'is not a known field' },
    ]);
  });

  it('should fail with 404 when the person does not exist', async () => {
    expect((await grant(UNKNOWN, { role: 'counselor' })).status).toBe(404);
  });
});

describe('POST /api/memberships/:id/end (move out)', () => {
  async function residentSince(days: number) {
    const alum = await buildPerson(admin, { role: 'alumni' });
    const moved = await grant(alum.id, { role: 'resident', residenceId: houseA.id, startsOn: daysAgo(days) });
    const membership = moved.body.memberships.find((m: { role: string }) => m.role === 'resident');
    return { person: alum, membershipId: membership.id as string };
  }

  it('should move a resident out and keep them connected as alumni', async () => {
    const before = (await call('GET', `/api/residences/${houseA.id}`, { as: admin })).body.residentCount;
    const { person: resident, membershipId } = await residentSince(30);
    const result = await call('POST', `/api/memberships/${membershipId}/end`, {
      as: admin,
      body: { endsOn: daysAgo(1) },
    });
    expect(result.status).toBe(200);
    const ms = (await person(resident.id)).memberships;
    expect(ms).toContainEqual(
      expect.objectContaining({ id: membershipId, endsOn: daysAgo(1), current: false }),
    );
    expect(ms).toContainEqual(
      expect.objectContaining({
        role: 'alumni',
        residenceId: houseA.id,
        startsOn: daysAgo(1),
        current: true,
      }),
    );
    expect((await call('GET', `/api/residences/${houseA.id}`, { as: admin })).body.residentCount).toBe(
      before,
    );
    const house = await call('GET', '/api/house', { as: resident });
    expect(house.body.houses).toEqual([]);
    const log = await call('GET', '/api/audit', { as: admin });
    expect(log.body.events).toContainEqual(
      expect.objectContaining({ action: 'membership.move_out', subjectId: membershipId }),
    );
  });

  it('should move a resident out without an alumni role when asked', async () => {
    const { person: resident, membershipId } = await residentSince(10);
    expect(
      (
        await call('POST', `/api/memberships/${membershipId}/end`, {
          as: admin,
          body: { endsOn: daysAgo(1), becomeAlumni: false },
        })
      ).status,
    ).toBe(200);
    const roles = (await person(resident.id)).memberships
      .filter((m: { current: boolean }) => m.current)
      .map((m: { role: string }) => m.role);
    expect(roles).toEqual(['alumni']); // only the alumni role they were invited with
  });

  it("should end today by default, in the house's zone, at once", async () => {
    const { person: resident, membershipId } = await residentSince(5);
    expect((await call('POST', `/api/memberships/${membershipId}/end`, { as: admin, body: {} })).status).toBe(
      200,
    );
    expect((await person(resident.id)).memberships).toContainEqual(
      expect.objectContaining({ id: membershipId, endsOn: localDate('America/Chicago'), current: false }),
    );
  });

  it('should fail with 409 people.role_already_ended when the role has already ended', async () => {
    const { membershipId } = await residentSince(5);
    await call('POST', `/api/memberships/${membershipId}/end`, { as: admin, body: { endsOn: daysAgo(1) } });
    const again = await call('POST', `/api/memberships/${membershipId}/end`, { as: admin, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      reason: 'people.role_already_ended',
      message: 'This role has already ended.',
    });
  });

  it('should fail with 400 people.end_before_start when the end is before the start, and change nothing', async () => {
    const { person: resident, membershipId } = await residentSince(2);
    const result = await call('POST', `/api/memberships/${membershipId}/end`, {
      as: admin,
      body: { endsOn: daysAgo(10) },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'endsOn', reason: 'people.end_before_start', message: 'must not be before the start date' },
    ]);
    expect((await person(resident.id)).memberships).toContainEqual(
      expect.objectContaining({ id: membershipId, endsOn: null }),
    );
  });

  it('should fail with 409 people.own_admin_role when an admin removes their own admin role', async () => {
    const me = await person(admin.id);
    const own = me.memberships.find((m: { role: string }) => m.role === 'org_admin');
    const result = await call('POST', `/api/memberships/${own.id}/end`, { as: admin, body: {} });
    expect(result.status).toBe(409);
    expect(result.body.error.reason).toBe('people.own_admin_role');
    expect((await call('GET', '/api/people', { as: admin })).status).toBe(200);
  });

  it('should fail with 404 when the membership does not exist', async () => {
    expect((await call('POST', `/api/memberships/${UNKNOWN}/end`, { as: admin, body: {} })).status).toBe(404);
  });

  it('should fail with 400 when becomeAlumni is not a boolean', async () => {
    const { membershipId } = await residentSince(2);
    const result = await call('POST', `/api/memberships/${membershipId}/end`, {
      as: admin,
      body: { becomeAlumni: 'yes' },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'becomeAlumni', reason: 'field.wrong_type', message: expect.any(String) },
    ]);
  });
});

describe('POST /api/people/:id/reset-code', () => {
  it('should let an admin issue a one-time code valid for 24 hours', async () => {
    const resident = await buildPerson(admin, { role: 'resident', residenceId: houseB.id });
    const result = await call('POST', `/api/people/${resident.id}/reset-code`, { as: admin });
    expect(result.status).toBe(201);
    expect(result.body.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const hours = (new Date(result.body.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
  });

  it('should let the peer leader of the house issue a code that works', async () => {
    const resident = await buildPerson(admin, { role: 'resident', residenceId: houseA.id });
    const result = await call('POST', `/api/people/${resident.id}/reset-code`, { as: leaderA });
    expect(result.status).toBe(201);
    const reset = await call('POST', '/api/auth/reset-password', {
      body: { login: resident.username, code: result.body.code, newPassword: 'my-new-password-1' },
    });
    expect(reset.status).toBe(200);
    expect(await signIn(resident.username, 'my-new-password-1')).toMatch(/^hearth_session=/);
    const log = await call('GET', '/api/audit', { as: admin });
    expect(log.body.events).toContainEqual(
      expect.objectContaining({
        action: 'person.reset_code',
        subjectId: resident.id,
        actorId: leaderA.id,
        outcome: 'allowed',
      }),
    );
  });

  it('should fail with 403 for the peer leader of another house, and record the refusal', async () => {
    const resident = await buildPerson(admin, { role: 'resident', residenceId: houseA.id });
    const result = await call('POST', `/api/people/${resident.id}/reset-code`, { as: leaderB });
    expect(result.status).toBe(403);
    expect(result.body).toEqual({
      error: { code: 'forbidden', reason: 'request.forbidden', message: 'You do not have access to this.' },
    });
    const log = await call('GET', '/api/audit', { as: admin });
    expect(log.body.events).toContainEqual(
      expect.objectContaining({
        action: 'person.reset_code',
        subjectId: resident.id,
        actorId: leaderB.id,
        outcome: 'denied',
      }),
    );
  });

  it('should fail with 403 for a peer leader asking for a code for someone who lives in no house', async () => {
    const counselor = await buildPerson(admin, { role: 'counselor' });
    expect((await call('POST', `/api/people/${counselor.id}/reset-code`, { as: leaderA })).status).toBe(403);
  });

  it('should fail with 403 for a resident', async () => {
    const resident = await buildPerson(admin, { role: 'resident', residenceId: houseA.id });
    const housemate = await buildPerson(admin, { role: 'resident', residenceId: houseA.id });
    expect((await call('POST', `/api/people/${housemate.id}/reset-code`, { as: resident })).status).toBe(403);
  });

  it('should fail with 404 when the person does not exist', async () => {
    expect((await call('POST', `/api/people/${UNKNOWN}/reset-code`, { as: admin })).status).toBe(404);
  });

  it('should make the earlier code stop working when a new one is issued', async () => {
    const resident = await buildPerson(admin, { role: 'resident', residenceId: houseA.id });
    const first = (await call('POST', `/api/people/${resident.id}/reset-code`, { as: admin })).body.code;
    await call('POST', `/api/people/${resident.id}/reset-code`, { as: admin });
    const result = await call('POST', '/api/auth/reset-password', {
      body: { login: resident.username, code: first, newPassword: 'my-new-password-1' },
    });
    expect(result.status).toBe(400);
    expect(await signIn(resident.username, TEST_PASSWORD)).toMatch(/^hearth_session=/);
  });
});

describe('POST /api/counselor-assignments', () => {
  it('should assign a resident to a counselor', async () => {
    const counselor = await buildPerson(admin, { role: 'counselor' });
    const resident = await buildPerson(admin, { role: 'resident', residenceId: houseA.id });
    const result = await call('POST', '/api/counselor-assignments', {
      as: admin,
      body: { counselorId: counselor.id, residentId: resident.id },
    });
    expect(result.status).toBe(201);
    expect(result.body.id).toEqual(expect.any(String));
  });

  it('should fail with 400 counselor_assignments.not_a_counselor when the counselor is not a counselor', async () => {
    const resident = await buildPerson(admin, { role: 'resident', residenceId: houseA.id });
    const result = await call('POST', '/api/counselor-assignments', {
      as: admin,
      body: { counselorId: leaderA.id, residentId: resident.id },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      {
        field: 'counselorId',
        reason: 'counselor_assignments.not_a_counselor',
        message: 'is not a counselor of this organization',
      },
    ]);
  });

  it('should fail with 400 counselor_assignments.not_a_resident when the resident is not a resident', async () => {
    const counselor = await buildPerson(admin, { role: 'counselor' });
    const result = await call('POST', '/api/counselor-assignments', {
      as: admin,
      body: { counselorId: counselor.id, residentId: leaderA.id },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      {
        field: 'residentId',
        reason: 'counselor_assignments.not_a_resident',
        message: 'is not a resident of this organization',
      },
    ]);
  });

  it('should fail with 400 when the resident has moved out', async () => {
    const counselor = await buildPerson(admin, { role: 'counselor' });
    const alum = await buildPerson(admin, { role: 'alumni' });
    const moved = await grant(alum.id, { role: 'resident', residenceId: houseA.id, startsOn: daysAgo(20) });
    const membership = moved.body.memberships.find((m: { role: string }) => m.role === 'resident');
    await call('POST', `/api/memberships/${membership.id}/end`, { as: admin, body: { endsOn: daysAgo(2) } });
    const result = await call('POST', '/api/counselor-assignments', {
      as: admin,
      body: { counselorId: counselor.id, residentId: alum.id },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.reason).toBe('counselor_assignments.not_a_resident');
  });
});
