import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/app.ts';
import {
  buildOtherOrganization,
  buildPerson,
  buildProgram,
  buildResidence,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';

let admin: TestPerson;
let resident: TestPerson;
let leader: TestPerson;
let otherAdmin: TestPerson;
let residenceId: string;

type Event = {
  action: string;
  actorId: string | null;
  actorName: string | null;
  subjectId: string | null;
  outcome: string;
  at: string;
};
const events = async (query = '?limit=200'): Promise<Event[]> =>
  (await call('GET', `/api/audit${query}`, { as: admin })).body.events;

beforeAll(async () => {
  admin = await setUpOrganization({ firstName: 'Morgan', lastName: 'Reed' });
  residenceId = (await buildResidence(admin, { bedCapacity: 20 })).id;
  resident = await buildPerson(admin, { role: 'resident', residenceId });
  leader = await buildPerson(admin, { role: 'peer_leader', residenceId });
  otherAdmin = (await buildOtherOrganization()).admin;
});

describe('GET /api/audit', () => {
  it('should list the administrative changes with who made them, newest first', async () => {
    const program = await buildProgram(admin);
    await call('PATCH', `/api/residences/${residenceId}`, { as: admin, body: { bedCapacity: 21 } });
    const log = await events();
    expect(log.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'setup.complete',
        'residence.create',
        'invitation.create',
        'invitation.accept',
        'membership.move_in',
        'program.create',
        'residence.update',
      ]),
    );
    expect(log).toContainEqual(
      expect.objectContaining({
        action: 'program.create',
        subjectId: program.id,
        actorId: admin.id,
        actorName: 'Morgan R.',
        outcome: 'allowed',
      }),
    );
    const times = log.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('should list the sensitive reads: the people list, a person, a house read by an admin', async () => {
    await call('GET', '/api/people', { as: admin });
    await call('GET', `/api/people/${resident.id}`, { as: admin });
    await call('GET', `/api/residences/${residenceId}/house`, { as: admin });
    // The read of the log itself is recorded after the answer, so the newest events are these three.
    const log = await events('?limit=3');
    expect(log.map((e) => e.action)).toEqual(['house.read', 'person.read', 'people.list']);
    expect(log.map((e) => e.subjectId)).toEqual([residenceId, resident.id, null]);
  });

  it('should record that the audit log itself was read', async () => {
    const [latest] = await events('?limit=1');
    await events('?limit=1');
    const [next] = await events('?limit=1');
    expect(next).toMatchObject({ action: 'audit.read', actorId: admin.id });
    expect(next!.at >= latest!.at).toBe(true);
  });

  it('should page with limit and before', async () => {
    const firstPage = await events('?limit=3');
    expect(firstPage).toHaveLength(3);
    const before = encodeURIComponent(firstPage[2]!.at);
    const nextPage = await events(`?limit=3&before=${before}`);
    expect(nextPage.every((e) => e.at < firstPage[2]!.at)).toBe(true);
  });

  it('should fail with 400 when the limit is 0 or over 200', async () => {
    const refusals = [
      ['0', { reason: 'field.too_small', params: { minimum: 1 } }],
      ['201', { reason: 'field.too_big', params: { maximum: 200 } }],
      ['many', { reason: 'field.wrong_type' }],
    ] as const;
    for (const [limit, problem] of refusals) {
      const result = await call('GET', `/api/audit?limit=${limit}`, { as: admin });
      expect(result.status).toBe(400);
      expect(result.body.error.fields).toEqual([{ field: 'limit', message: expect.any(String), ...problem }]);
    }
  });

  it('should fail with 400 when before is not a timestamp', async () => {
    const result = await call('GET', '/api/audit?before=yesterday', { as: admin });
    expect(result.status).toBe(400);
  });

  it('should fail with 403 for a resident, and record the refused attempt', async () => {
    const result = await call('GET', '/api/audit', { as: resident });
    expect(result.status).toBe(403);
    expect(result.body).toEqual({
      error: { code: 'forbidden', reason: 'request.forbidden', message: 'You do not have access to this.' },
    });
    expect(await events()).toContainEqual(
      expect.objectContaining({ action: 'GET /api/audit', actorId: resident.id, outcome: 'denied' }),
    );
  });

  it('should fail with 403 for a peer leader', async () => {
    expect((await call('GET', '/api/audit', { as: leader })).status).toBe(403);
  });

  it('should fail with 401 when nobody is signed in', async () => {
    expect((await call('GET', '/api/audit')).status).toBe(401);
  });

  it("should show an admin only their own organization's events", async () => {
    const theirs = await call('GET', '/api/audit?limit=200', { as: otherAdmin });
    expect(theirs.status).toBe(200);
    const ours = new Set((await events()).map((e) => e.actorId));
    for (const e of theirs.body.events as Event[]) {
      expect(e.actorId === null || !ours.has(e.actorId)).toBe(true);
    }
    expect(theirs.text).not.toContain(admin.id);
    expect(theirs.text).not.toContain(residenceId);
  });

  it('should never show a full last name or any personal detail', async () => {
    const result = await call('GET', '/api/audit?limit=200', { as: admin });
    expect(result.text).not.toContain('Reed');
    expect(result.text).not.toContain(resident.lastName);
    expect(Object.keys(result.body.events[0]).sort()).toEqual([
      'action',
      'actorId',
      'actorName',
      'at',
      'id',
      'outcome',
      'subjectId',
      'subjectType',
    ]);
  });
});
