// Steps the browser journeys share: opening a phone page, signing in, waiting for a heading.
import type { Browser, Page } from 'playwright-core';
import { expect, type Lang, phoneContext, type Server } from './harness.ts';

export type JourneyState = Record<string, string>;
export type JourneyContext = { server: Server; browser: Browser; state: JourneyState };
export type Journey = {
  name: string;
  run: (ctx: JourneyContext & { track: (page: Page) => void }) => Promise<void>;
};

export const ADMIN = { username: 'morgan', password: 'a-long-admin-password' };
export const HOUSE = 'Maple House';

export async function open(ctx: JourneyContext & { track: (page: Page) => void }, lang: Lang) {
  const { page, problems } = await phoneContext(ctx.browser, lang);
  ctx.track(page);
  return { page, problems };
}

export async function heading(page: Page, text: string) {
  await page.getByRole('heading', { level: 1, name: text }).waitFor({ timeout: 15_000 });
}

/** A calendar date some days before today (YYYY-MM-DD). */
export function daysAgo(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export function noProblems(problems: string[]) {
  expect(problems.length === 0, `The page reported problems:\n${problems.join('\n')}`);
}

export async function signIn(page: Page, url: string, login: string, password: string, lang: Lang = 'en') {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel(lang === 'es' ? 'Usuario o correo electrónico' : 'Username or email').fill(login);
  await page.getByLabel(lang === 'es' ? 'Contraseña' : 'Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: lang === 'es' ? 'Entrar' : 'Sign in' }).click();
}

/** Creates an invitation for the house from its admin page and returns the link shown once. */
export async function inviteResident(page: Page): Promise<string> {
  await page.getByLabel('Role').selectOption('resident');
  await page.getByRole('button', { name: 'Create invitation' }).click();
  const link = page.locator('.invitation-link');
  await link.waitFor();
  return (await link.textContent())?.trim() ?? '';
}

export async function acceptInvitation(
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
