import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/app.ts';
import {
  buildPerson,
  buildProgram,
  buildResidence,
  residenceInput,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';

let admin: TestPerson;

beforeAll(async () => {
  admin = await setUpOrganization();
});

async function allResidences() {
  return (await call('GET', '/api/residences', { as: admin })).body.residences;
}

/** Every 4xx below must leave the residences exactly as they were. */
async function expectRefused(method: string, url: string, body: unknown, status: number, fields?: unknown) {
  const before = await allResidences();
  const result = await call(method, url, { as: admin, body });
  expect(result.status).toBe(status);
  if (fields) expect(result.body.error.fields).toEqual(fields);
  expect(await allResidences()).toEqual(before);
  return result;
}

describe('POST /api/residences', () => {
  it('should open a residence and answer 201 with it', async () => {
    const program = await buildProgram(admin, { focus: ['men'] });
    const result = await call('POST', '/api/residences', {
      as: admin,
      body: residenceInput({
        name: 'Oak Street House',
        narrLevel: 1,
        programFocus: ['men', 'men', 'secular'],
        programIds: [program.id],
      }),
    });
    expect(result.status).toBe(201);
    expect(result.body).toEqual({
      id: expect.any(String),
      name: 'Oak Street House',
      address: '12 Elm St, Springfield',
      timeZone: 'America/Chicago',
      bedCapacity: 8,
      narrLevel: 1,
      programFocus: ['men', 'secular'],
      programIds: [program.id],
      residentCount: 0,
    });
    expect((await call('GET', `/api/residences/${result.body.id}`, { as: admin })).body).toEqual(result.body);
  });

  it('should trim the name and default the address and program lists', async () => {
    const { address: _address, programFocus: _focus, ...input } = residenceInput({ name: '  Maple House  ' });
    const result = await call('POST', '/api/residences', { as: admin, body: input });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ name: 'Maple House', address: '', programFocus: [], programIds: [] });
  });

  it('should fail with 400 when bedCapacity is 0', async () => {
    await expectRefused('POST', '/api/residences', residenceInput({ bedCapacity: 0 }), 400, [
      {
        field: 'bedCapacity',
        reason: 'field.too_small',
        message: 'must be at least 1',
        params: { minimum: 1 },
      },
    ]);
  });

  it('should fail with 400 when bedCapacity is not a whole number', async () => {
    await expectRefused('POST', '/api/residences', residenceInput({ bedCapacity: 2.5 }), 400, [
      { field: 'bedCapacity', reason: 'field.not_whole', message: expect.any(String) },
    ]);
  });

  it('should fail with 400 when bedCapacity is a string', async () => {
    await expectRefused('POST', '/api/residences', { ...residenceInput(), bedCapacity: '8' }, 400, [
      { field: 'bedCapacity', reason: 'field.wrong_type', message: expect.any(String) },
    ]);
  });

  it('should fail with 400 when the NARR level is 5', async () => {
    await expectRefused('POST', '/api/residences', { ...residenceInput(), narrLevel: 5 }, 400, [
      { field: 'narrLevel', reason: 'field.not_an_option', message: 'must be a NARR level from 1 to 4' },
    ]);
  });

  it('should fail with 400 when the time zone does not exist', async () => {
    await expectRefused('POST', '/api/residences', residenceInput({ timeZone: 'Mars/Olympus_Mons' }), 400, [
      {
        field: 'timeZone',
        reason: 'field.time_zone',
        message: 'must be an IANA time zone like America/Chicago',
      },
    ]);
  });

  it('should fail with 400 naming each unknown field', async () => {
    await expectRefused('POST', '/api/residences', { ...residenceInput(), color: 'blue', wifi: 'yes' }, 400, [
      { field: 'color', reason: 'field.unknown', message: 'is not a known field' },
      { field: 'wifi', reason: 'field.unknown', message: 'is not a known field' },
    ]);
  });

  it('should fail with 400 when the name is missing', async () => {
    const { name: _name, ...input } = residenceInput();
    await expectRefused('POST', '/api/residences', input, 400, [
      { field: 'name', reason: 'field.required', message: expect.any(String) },
    ]);
  });

  it('should fail with 400 when the name is blank', async () => {
    await expectRefused('POST', '/api/residences', residenceInput({ name: '   ' }), 400, [
      { field: 'name', reason: 'field.too_short', message: 'is required', params: { minimum: 2 } },
    ]);
  });

  it('should fail with 400 when a program focus is not in the vocabulary', async () => {
    await expectRefused('POST', '/api/residences', residenceInput({ programFocus: ['pirates'] }), 400, [
      { field: 'programFocus.0', reason: 'field.not_an_option', message: expect.any(String) },
    ]);
  });

  it('should fail with 400 when a program id is not an id', async () => {
    await expectRefused('POST', '/api/residences', residenceInput({ programIds: ['nope'] }), 400, [
      { field: 'programIds.0', reason: 'field.not_an_id', message: expect.any(String) },
    ]);
  });

  it('should fail with 400 residences.unknown_program when a program does not exist, and create no residence (one transaction)', async () => {
    const result = await expectRefused(
      'POST',
      '/api/residences',
      residenceInput({ programIds: ['00000000-0000-4000-8000-000000000000'] }),
      400,
      [
        {
          field: 'programIds',
          reason: 'residences.unknown_program',
          message: 'names a program that does not exist',
        },
      ],
    );
    expect(result.body.error.reason).toBe('residences.unknown_program');
  });

  it('should fail with 400 when the JSON is malformed', async () => {
    const before = await allResidences();
    const result = await call('POST', '/api/residences', {
      as: admin,
      payload: '{"name": "Oak", "bedCapacity": 8',
    });
    expect(result.status).toBe(400);
    expect(result.body.error).toEqual({
      code: 'bad_request',
      reason: 'request.invalid_json',
      message: 'The body is not valid JSON.',
    });
    expect(await allResidences()).toEqual(before);
  });

  it('should fail with 413 when the body is oversize', async () => {
    await expectRefused('POST', '/api/residences', residenceInput({ address: 'x'.repeat(200_000) }), 413);
  });

  it('should fail with 400 when the body is an array', async () => {
    await expectRefused('POST', '/api/residences', [residenceInput()], 400);
  });
});

describe('GET /api/residences and /api/residences/:id', () => {
  it('should list the residences by name with how many residents live there', async () => {
    const house = await buildResidence(admin, { name: 'AAA First House', bedCapacity: 3 });
    await buildPerson(admin, { role: 'resident', residenceId: house.id });
    const list = await allResidences();
    expect(list[0]).toMatchObject({ id: house.id, name: 'AAA First House', residentCount: 1 });
    const names = list.map((r: { name: string }) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('should fail with 404 when the residence does not exist', async () => {
    const result = await call('GET', '/api/residences/00000000-0000-4000-8000-000000000000', { as: admin });
    expect(result.status).toBe(404);
    expect(result.body.error).toEqual({
      code: 'not_found',
      reason: 'request.not_found',
      message: 'That residence was not found.',
    });
  });

  it('should fail with 400 when the id is not a uuid', async () => {
    const result = await call('GET', '/api/residences/12', { as: admin });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'id', reason: 'field.not_an_id', message: 'must be an id' },
    ]);
  });
});

describe('PATCH /api/residences/:id', () => {
  it('should change only the fields sent', async () => {
    const house = await buildResidence(admin);
    const program = await buildProgram(admin);
    const result = await call('PATCH', `/api/residences/${house.id}`, {
      as: admin,
      body: { bedCapacity: 12, narrLevel: 3, programIds: [program.id] },
    });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ ...house, bedCapacity: 12, narrLevel: 3, programIds: [program.id] });
  });

  it('should accept an empty change', async () => {
    const house = await buildResidence(admin);
    const result = await call('PATCH', `/api/residences/${house.id}`, { as: admin, body: {} });
    expect(result.status).toBe(200);
    expect(result.body).toEqual(house);
  });

  it('should fail with 400 when bedCapacity is 0, and change nothing else sent with it', async () => {
    const house = await buildResidence(admin);
    await expectRefused('PATCH', `/api/residences/${house.id}`, { name: 'Renamed', bedCapacity: 0 }, 400);
  });

  it('should fail with 400 when the NARR level is 5', async () => {
    const house = await buildResidence(admin);
    await expectRefused('PATCH', `/api/residences/${house.id}`, { narrLevel: 5 }, 400, [
      { field: 'narrLevel', reason: 'field.not_an_option', message: 'must be a NARR level from 1 to 4' },
    ]);
  });

  it('should fail with 400 when a field is unknown', async () => {
    const house = await buildResidence(admin);
    await expectRefused(
      'PATCH',
      `/api/residences/${house.id}`,
      { organizationId: admin.organizationId },
      400,
      [{ field: 'organizationId', reason: 'field.unknown', message: 'is not a known field' }],
    );
  });

  it('should fail with 400 residences.unknown_program when a program does not exist, and keep the name sent with it unchanged', async () => {
    const house = await buildResidence(admin);
    const result = await expectRefused(
      'PATCH',
      `/api/residences/${house.id}`,
      { name: 'Renamed', programIds: ['00000000-0000-4000-8000-000000000000'] },
      400,
    );
    expect(result.body.error.reason).toBe('residences.unknown_program');
  });

  it('should fail with 404 when the residence does not exist', async () => {
    await expectRefused(
      'PATCH',
      '/api/residences/00000000-0000-4000-8000-000000000000',
      { name: 'Renamed' },
      404,
    );
  });

  it('should fail with 400 when the id is not a uuid', async () => {
    await expectRefused('PATCH', '/api/residences/not-an-id', { name: 'Renamed' }, 400, [
      { field: 'id', reason: 'field.not_an_id', message: 'must be an id' },
    ]);
  });

  it('should record who changed which fields in the audit log', async () => {
    const house = await buildResidence(admin);
    await call('PATCH', `/api/residences/${house.id}`, { as: admin, body: { address: '1 New Rd' } });
    const log = await call('GET', '/api/audit', { as: admin });
    expect(log.body.events).toContainEqual(
      expect.objectContaining({
        action: 'residence.update',
        subjectType: 'residence',
        subjectId: house.id,
        actorId: admin.id,
        outcome: 'allowed',
      }),
    );
    expect(log.body.events).toContainEqual(
      expect.objectContaining({ action: 'residence.create', subjectId: house.id }),
    );
  });
});
