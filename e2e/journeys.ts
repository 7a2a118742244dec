// The browser journeys, run in order against one fresh Hearth: first-run setup, then what people do
// next — on a 390×844 phone, in English and Spanish, with axe-core on every page.
import type { Browser, Page } from 'playwright-core';
import { checkAccessibility, expect, type Lang, phoneContext, type Server } from './harness.ts';

export type JourneyState = Record<string, string>;
export type JourneyContext = { server: Server; browser: Browser; state: JourneyState };
export type Journey = {
  name: string;
  run: (ctx: JourneyContext & { track: (page: Page) => void }) => Promise<void>;
};

const ADMIN = { username: 'morgan', password: 'a-long-admin-password' };
const HOUSE = 'Maple House';

async function open(ctx: JourneyContext & { track: (page: Page) => void }, lang: Lang) {
  const { page, problems } = await phoneContext(ctx.browser, lang);
  ctx.track(page);
  return { page, problems };
}

async function heading(page: Page, text: string) {
  await page.getByRole('heading', { level: 1, name: text }).waitFor({ timeout: 15_000 });
}

function noProblems(problems: string[]) {
  expect(problems.length === 0, `The page reported problems:\n${problems.join('\n')}`);
}

async function signIn(page: Page, url: string, login: string, password: string) {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Username or email').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Creates an invitation for the house from its admin page and returns the link shown once. */
async function inviteResident(page: Page): Promise<string> {
  await page.getByLabel('Role').selectOption('resident');
  await page.getByRole('button', { name: 'Create invitation' }).click();
  const link = page.locator('.invitation-link');
  await link.waitFor();
  return (await link.textContent())?.trim() ?? '';
}

async function acceptInvitation(
  page: Page,
  link: string,
  person: { first: string; last: string; username: string; password: string },
  labels: { first: string; last: string; username: string; password: string },
) {
  await page.goto(link);
  await page.getByLabel(labels.first, { exact: true }).fill(person.first);
  await page.getByLabel(labels.last, { exact: true }).fill(person.last);
  await page.getByLabel(labels.username, { exact: true }).fill(person.username);
  await page.getByLabel(labels.password, { exact: true }).fill(person.password);
}

export const journeys: Journey[] = [
  {
    name: 'first-run setup: the printed link creates the organization and its first admin',
    run: async (ctx) => {
      const { page, problems } = await open(ctx, 'en');
      expect(ctx.server.setupLink, 'Hearth printed no setup link on its first start');
      await page.goto(ctx.server.setupLink);
      await heading(page, 'Set up Hearth');
      await checkAccessibility(page, 'setup (en)');
      await page.getByLabel('Organization name').fill('Sunrise Recovery Homes');
      await page.getByLabel('First name').fill('Morgan');
      await page.getByLabel('Last name').fill('Reed');
      await page.getByLabel('Username').fill(ADMIN.username);
      await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
      await page.getByRole('button', { name: 'Create the organization' }).click();
      await heading(page, 'Residences');
      await checkAccessibility(page, 'residences (en)');
      // The link works once: opening it again says Hearth is set up.
      await page.goto(ctx.server.setupLink);
      await page.getByText('Hearth is already set up', { exact: false }).waitFor();
      noProblems(problems);
    },
  },
  {
    name: 'an admin opens a residence and invites two residents by link',
    run: async (ctx) => {
      const { page, problems } = await open(ctx, 'en');
      await signIn(page, ctx.server.url, ADMIN.username, ADMIN.password);
      await heading(page, 'Residences');
      await page.getByRole('button', { name: 'Add a residence' }).click();
      await page.getByLabel('Name', { exact: true }).fill(HOUSE);
      await page.getByLabel('Address').fill('412 Maple St');
      await page.getByLabel('Number of beds').fill('8');
      await page.getByLabel('NARR level of support').selectOption({ index: 1 });
      await page.getByRole('checkbox', { name: 'Women' }).check();
      await page.getByRole('button', { name: 'Add residence' }).click();
      await page.getByRole('link', { name: HOUSE }).first().click();
      await heading(page, HOUSE);
      await checkAccessibility(page, 'residence (en)');
      ctx.state.linkEn = await inviteResident(page);
      expect(ctx.state.linkEn.includes('/invite/'), `Expected an invitation link, got "${ctx.state.linkEn}"`);
      await checkAccessibility(page, 'invitation ready (en)');
      await page.getByRole('button', { name: 'Invite someone else' }).click();
      ctx.state.linkEs = await inviteResident(page);
      expect(ctx.state.linkEs !== ctx.state.linkEn, 'Each invitation needs its own link');
      noProblems(problems);
    },
  },
  {
    name: 'a resident accepts an invitation and sees her house (English)',
    run: async (ctx) => {
      const { page, problems } = await open(ctx, 'en');
      await acceptInvitation(
        page,
        ctx.state.linkEn!,
        { first: 'Brianna', last: 'Diaz', username: 'brianna', password: 'brianna-password-1' },
        { first: 'First name', last: 'Last name', username: 'Username', password: 'Password' },
      );
      await heading(page, 'Welcome to Hearth');
      await page.getByText(HOUSE).first().waitFor();
      await checkAccessibility(page, 'accept invitation (en)');
      await page.getByRole('button', { name: 'Create my account' }).click();
      await heading(page, 'My house');
      await page.getByText(HOUSE).first().waitFor();
      await page.getByText('Brianna D.').first().waitFor();
      expect(
        (await page.getByText('Diaz').count()) === 0,
        'A last name must never be shown in full on the house page',
      );
      await checkAccessibility(page, 'my house (en)');
      await page.getByRole('link', { name: 'My profile' }).first().click();
      await heading(page, 'My profile');
      await checkAccessibility(page, 'my profile (en)');
      await page.getByRole('link', { name: 'My signed-in devices' }).click();
      await heading(page, 'My signed-in devices');
      await page.getByText('This device', { exact: true }).waitFor();
      await checkAccessibility(page, 'my sessions (en)');
      await page.getByRole('button', { name: 'Sign out' }).first().click();
      await heading(page, 'Sign in');
      await checkAccessibility(page, 'sign in (en)');
      // The same code cannot be used twice.
      await page.goto(ctx.state.linkEn!);
      await page.getByText('already been used', { exact: false }).first().waitFor();
      noProblems(problems);
    },
  },
  {
    name: 'a resident accepts an invitation and sees his house (Spanish)',
    run: async (ctx) => {
      const { page, problems } = await open(ctx, 'es');
      await acceptInvitation(
        page,
        ctx.state.linkEs!,
        { first: 'Carlos', last: 'Mendoza', username: 'carlos', password: 'carlos-password-1' },
        { first: 'Nombre', last: 'Apellido', username: 'Usuario', password: 'Contraseña' },
      );
      await heading(page, 'Te damos la bienvenida a Hearth');
      await checkAccessibility(page, 'accept invitation (es)');
      await page.getByRole('button', { name: 'Crear mi cuenta' }).click();
      await heading(page, 'Mi casa');
      await page.getByText('Carlos M.').first().waitFor();
      await page.getByText('Brianna D.').first().waitFor();
      await checkAccessibility(page, 'my house (es)');
      await page.getByRole('link', { name: 'Mi perfil' }).first().click();
      await heading(page, 'Mi perfil');
      await checkAccessibility(page, 'my profile (es)');
      await page.getByRole('link', { name: 'Mis dispositivos con sesión iniciada' }).click();
      await heading(page, 'Mis dispositivos con sesión iniciada');
      await checkAccessibility(page, 'my sessions (es)');
      noProblems(problems);
    },
  },
  {
    name: 'sign-in, reset and invitation-code pages in Spanish; a wrong password is refused kindly',
    run: async (ctx) => {
      const { page, problems } = await open(ctx, 'es');
      await page.goto(`${ctx.server.url}/sign-in`);
      await heading(page, 'Iniciar sesión');
      await checkAccessibility(page, 'sign in (es)');
      await page.getByLabel('Usuario o correo electrónico').fill('carlos');
      await page.getByLabel('Contraseña', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: 'Entrar' }).click();
      await page.getByRole('alert').first().waitFor();
      await checkAccessibility(page, 'sign in with an error (es)');
      await page.goto(`${ctx.server.url}/reset-password`);
      await heading(page, 'Elige una contraseña nueva');
      await checkAccessibility(page, 'reset password (es)');
      await page.goto(`${ctx.server.url}/invite`);
      await heading(page, 'Únete con un código de invitación');
      await checkAccessibility(page, 'invitation code (es)');
      await page.goto(`${ctx.server.url}/no-such-page`);
      await heading(page, 'No encontramos esta página');
      await checkAccessibility(page, 'not found (es)');
      // The right password still works after one mistake.
      await page.goto(`${ctx.server.url}/sign-in`);
      await page.getByLabel('Usuario o correo electrónico').fill('carlos');
      await page.getByLabel('Contraseña', { exact: true }).fill('carlos-password-1');
      await page.getByRole('button', { name: 'Entrar' }).click();
      await heading(page, 'Mi casa');
      noProblems(problems);
    },
  },
  {
    name: 'the admin screens: people, audit log and residences, in English and Spanish',
    run: async (ctx) => {
      const { page, problems } = await open(ctx, 'en');
      await signIn(page, ctx.server.url, ADMIN.username, ADMIN.password);
      await heading(page, 'Residences');
      await page.getByRole('link', { name: 'People' }).first().click();
      await heading(page, 'People');
      await page.getByText('Brianna D.').first().waitFor();
      await checkAccessibility(page, 'people (en)');
      await page.getByRole('link', { name: 'Audit log' }).first().click();
      await heading(page, 'Audit log');
      await page.getByText('Accepted an invitation').first().waitFor();
      await checkAccessibility(page, 'audit log (en)');
      // The admin switches to Spanish; the same screens follow.
      await page.getByRole('link', { name: 'My profile' }).first().click();
      await heading(page, 'My profile');
      await page.getByLabel('Language').selectOption('es');
      await heading(page, 'Mi perfil');
      await page.getByRole('link', { name: 'Residencias' }).first().click();
      await heading(page, 'Residencias');
      await checkAccessibility(page, 'residences (es)');
      await page.getByRole('link', { name: HOUSE }).first().click();
      await heading(page, HOUSE);
      await checkAccessibility(page, 'residence (es)');
      await page.getByRole('link', { name: 'Personas' }).first().click();
      await heading(page, 'Personas');
      await checkAccessibility(page, 'people (es)');
      await page.getByRole('link', { name: 'Registro de auditoría' }).first().click();
      await heading(page, 'Registro de auditoría');
      await checkAccessibility(page, 'audit log (es)');
      noProblems(problems);
    },
  },
];
