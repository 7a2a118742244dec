import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/app.ts';
import {
  buildPerson,
  buildProgram,
  buildResidence,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';

let admin: TestPerson;
let resident: TestPerson;

beforeAll(async () => {
  admin = await setUpOrganization();
  resident = await buildPerson(admin, { role: 'resident', residenceId: (await buildResidence(admin)).id });
});

const programs = async () => (await call('GET', '/api/programs', { as: admin })).body.programs;

describe('POST /api/programs', () => {
  it('should create a program with its demographic focus, without repeats', async () => {
    const result = await call('POST', '/api/programs', {
      as: admin,
      body: {
        name: 'Veterans Track',
        description: 'For those who served',
        focus: ['veterans', 'veterans', 'men'],
      },
    });
    expect(result.status).toBe(201);
    expect(result.body).toEqual({
      id: expect.any(String),
      name: 'Veterans Track',
      description: 'For those who served',
      focus: ['veterans', 'men'],
    });
  });

  it('should fail with 400 when the name is too short', async () => {
    const before = await programs();
    const result = await call('POST', '/api/programs', { as: admin, body: { name: 'V' } });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'name', reason: 'field.too_short', message: 'is required', params: { minimum: 2 } },
    ]);
    expect(await programs()).toEqual(before);
  });

  it('should fail with 400 when a focus is not in the vocabulary', async () => {
    const result = await call('POST', '/api/programs', {
      as: admin,
      body: { name: 'Pirates', focus: ['pirates'] },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'focus.0', reason: 'field.not_an_option', message: expect.any(String) },
    ]);
  });

  it('should fail with 400 when a field is unknown', async () => {
    const result = await call('POST', '/api/programs', { as: admin, body: { name: 'Parents', capacity: 3 } });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'capacity', reason: 'field.unknown', message: 'is not a known field' },
    ]);
  });

  it('should fail with 403 for a resident', async () => {
    const result = await call('POST', '/api/programs', { as: resident, body: { name: 'My own program' } });
    expect(result.status).toBe(403);
    expect(result.body.error).toMatchObject({ code: 'forbidden', reason: 'request.forbidden' });
  });
});

describe('GET /api/programs', () => {
  it('should list programs by name for anyone signed in to the organization', async () => {
    await buildProgram(admin, { name: 'AAA Young Adults', focus: ['young_adults'] });
    const result = await call('GET', '/api/programs', { as: resident });
    expect(result.status).toBe(200);
    expect(result.body.programs[0]).toMatchObject({ name: 'AAA Young Adults', focus: ['young_adults'] });
  });

  it('should fail with 401 when nobody is signed in', async () => {
    expect((await call('GET', '/api/programs')).status).toBe(401);
  });
});

describe('PATCH /api/programs/:id', () => {
  it('should change the fields sent and record it', async () => {
    const program = await buildProgram(admin);
    const result = await call('PATCH', `/api/programs/${program.id}`, {
      as: admin,
      body: { focus: ['faith_based'] },
    });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ ...program, focus: ['faith_based'] });
    const log = await call('GET', '/api/audit', { as: admin });
    expect(log.body.events).toContainEqual(
      expect.objectContaining({ action: 'program.update', subjectId: program.id }),
    );
  });

  it('should fail with 404 when the program does not exist', async () => {
    const result = await call('PATCH', '/api/programs/00000000-0000-4000-8000-000000000000', {
      as: admin,
      body: { name: 'Renamed' },
    });
    expect(result.status).toBe(404);
    expect(result.body.error).toMatchObject({
      reason: 'request.not_found',
      message: 'That program was not found.',
    });
  });

  it('should fail with 400 when the id is not a uuid', async () => {
    const result = await call('PATCH', '/api/programs/7', { as: admin, body: { name: 'Renamed' } });
    expect(result.status).toBe(400);
  });

  it('should fail with 400 and change nothing when the name is blank', async () => {
    const program = await buildProgram(admin);
    const result = await call('PATCH', `/api/programs/${program.id}`, {
      as: admin,
      body: { name: '', description: 'changed' },
    });
    expect(result.status).toBe(400);
    expect((await programs()).find((p: { id: string }) => p.id === program.id)).toEqual(program);
  });
});
