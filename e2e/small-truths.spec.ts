// Browser journeys for the small truths of the phone-first work: the language chosen on the sign-in
// screen wins over the account's, meeting times in the house's zone, the first-day welcome, and
// offering to mentor a newcomer. A house of each journey's own; axe and the phone's width on each screen.
import { expect, test } from './fixtures.ts';
import { checkPage, heading, noProblems, open, signIn } from './steps.ts';

test('Español chosen on the sign-in screen stays after signing in, and is saved to the profile', async ({
  ctx,
  house,
}) => {
  // Brianna's account speaks English; her phone's browser too.
  const { page, problems } = await open(ctx, 'en');
  await page.goto(`${ctx.server.url}/sign-in`);
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByLabel('Usuario o correo electrónico').waitFor();
  await page.getByLabel('Usuario o correo electrónico').fill(house.brianna.username);
  await page.getByLabel('Contraseña', { exact: true }).fill(house.brianna.password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await heading(page, 'Hoy');
  await checkPage(page, 'today after choosing Español (es)');
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`${ctx.server.url}/api/me`)).json()) as { language: string })
          .language,
    )
    .toBe('es');
  await page.reload();
  await heading(page, 'Hoy');
  noProblems(problems);
});
