import { beforeAll, describe, expect, it } from 'vitest';
import { call, sessionCookieFrom } from '../../../test/app.ts';
import {
  buildOtherOrganization,
  buildPerson,
  buildResidence,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';

let admin: TestPerson;
let residenceId: string;

beforeAll(async () => {
  admin = await setUpOrganization({ organizationName: 'Riverbend Recovery Homes' });
  residenceId = (await buildResidence(admin, { name: 'Maple House', bedCapacity: 20 })).id;
});

describe('GET /api/me', () => {
  it('should show me my whole profile, private by default, and my roles', async () => {
    const me = await buildPerson(admin, {
      role: 'resident',
      residenceId,
      firstName: 'Elena',
      lastName: 'Evans',
      bed: 'Bed 1',
    });
    const result = await call('GET', '/api/me', { as: me });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      id: me.id,
      organization: { name: 'Riverbend Recovery Homes', slug: 'riverbend-recovery-homes' },
      username: me.username,
      email: null,
      firstName: 'Elena',
      lastName: 'Evans',
      displayName: 'Elena E.',
      language: 'en',
      recoveryPathway: null,
      privacy: { nameStyle: 'first_last_initial', pronounsVisibleTo: 'house', pathwayVisibleTo: 'only_me' },
      roles: ['resident'],
      memberships: [
        expect.objectContaining({
          role: 'resident',
          residenceName: 'Maple House',
          bed: 'Bed 1',
          current: true,
          endsOn: null,
        }),
      ],
    });
    expect(result.text).not.toMatch(/passwordHash|password_hash|argon2/);
  });

  it('should fail with 401 when nobody is signed in', async () => {
    expect((await call('GET', '/api/me')).status).toBe(401);
  });
});

describe('PATCH /api/me/profile', () => {
  it('should change my pronouns, language and recovery pathway', async () => {
    const me = await buildPerson(admin, { role: 'resident', residenceId });
    const result = await call('PATCH', '/api/me/profile', {
      as: me,
      body: { pronouns: 'they/them', language: 'es', recoveryPathway: 'smart' },
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ pronouns: 'they/them', language: 'es', recoveryPathway: 'smart' });
    expect((await call('GET', '/api/me', { as: me })).body).toMatchObject({
      language: 'es',
      recoveryPathway: 'smart',
    });
  });

  it('should let me clear my pronouns and pathway', async () => {
    const me = await buildPerson(admin, { role: 'resident', residenceId, pronouns: 'he/him' });
    const result = await call('PATCH', '/api/me/profile', {
      as: me,
      body: { pronouns: null, recoveryPathway: null },
    });
    expect(result.body).toMatchObject({ pronouns: null, recoveryPathway: null });
  });

  it('should let me keep my own email in another case', async () => {
    const me = await buildPerson(admin, { role: 'resident', residenceId, email: 'grace@example.org' });
    const result = await call('PATCH', '/api/me/profile', { as: me, body: { email: 'Grace@example.org' } });
    expect(result.status).toBe(200);
    expect(result.body.email).toBe('Grace@example.org');
  });

  it('should let me set a new email no one uses', async () => {
    const me = await buildPerson(admin, { role: 'resident', residenceId });
    const result = await call('PATCH', '/api/me/profile', { as: me, body: { email: 'fatima@example.org' } });
    expect(result.status).toBe(200);
    expect(result.body.email).toBe('fatima@example.org');
    expect(
      (
        await call('POST', '/api/auth/sign-in', {
          body: { login: 'fatima@example.org', password: me.password },
        })
      ).status,
    ).toBe(200);
  });

  it('should answer the same for an email used in my organization, used in another, and free', async () => {
    await buildPerson(admin, { role: 'resident', residenceId, email: 'hope@example.org' });
    const other = await buildOtherOrganization();
    await buildPerson(other.admin, { role: 'counselor', email: 'faith@example.org' });
    const answers = [];
    for (const email of ['HOPE@example.org', 'faith@example.org', 'nobody-yet@example.org']) {
      const me = await buildPerson(admin, {
        role: 'resident',
        residenceId,
        password: `own password ${email}`,
      });
      const result = await call('PATCH', '/api/me/profile', {
        as: me,
        body: { email, pronouns: 'they/them' },
      });
      answers.push({ status: result.status, email: result.body.email, pronouns: result.body.pronouns });
      // The address signs its owner in with their own password, whoever else uses it.
      const signedIn = await call('POST', '/api/auth/sign-in', {
        body: { login: email, password: me.password },
      });
      expect(signedIn.status).toBe(200);
      expect((await call('GET', '/api/me', { as: sessionCookieFrom(signedIn) })).body.id).toBe(me.id);
    }
    expect(answers).toEqual([
      { status: 200, email: 'HOPE@example.org', pronouns: 'they/them' },
      { status: 200, email: 'faith@example.org', pronouns: 'they/them' },
      { status: 200, email: 'nobody-yet@example.org', pronouns: 'they/them' },
    ]);
  });

  it('should fail with 400 when the first name is blank', async () => {
    const me = await buildPerson(admin, { role: 'resident', residenceId });
    const result = await call('PATCH', '/api/me/profile', { as: me, body: { firstName: '  ' } });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'firstName', reason: 'field.required', message: 'is required', params: { minimum: 1 } },
    ]);
  });

  it('should fail with 400 when the pathway is not in the vocabulary', async () => {
    const me = await buildPerson(admin, { role: 'resident', residenceId });
    const result = await call('PATCH', '/api/me/profile', { as: me, body: { recoveryPathway: 'willpower' } });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'recoveryPathway', reason: 'field.not_an_option', message: expect.any(String) },
    ]);
  });

  it('should fail with 400 when I try to change my username or organization (unknown fields)', async () => {
    const me = await buildPerson(admin, { role: 'resident', residenceId });
    const result = await call('PATCH', '/api/me/profile', {
      as: me,
      body: { username: 'new-name', organizationId: admin.organizationId },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'username', reason: 'field.unknown', message: 'is not a known field' },
      { field: 'organizationId', reason: 'field.unknown', message: 'is not a known field' },
    ]);
  });

  it('should fail with 400 when the language is not offered', async () => {
    const me = await buildPerson(admin, { role: 'resident', residenceId });
    expect((await call('PATCH', '/api/me/profile', { as: me, body: { language: 'fr' } })).status).toBe(400);
  });
});

describe('PATCH /api/me/privacy', () => {
  it('should change who sees what of me', async () => {
    const me = await buildPerson(admin, { role: 'resident', residenceId });
    const result = await call('PATCH', '/api/me/privacy', {
      as: me,
      body: { nameStyle: 'initials', pathwayVisibleTo: 'house', pronounsVisibleTo: 'only_me' },
    });
    expect(result.status).toBe(200);
    expect(result.body.privacy).toEqual({
      nameStyle: 'initials',
      pathwayVisibleTo: 'house',
      pronounsVisibleTo: 'only_me',
      stageVisibleTo: 'only_me',
    });
    expect(result.body.displayName).toMatch(/^P\. L\.$/);
  });

  it('should fail with 400 when the audience is not one of only_me, house, organization', async () => {
    const me = await buildPerson(admin, { role: 'resident', residenceId });
    const result = await call('PATCH', '/api/me/privacy', { as: me, body: { pathwayVisibleTo: 'everyone' } });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'pathwayVisibleTo', reason: 'field.not_an_option', message: expect.any(String) },
    ]);
    expect((await call('GET', '/api/me', { as: me })).body.privacy.pathwayVisibleTo).toBe('only_me');
  });

  it('should fail with 400 when a field is unknown', async () => {
    const me = await buildPerson(admin, { role: 'resident', residenceId });
    const result = await call('PATCH', '/api/me/privacy', { as: me, body: { lastNameVisibleTo: 'house' } });
    expect(result.status).toBe(400);
  });
});

describe('POST /api/me/welcome/dismiss', () => {
  it('should welcome a new resident until they put the welcome away, and never anyone else', async () => {
    const newcomer = await buildPerson(admin, { role: 'resident', residenceId });
    const counselor = await buildPerson(admin, { role: 'counselor' });
    expect((await call('GET', '/api/me', { as: newcomer })).body.welcome).toBe(true);
    expect((await call('GET', '/api/me', { as: counselor })).body.welcome).toBe(false);
    expect((await call('GET', '/api/me', { as: admin })).body.welcome).toBe(false);
    const dismissed = await call('POST', '/api/me/welcome/dismiss', { as: newcomer });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.welcome).toBe(false);
    // Put away for good, on every device: the next sign-in does not bring it back.
    expect((await call('GET', '/api/me', { as: newcomer })).body.welcome).toBe(false);
    expect((await call('POST', '/api/me/welcome/dismiss', { as: newcomer })).status).toBe(200);
  });

  it('should fail with 401 when nobody is signed in', async () => {
    expect((await call('POST', '/api/me/welcome/dismiss')).status).toBe(401);
  });
});
