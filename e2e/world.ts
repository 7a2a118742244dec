// The world the journeys share, built through Hearth's real API: the organization and its first admin
// (made once, by global-setup.ts), and for each journey that needs them its own house with its own
// peer leader and resident, or its own admin, so no journey depends on another having run.
import crypto from 'node:crypto';
import { type APIRequestContext, request } from '@playwright/test';

export const ORGANIZATION = 'Sunrise Recovery Homes';
export const ADMIN = { username: 'morgan', password: 'a-long-admin-password' };

export type Lang = 'en' | 'es';
export type Person = { username: string; password: string; firstName: string; lastName: string };
export type House = { id: string; name: string; brianna: Person; carlos: Person };

/** The Hearth every journey uses; global-setup.ts starts it and leaves its address here. */
export function worldUrl(): string {
  const url = process.env.HEARTH_E2E_URL;
  if (!url) throw new Error('HEARTH_E2E_URL is not set: run the journeys with `npm run test:e2e`.');
  return url;
}

const TREES = ['Aspen', 'Birch', 'Elm', 'Hazel', 'Juniper', 'Laurel', 'Linden', 'Oak', 'Rowan', 'Willow'];

/** Fixed-length tags, so no name made here is the start of another (link names match by prefix). */
function tag(): string {
  return crypto.randomBytes(3).toString('hex');
}

async function ok(what: string, response: import('@playwright/test').APIResponse): Promise<unknown> {
  if (!response.ok()) throw new Error(`${what} answered ${response.status()}: ${await response.text()}`);
  return await response.json();
}

/** A request context signed in as someone (cookies kept), for arranging what a journey starts from. */
export async function signedIn(url: string, login: string, password: string): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL: url });
  await ok(`signing in ${login}`, await context.post('/api/auth/sign-in', { data: { login, password } }));
  return context;
}

/** First-run setup through the API: the organization and its first admin. */
export async function setUpOrganization(url: string, setupLink: string): Promise<void> {
  const token = new URL(setupLink).searchParams.get('token');
  const context = await request.newContext({ baseURL: url });
  await ok(
    'first-run setup',
    await context.post('/api/setup', {
      data: {
        token,
        organizationName: ORGANIZATION,
        admin: { firstName: 'Morgan', lastName: 'Reed', ...ADMIN, language: 'en' },
      },
    }),
  );
  await context.dispose();
}

export class World {
  readonly url: string;
  private readonly admin: APIRequestContext;

  private constructor(url: string, admin: APIRequestContext) {
    this.url = url;
    this.admin = admin;
  }

  static async open(url = worldUrl()): Promise<World> {
    return new World(url, await signedIn(url, ADMIN.username, ADMIN.password));
  }

  async close(): Promise<void> {
    await this.admin.dispose();
  }

  /** An invitation made by the first admin; its code and the link shown once. */
  async invite(role: string, residenceId: string | null): Promise<{ code: string; link: string }> {
    return (await ok(
      `inviting a ${role}`,
      await this.admin.post('/api/invitations', { data: { role, residenceId } }),
    )) as { code: string; link: string };
  }

  /** Accepts an invitation code as a new person, who chose the given language. */
  async join(code: string, person: Person, language: Lang): Promise<string> {
    const context = await request.newContext({ baseURL: this.url });
    await ok(
      `${person.firstName} accepting an invitation`,
      await context.post(`/api/invitations/code/${code}/accept`, { data: { ...person, language } }),
    );
    const me = (await ok('reading my account', await context.get('/api/me'))) as { id: string };
    await context.dispose();
    return me.id;
  }

  /** An admin of the organization of their own, so journeys that change an admin's language never meet. */
  async newAdmin(language: Lang): Promise<Person> {
    const person = {
      username: `morgan-${tag()}`,
      password: ADMIN.password,
      firstName: 'Morgan',
      lastName: 'Reed',
    };
    await this.join((await this.invite('org_admin', null)).code, person, language);
    return person;
  }

  /** A residence of its own, with no one in it yet. */
  async newResidence(name = `${TREES[Math.floor(Math.random() * TREES.length)]} House ${tag()}`) {
    const created = (await ok(
      `opening ${name}`,
      await this.admin.post('/api/residences', {
        data: {
          name,
          address: '412 Maple St',
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
          bedCapacity: 8,
          narrLevel: 2,
          programFocus: ['women'],
        },
      }),
    )) as { id: string };
    return { id: created.id, name };
  }

  /**
   * A house of its own: Brianna Diaz lives there and is its peer leader (English), Carlos Mendoza lives
   * there (Spanish). `peerLeader: false` leaves Brianna a resident only; `carlos: false` leaves him out.
   */
  async newHouse(options: { peerLeader?: boolean; carlos?: boolean } = {}): Promise<House> {
    const residence = await this.newResidence();
    const suffix = residence.name.split(' ').at(-1);
    const brianna = {
      username: `brianna-${suffix}`,
      password: 'brianna-password-1',
      firstName: 'Brianna',
      lastName: 'Diaz',
    };
    const carlos = {
      username: `carlos-${suffix}`,
      password: 'carlos-password-1',
      firstName: 'Carlos',
      lastName: 'Mendoza',
    };
    const briannaId = await this.join((await this.invite('resident', residence.id)).code, brianna, 'en');
    if (options.carlos !== false)
      await this.join((await this.invite('resident', residence.id)).code, carlos, 'es');
    if (options.peerLeader !== false)
      await ok(
        'naming the peer leader',
        await this.admin.post(`/api/people/${briannaId}/memberships`, {
          data: { role: 'peer_leader', residenceId: residence.id },
        }),
      );
    return { ...residence, brianna, carlos };
  }
}
