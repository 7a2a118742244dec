import { beforeAll, describe, expect, it } from 'vitest';
import { call, sessionCookieFrom } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import {
  accountInput,
  buildInvitation,
  buildPerson,
  buildResidence,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';

let admin: TestPerson;
let house: { id: string; name: string };

beforeAll(async () => {
  admin = await setUpOrganization({ organizationName: 'Riverbend Recovery Homes' });
  house = await buildResidence(admin, { name: 'Maple House', bedCapacity: 20 });
});

const accept = (code: string, body: unknown = accountInput()) =>
  call('POST', `/api/invitations/code/${code}/accept`, { body });

describe('POST /api/invitations', () => {
  it('should create a single-use code and a link, and list it without its code', async () => {
    const result = await call('POST', '/api/invitations', {
      as: admin,
      body: { role: 'resident', residenceId: house.id, bed: 'Bed 3', note: 'Ana, intake Tuesday' },
    });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({
      role: 'resident',
      residenceId: house.id,
      residenceName: 'Maple House',
      note: 'Ana, intake Tuesday',
      acceptedAt: null,
      revokedAt: null,
    });
    expect(result.body.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(result.body.link).toBe(`http://localhost:80/invite/${result.body.code}`);
    const days = (new Date(result.body.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const list = await call('GET', '/api/invitations', { as: admin });
    expect(list.body.invitations).toContainEqual(
      expect.objectContaining({ id: result.body.id, role: 'resident' }),
    );
    expect(list.text).not.toContain(result.body.code);
  });

  it('should fail with 400 people.residence_required when a resident invitation names no residence', async () => {
    const result = await call('POST', '/api/invitations', { as: admin, body: { role: 'resident' } });
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

  it('should fail with 400 people.residence_not_allowed when a counselor invitation names a residence', async () => {
    const result = await call('POST', '/api/invitations', {
      as: admin,
      body: { role: 'counselor', residenceId: house.id },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      {
        field: 'residenceId',
        reason: 'people.residence_not_allowed',
        message: 'must be empty for the counselor role',
        params: { role: 'counselor' },
      },
    ]);
  });

  it('should fail with 400 people.unknown_residence when the residence does not exist', async () => {
    const result = await call('POST', '/api/invitations', {
      as: admin,
      body: { role: 'resident', residenceId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      {
        field: 'residenceId',
        reason: 'people.unknown_residence',
        message: 'names a residence that does not exist',
      },
    ]);
  });

  it('should fail with 400 when the role is unknown', async () => {
    const result = await call('POST', '/api/invitations', { as: admin, body: { role: 'warden' } });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'role', reason: 'field.not_an_option', message: expect.any(String) },
    ]);
  });

  it('should fail with 400 when it would last more than 30 days', async () => {
    const result = await call('POST', '/api/invitations', {
      as: admin,
      body: { role: 'counselor', expiresInDays: 31 },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      {
        field: 'expiresInDays',
        reason: 'field.too_big',
        message: expect.any(String),
        params: { maximum: 30 },
      },
    ]);
  });
});

describe('GET /api/invitations/code/:code (preview)', () => {
  it('should show what the invitation is for, to anyone holding the code', async () => {
    const invitation = await buildInvitation(admin, { role: 'resident', residenceId: house.id });
    const result = await call('GET', `/api/invitations/code/${invitation.code}`);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      organizationName: 'Riverbend Recovery Homes',
      role: 'resident',
      residenceName: 'Maple House',
    });
  });

  it('should accept the code typed in lower case without dashes', async () => {
    const invitation = await buildInvitation(admin, { role: 'counselor' });
    const typed = invitation.code.toLowerCase().replaceAll('-', '');
    const result = await call('GET', `/api/invitations/code/${typed}`);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      organizationName: 'Riverbend Recovery Homes',
      role: 'counselor',
      residenceName: null,
    });
  });

  it('should fail with 404 invitations.code_not_found when the code is unknown', async () => {
    const result = await call('GET', '/api/invitations/code/AAAA-BBBB-CCCC');
    expect(result.status).toBe(404);
    expect(result.body.error).toEqual({
      code: 'not_found',
      reason: 'invitations.code_not_found',
      message: 'We could not find that invitation code. Check it, or ask for a new one.',
    });
  });

  it('should fail with 400 when the code is too short to be one', async () => {
    const result = await call('GET', '/api/invitations/code/AB');
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'code', reason: 'field.too_short', message: expect.any(String), params: { minimum: 4 } },
    ]);
  });
});

describe('POST /api/invitations/code/:code/accept', () => {
  it('should create the account, sign the person in, and show them their house', async () => {
    const invitation = await buildInvitation(admin, {
      role: 'resident',
      residenceId: house.id,
      bed: 'Bed 4',
    });
    const account = accountInput({
      firstName: 'Ana',
      lastName: 'Alvarez',
      pronouns: 'she/her',
      language: 'es',
    });
    const result = await accept(invitation.code, account);
    expect(result.status).toBe(201);
    expect(result.body).toEqual({ ok: true });
    const cookie = sessionCookieFrom(result);
    const me = await call('GET', '/api/me', { as: cookie });
    expect(me.body).toMatchObject({
      username: account.username,
      firstName: 'Ana',
      lastName: 'Alvarez',
      language: 'es',
      pronouns: 'she/her',
      roles: ['resident'],
    });
    const mine = await call('GET', '/api/house', { as: cookie });
    expect(mine.status).toBe(200);
    expect(mine.body.houses).toHaveLength(1);
    expect(mine.body.houses[0].residence.name).toBe('Maple House');
    expect(mine.body.houses[0].myMembership).toMatchObject({ role: 'resident', bed: 'Bed 4' });
    expect(mine.body.houses[0].residents).toContainEqual(
      expect.objectContaining({ displayName: 'Ana A.', isMe: true }),
    );
  });

  it('should take the invitation off the open list and record the acceptance', async () => {
    const invitation = await buildInvitation(admin, { role: 'counselor' });
    expect((await accept(invitation.code)).status).toBe(201);
    const list = await call('GET', '/api/invitations', { as: admin });
    expect(list.body.invitations.map((i: { id: string }) => i.id)).not.toContain(invitation.id);
    const log = await call('GET', '/api/audit?limit=200', { as: admin });
    expect(log.body.events).toContainEqual(
      expect.objectContaining({ action: 'invitation.accept', subjectId: invitation.id }),
    );
    expect(log.body.events).toContainEqual(
      expect.objectContaining({ action: 'invitation.create', subjectId: invitation.id, actorId: admin.id }),
    );
  });

  it('should fail with 410 invitations.already_used when the code is used again, and create no second account', async () => {
    const invitation = await buildInvitation(admin, { role: 'resident', residenceId: house.id });
    expect((await accept(invitation.code)).status).toBe(201);
    const second = accountInput();
    const again = await accept(invitation.code, second);
    expect(again.status).toBe(410);
    expect(again.body.error).toEqual({
      code: 'invitation_used',
      reason: 'invitations.already_used',
      message: 'This invitation has already been used. If that was not you, ask for a new one.',
    });
    expect(again.cookies).toHaveLength(0);
    expect(
      (
        await call('POST', '/api/auth/sign-in', {
          body: { login: second.username, password: second.password },
        })
      ).status,
    ).toBe(401);
    expect((await call('GET', `/api/invitations/code/${invitation.code}`)).body.error.reason).toBe(
      'invitations.already_used',
    );
  });

  it('should fail with 410 invitations.expired when the invitation has expired', async () => {
    const invitation = await buildInvitation(admin, { role: 'resident', residenceId: house.id });
    // A week and a minute later (invitations last 7 days unless the admin says otherwise).
    testClock().advance({ days: 7, minutes: 1 });
    const result = await accept(invitation.code);
    expect(result.status).toBe(410);
    expect(result.body.error).toEqual({
      code: 'invitation_expired',
      reason: 'invitations.expired',
      message: 'This invitation has expired. Ask for a new one.',
    });
    expect((await call('GET', `/api/invitations/code/${invitation.code}`)).status).toBe(410);
  });

  it('should fail with 410 invitations.withdrawn when the invitation was withdrawn', async () => {
    const invitation = await buildInvitation(admin, { role: 'resident', residenceId: house.id });
    expect((await call('DELETE', `/api/invitations/${invitation.id}`, { as: admin })).status).toBe(200);
    const result = await accept(invitation.code);
    expect(result.status).toBe(410);
    expect(result.body.error).toEqual({
      code: 'invitation_expired',
      reason: 'invitations.withdrawn',
      message: 'This invitation was withdrawn. Ask for a new one.',
    });
  });

  it('should fail with 404 when the code is unknown', async () => {
    const result = await accept('ZZZZ-ZZZZ-ZZZZ');
    expect(result.status).toBe(404);
    expect(result.body.error).toMatchObject({ code: 'not_found', reason: 'invitations.code_not_found' });
  });

  it('should fail with 409 people.no_free_bed when the house is full, create no account, and keep the invitation usable', async () => {
    const small = await buildResidence(admin, { bedCapacity: 1 });
    await buildPerson(admin, { role: 'resident', residenceId: small.id });
    const invitation = await buildInvitation(admin, { role: 'resident', residenceId: small.id });
    const account = accountInput();
    const result = await accept(invitation.code, account);
    expect(result.status).toBe(409);
    expect(result.body.error).toMatchObject({
      code: 'conflict',
      reason: 'people.no_free_bed',
      message: 'This house has no free bed. Move someone out or raise its bed capacity.',
    });
    expect(
      (
        await call('POST', '/api/auth/sign-in', {
          body: { login: account.username, password: account.password },
        })
      ).status,
    ).toBe(401);
    expect((await call('GET', `/api/invitations/code/${invitation.code}`)).status).toBe(200);
  });

  it('should fail with 409 people.username_taken when the username is taken, and keep the invitation usable', async () => {
    const invitation = await buildInvitation(admin, { role: 'counselor' });
    const result = await accept(invitation.code, accountInput({ username: admin.username }));
    expect(result.status).toBe(409);
    expect(result.body.error.fields).toEqual([
      {
        field: 'username',
        reason: 'people.username_taken',
        message: 'That username is taken. Please choose another.',
      },
    ]);
    expect((await accept(invitation.code)).status).toBe(201);
  });

  it('should accept an email someone else uses, answering as for any other address', async () => {
    await buildPerson(admin, { role: 'counselor', email: 'rosa@example.org' });
    const invitation = await buildInvitation(admin, { role: 'counselor' });
    const result = await accept(invitation.code, accountInput({ email: 'ROSA@example.org' }));
    expect(result.status).toBe(201);
  });

  it('should fail with 400 naming each bad field of the new account', async () => {
    const invitation = await buildInvitation(admin, { role: 'counselor' });
    const result = await accept(invitation.code, {
      ...accountInput(),
      username: 'a b',
      password: 'short',
      email: 'not-an-email',
    });
    expect(result.status).toBe(400);
    const fields = result.body.error.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['email', 'password', 'username']);
    expect((await call('GET', `/api/invitations/code/${invitation.code}`)).status).toBe(200);
  });
});

describe('DELETE /api/invitations/:id', () => {
  it('should fail with 404 for an invitation already accepted', async () => {
    const invitation = await buildInvitation(admin, { role: 'counselor' });
    await accept(invitation.code);
    expect((await call('DELETE', `/api/invitations/${invitation.id}`, { as: admin })).status).toBe(404);
  });

  it('should fail with 404 when withdrawing twice', async () => {
    const invitation = await buildInvitation(admin, { role: 'counselor' });
    expect((await call('DELETE', `/api/invitations/${invitation.id}`, { as: admin })).status).toBe(200);
    expect((await call('DELETE', `/api/invitations/${invitation.id}`, { as: admin })).status).toBe(404);
  });

  it('should fail with 400 when the id is not a uuid', async () => {
    expect((await call('DELETE', '/api/invitations/abc', { as: admin })).status).toBe(400);
  });
});
