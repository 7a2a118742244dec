// The sign-in form in the page itself: on a phone whose app code has not arrived yet, the form is
// already there and signs in with no script; when the code arrives, it draws the same screen over it
// and keeps what the person typed. In English and Spanish, at 390×844, with axe.
import { expect, test } from './fixtures.ts';
import { checkPage, heading, noProblems, open } from './steps.ts';

test('before the app’s code arrives, the page’s own form signs in, in English', async ({ ctx, house }) => {
  const { page, problems } = await open(ctx, 'en');
  // The app's code never arrives on this phone: only the page itself is there.
  await page.route('**/assets/*.js', (route) => route.abort());
  await page.goto(`${ctx.server.url}/sign-in`);
  await expect(page.locator('[data-first-screen="sign-in"]')).toBeVisible();
  await heading(page, 'Sign in');
  await checkPage(page, 'the sign-in form in the page, English');

  await page.getByLabel('Password', { exact: true }).fill('not-my-password');
  await page.getByLabel('Username or email').fill(house.brianna.username);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/sign-in\?problem=auth\.sign_in_failed$/);
  await expect(page.getByRole('alert')).toContainText('That username or password did not match.');
  await checkPage(page, 'the sign-in form in the page with its problem');

  await page.getByLabel('Username or email').fill(house.brianna.username);
  await page.getByLabel('Password', { exact: true }).fill(house.brianna.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${ctx.server.url}/`);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name === 'hearth_session' && c.httpOnly)).toBe(true);

  // Once the code can arrive, the same phone is simply signed in.
  await page.unroute('**/assets/*.js');
  await page.reload();
  await heading(page, 'Today');
  // Aborted scripts are the test's doing, not the page's.
  noProblems(problems.filter((p) => !p.includes('net::ERR_FAILED')));
});

test('what a person typed before the code arrived stays when the app draws its screen, in Spanish', async ({
  ctx,
  house,
}) => {
  const { page, problems } = await open(ctx, 'es');
  // Hold the app's code back until the person has typed.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/assets/index-*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${ctx.server.url}/sign-in`, { waitUntil: 'commit' });
  await heading(page, 'Iniciar sesión');
  await expect(page.locator('[data-first-screen="sign-in"]')).toBeVisible();
  await page.getByLabel('Usuario o correo electrónico').fill(house.carlos.username);
  await page.getByLabel('Contraseña', { exact: true }).fill(house.carlos.password);
  release();
  // The app's own screen replaces the page's (its form has no id of the page's), with the words typed.
  await expect(page.locator('[data-first-screen="sign-in"]')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByLabel('Usuario o correo electrónico')).toHaveValue(house.carlos.username);
  await expect(page.getByLabel('Contraseña', { exact: true })).toHaveValue(house.carlos.password);
  await expect(page.getByLabel('Contraseña', { exact: true })).toBeFocused();
  await checkPage(page, 'the app’s sign-in screen over the page’s, Spanish');
  await page.getByRole('button', { name: 'Entrar' }).click();
  await heading(page, 'Hoy');
  noProblems(problems);
});
