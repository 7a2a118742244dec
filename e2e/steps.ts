// Steps the browser journeys share: opening a phone, signing in, waiting for a heading.
import { expect, type Page } from '@playwright/test';
import { PHONE } from './checks.ts';
import type { JourneyContext, Lang } from './fixtures.ts';

export { checkPage } from './checks.ts';

export type Phone = { page: Page; problems: string[] };

/**
 * A phone (390×844) whose browser prefers the given language. Collects console errors (CSP too), page
 * errors, and any request that leaves Hearth's origin: a journey ends with noProblems(problems).
 */
export async function open(ctx: JourneyContext, lang: Lang, origin = ctx.server.url): Promise<Phone> {
  const context = await ctx.browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: lang === 'es' ? 'es-MX' : 'en-US',
  });
  ctx.track(context);
  const page = await context.newPage();
  const problems: string[] = [];
  const hearth = new URL(origin).origin;
  page.on('console', (msg) => {
    if (
      msg.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())
    )
      problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Nothing but Hearth itself: no third-party script, font, image or beacon, ever.
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && url.origin !== hearth) {
      problems.push(`third-party request: ${request.url()}`);
      ctx.offOrigin.push(request.url());
    }
  });
  return { page, problems };
}

export async function heading(page: Page, text: string) {
  await expect(page.getByRole('heading', { level: 1, name: text })).toBeVisible({ timeout: 15_000 });
}

/** A calendar date some days before today (YYYY-MM-DD). */
export function daysAgo(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export function noProblems(problems: string[]) {
  expect(problems, 'The page reported problems').toEqual([]);
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

/**
 * A place of the bottom navigation: in the bar, or one tap away under "More" (opened when needed). Returns
 * the link (or, with `role: 'button'`, a button such as Sign out) to click.
 */
export async function inMenu(
  page: Page,
  name: string | RegExp,
  { exact = false, role = 'link' }: { exact?: boolean; role?: 'link' | 'button' } = {},
) {
  const nav = page.getByRole('navigation', { name: /^(Main menu|Menú principal)$/ });
  const more = nav.getByRole('button', { name: /^(More|Más)$/ });
  await more.waitFor({ timeout: 20_000 });
  const target = nav.getByRole(role, { name, exact });
  if (!(await target.isVisible()) && (await more.getAttribute('aria-expanded')) !== 'true')
    await more.click();
  return target;
}
