// Factories build test data the way people do: through the real routes and services, never with SQL.

import type { z } from 'zod';
import { DEMO_PASSWORD, seedDemo } from '../server/features/demo/seed.ts';
import { issueSetupToken } from '../server/features/setup/service.ts';
import type { InvitationInputSchema } from '../shared/contracts/invitations.ts';
import type { ProgramView } from '../shared/contracts/programs.ts';
import type { ResidenceView } from '../shared/contracts/residences.ts';
import type { Role } from '../shared/domain/vocabulary.ts';
import { type CallResult, call, sessionCookieFrom, testDb } from './app.ts';

export const TEST_PASSWORD = 'correct-horse-battery';

/** A signed-in person: their id, session cookie and how they sign in. */
export type TestPerson = {
  id: string;
  cookie: string;
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  organizationId: string;
};

let sequence = 0;
const next = () => ++sequence;

function expectStatus(result: CallResult, status: number, what: string): void {
  if (result.status !== status) {
    throw new Error(`${what} answered ${result.status}, expected ${status}: ${result.text}`);
  }
}

async function whoAmI(cookie: string): Promise<{ id: string; organizationId: string }> {
  const me = await call('GET', '/api/me', { as: cookie });
  expectStatus(me, 200, 'GET /api/me');
  return { id: me.body.id, organizationId: me.body.organization.id };
}

/** Signs in by username or email and returns the session cookie. */
export async function signIn(login: string, password: string = TEST_PASSWORD): Promise<string> {
  const result = await call('POST', '/api/auth/sign-in', { body: { login, password } });
  expectStatus(result, 200, `signing in as ${login}`);
  return sessionCookieFrom(result);
}

export type SetupOverrides = {
  organizationName?: string;
  firstName?: string;
  lastName?: string;
  username?: string;
  email?: string;
};

/** First-run setup, as the operator does it: the printed token, then POST /api/setup. Returns the admin. */
export async function setUpOrganization(overrides: SetupOverrides = {}): Promise<TestPerson> {
  const token = await issueSetupToken(testDb());
  if (!token) throw new Error('This test database is already set up.');
  const firstName = overrides.firstName ?? 'Morgan';
  const lastName = overrides.lastName ?? 'Adminson';
  const username = overrides.username ?? `admin-${next()}`;
  const result = await call('POST', '/api/setup', {
    body: {
      token,
      organizationName: overrides.organizationName ?? 'Riverbend Recovery Homes',
      admin: {
        firstName,
        lastName,
        username,
        password: TEST_PASSWORD,
        ...(overrides.email ? { email: overrides.email } : {}),
      },
    },
  });
  expectStatus(result, 201, 'POST /api/setup');
  const cookie = sessionCookieFrom(result);
  return { ...(await whoAmI(cookie)), cookie, username, password: TEST_PASSWORD, firstName, lastName };
}

export type ResidenceOverrides = Partial<{
  name: string;
  address: string;
  timeZone: string;
  bedCapacity: number;
  narrLevel: 1 | 2 | 3 | 4;
  programFocus: string[];
  programIds: string[];
}>;

export function residenceInput(overrides: ResidenceOverrides = {}) {
  return {
    name: `House ${next()}`,
    address: '12 Elm St, Springfield',
    // West of UTC, so "today" in the house is never ahead of the database's date.
    timeZone: 'America/Chicago',
    bedCapacity: 8,
    narrLevel: 2,
    programFocus: ['women'],
    ...overrides,
  };
}

/** Opens a residence as an admin (POST /api/residences). */
export async function buildResidence(
  admin: { cookie: string },
  overrides: ResidenceOverrides = {},
): Promise<ResidenceView> {
  const result = await call('POST', '/api/residences', { as: admin, body: residenceInput(overrides) });
  expectStatus(result, 201, 'POST /api/residences');
  return result.body;
}

export async function buildProgram(
  admin: { cookie: string },
  overrides: Partial<{ name: string; description: string; focus: string[] }> = {},
): Promise<ProgramView> {
  const result = await call('POST', '/api/programs', {
    as: admin,
    body: { name: `Program ${next()}`, description: 'A specialized track', focus: ['women'], ...overrides },
  });
  expectStatus(result, 201, 'POST /api/programs');
  return result.body;
}

type InvitationInput = z.input<typeof InvitationInputSchema>;

/** Creates an invitation as an admin and returns it with its code. */
export async function buildInvitation(admin: { cookie: string }, input: InvitationInput) {
  const result = await call('POST', '/api/invitations', { as: admin, body: input });
  expectStatus(result, 201, 'POST /api/invitations');
  return result.body as {
    id: string;
    code: string;
    link: string;
    role: Role;
    residenceId: string | null;
    expiresAt: string;
  };
}

export type PersonOverrides = {
  role: Role;
  residenceId?: string | null;
  bed?: string | null;
  firstName?: string;
  lastName?: string;
  username?: string;
  email?: string;
  pronouns?: string;
  language?: 'en' | 'es';
  password?: string;
};

export function accountInput(overrides: Partial<Omit<PersonOverrides, 'role' | 'residenceId' | 'bed'>> = {}) {
  const n = next();
  return {
    firstName: overrides.firstName ?? `Pat${n}`,
    lastName: overrides.lastName ?? `Lastname${n}`,
    username: overrides.username ?? `person-${n}`,
    password: overrides.password ?? TEST_PASSWORD,
    language: overrides.language ?? 'en',
    ...(overrides.email ? { email: overrides.email } : {}),
    ...(overrides.pronouns ? { pronouns: overrides.pronouns } : {}),
  };
}

/** A person with a role, as it really happens: an admin invites them, they accept and are signed in. */
export async function buildPerson(
  admin: { cookie: string },
  overrides: PersonOverrides,
): Promise<TestPerson> {
  const invitation = await buildInvitation(admin, {
    role: overrides.role,
    residenceId: overrides.residenceId ?? null,
    bed: overrides.bed ?? null,
  });
  const account = accountInput(overrides);
  const accepted = await call('POST', `/api/invitations/code/${invitation.code}/accept`, { body: account });
  expectStatus(accepted, 201, 'accepting an invitation');
  const cookie = sessionCookieFrom(accepted);
  return {
    ...(await whoAmI(cookie)),
    cookie,
    username: account.username,
    password: account.password,
    firstName: account.firstName,
    lastName: account.lastName,
  };
}

/**
 * Another organization in the same database, built by the demo seed (setup runs only once per
 * installation). Returns its admin, signed in.
 */
export async function buildOtherOrganization(): Promise<{ admin: TestPerson; residenceIds: string[] }> {
  await seedDemo(testDb());
  const cookie = await signIn('admin', DEMO_PASSWORD);
  const me = await call('GET', '/api/me', { as: cookie });
  const residences = await call('GET', '/api/residences', { as: cookie });
  return {
    admin: {
      id: me.body.id,
      organizationId: me.body.organization.id,
      cookie,
      username: 'admin',
      password: DEMO_PASSWORD,
      firstName: me.body.firstName,
      lastName: me.body.lastName,
    },
    residenceIds: (residences.body.residences as { id: string }[]).map((r) => r.id),
  };
}
