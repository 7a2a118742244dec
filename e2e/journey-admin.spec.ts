// Browser journeys of the recovery journey's admin and clock screens: an admin changes a signal threshold
// and assigns a counselor (Spanish, the admin's language); a resident renames a clock and puts it away,
// finding it under past clocks (English).
import { expect, type House, type JourneyContext, type Person, test } from './fixtures.ts';
import { acceptInvitation, checkPage, daysAgo, heading, inMenu, noProblems, open, signIn } from './steps.ts';
import { signedIn } from './world.ts';

type C = JourneyContext & { house: House; admin: Person };

const [thresholds, clocks] = [
  {
    name: 'the admin changes a signal threshold and assigns a counselor to a resident (Spanish)',
    run: async (c: C) => {
      const { page, problems } = await open(c, 'es');
      await signIn(page, c.server.url, c.admin.username, c.admin.password, 'es');
      await heading(page, 'Residencias');

      // Signal thresholds: a value out of range is named, a good one is saved.
      await (await inMenu(page, 'Señales', { exact: true })).click();
      await heading(page, 'Señales de alerta temprana');
      await page.getByText('Ahora: deseo de consumir de 8 o más', { exact: false }).waitFor();
      await checkPage(page, 'signal thresholds (es)');
      const craving = page.getByLabel('Un deseo de consumir igual o mayor que');
      await craving.fill('11');
      await page.getByRole('button', { name: 'Guardar los umbrales' }).click();
      await page
        .locator('.field-error')
        .getByText('Un deseo de consumir igual o mayor que: escribe un número entero de 1 a 10.')
        .waitFor();
      await checkPage(page, 'signal thresholds with a problem (es)');
      await craving.fill('7');
      await page.getByLabel('Días sin registro').fill('4');
      await page.getByRole('button', { name: 'Guardar los umbrales' }).click();
      await page.getByText('Guardado. Desde ahora', { exact: false }).waitFor();
      await page.getByText('Ahora: deseo de consumir de 7 o más', { exact: false }).waitFor();
      await checkPage(page, 'signal thresholds saved (es)');
      // Back to the usual lines, so later journeys meet the defaults.
      await craving.fill('8');
      await page.getByLabel('Días sin registro').fill('3');
      await page.getByRole('button', { name: 'Guardar los umbrales' }).click();
      await page
        .getByText('Ahora: deseo de consumir de 8 o más, ánimo de 1 o menos, 3 días', { exact: false })
        .waitFor();

      // A counselor joins by invitation…
      await page.getByRole('link', { name: 'Personas' }).first().click();
      await heading(page, 'Personas');
      await page.getByRole('button', { name: 'Invitar a alguien' }).click();
      await page.getByLabel('Rol', { exact: true }).selectOption('counselor');
      await page.getByRole('button', { name: 'Crear invitación' }).click();
      const link = page.locator('.invitation-link');
      await link.waitFor();
      const invitation = (await link.textContent())?.trim() ?? '';
      expect(invitation, 'Expected an invitation link').toContain('/invite/');
      const counselor = await open(c, 'es');
      await acceptInvitation(
        counselor.page,
        invitation,
        { first: 'Dana', last: 'Okafor', username: 'dana', password: 'dana-password-1' },
        { first: 'Nombre', last: 'Apellido', username: 'Usuario', password: 'Contraseña' },
      );
      await counselor.page.getByRole('button', { name: 'Crear mi cuenta' }).click();
      await heading(counselor.page, 'Mi perfil');
      noProblems(counselor.problems);

      // …and the admin assigns her to Carlos, ends it, and assigns her again.
      await page.reload();
      await heading(page, 'Personas');
      const section = page.getByRole('region', { name: 'Consejeros y sus residentes' });
      await section.getByText('Todavía no hay asignaciones.').waitFor();
      await checkPage(page, 'counselor assignments (es)');
      await section.getByRole('button', { name: 'Asignar el consejero' }).click();
      await section.getByText('Residente: elige una opción.').first().waitFor();
      await checkPage(page, 'counselor assignment with a problem (es)');
      await section.getByLabel('Residente', { exact: true }).selectOption({ label: 'Carlos Mendoza' });
      await section.getByLabel('Consejero', { exact: true }).selectOption({ label: 'Dana Okafor' });
      await section.getByRole('button', { name: 'Asignar el consejero' }).click();
      await section.getByText('Dana Okafor es ahora consejero de Carlos Mendoza.').waitFor();
      await section.getByText('Carlos Mendoza con Dana Okafor', { exact: true }).waitFor();
      await checkPage(page, 'counselor assigned (es)');
      await section.getByRole('button', { name: /^Terminar la asignación de Carlos Mendoza/ }).click();
      await section.getByText('Terminó la asignación de Carlos Mendoza con Dana Okafor.').waitFor();
      await section.getByText('Todavía no hay asignaciones.').waitFor();
      await section.getByLabel('Residente', { exact: true }).selectOption({ label: 'Carlos Mendoza' });
      await section.getByLabel('Consejero', { exact: true }).selectOption({ label: 'Dana Okafor' });
      await section.getByRole('button', { name: 'Asignar el consejero' }).click();
      await section.getByText('Carlos Mendoza con Dana Okafor', { exact: true }).waitFor();
      noProblems(problems);
    },
  },
  {
    name: 'a resident renames a clock, puts it away kindly and finds it under past clocks (English)',
    run: async (c: C) => {
      const { page, problems } = await open(c, 'en');
      await signIn(page, c.server.url, c.house.brianna.username, c.house.brianna.password);
      await heading(page, 'Today');
      await page.getByRole('heading', { name: 'Alcohol' }).waitFor();

      // A second clock, just for this.
      await page.getByText('Track another recovery date').click();
      const add = page.locator('.add-clock');
      await add.getByLabel('My recovery date', { exact: true }).fill(daysAgo(12));
      await add.getByLabel('What this clock is for (optional)').fill('Tobacco');
      await add.getByRole('button', { name: 'Save my recovery date' }).click();
      const tobacco = page.getByRole('region', { name: 'Tobacco' });
      await tobacco.waitFor();

      // Renamed, and shown only to her.
      await tobacco.getByText('Change its name or who sees it').click();
      await tobacco.getByLabel('What this clock is for (optional)').fill('Nicotine');
      await tobacco.getByLabel('Who sees this recovery time').selectOption('only_me');
      await checkPage(page, 'clock settings (en)');
      await tobacco.getByRole('button', { name: 'Save changes' }).click();
      const nicotine = page.getByRole('region', { name: 'Nicotine' });
      await nicotine.waitFor();
      await nicotine.getByText('Saved.').waitFor();

      // Put away, in kind words; the history stays hers under past clocks.
      await nicotine.getByRole('button', { name: 'Put this clock away' }).click();
      await nicotine.getByText('Putting a clock away is not a failure', { exact: false }).waitFor();
      await checkPage(page, 'put a clock away (en)');
      await nicotine.getByRole('button', { name: 'Put it away' }).click();
      await page.getByText('“Nicotine” is put away. Its history is under Past clocks.').waitFor();
      const past = page.getByRole('region', { name: 'Past clocks' });
      await past.getByRole('heading', { name: 'Nicotine' }).waitFor();
      await past.getByText(/^Put away on /).waitFor();
      await past.getByText('Longest stretch: 12 days').waitFor();
      expect(
        await page.getByRole('region', { name: 'Nicotine' }).count(),
        'A clock put away is no longer shown as a clock on Today',
      ).toBe(0);
      await page.getByRole('heading', { name: 'Alcohol' }).waitFor();
      await checkPage(page, 'past clocks (en)');
      noProblems(problems);
    },
  },
];

test(thresholds!.name, async ({ ctx, house, adminEs }) => {
  await thresholds!.run({ ...ctx, house, admin: adminEs });
});

test(clocks!.name, async ({ ctx, house }) => {
  // Her first clock, from the recovery journey: 30 days without alcohol, shown to her house.
  const brianna = await signedIn(ctx.server.url, house.brianna.username, house.brianna.password);
  const started = await brianna.post('/api/journey/clocks', {
    data: { label: 'Alcohol', startsOn: daysAgo(30), visibleTo: 'house' },
  });
  expect(started.status(), 'starting her clock').toBe(201);
  await brianna.dispose();
  await clocks!.run({ ...ctx, house, admin: null as unknown as Person });
});
