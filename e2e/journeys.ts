// The browser journeys, run in order against one fresh Hearth: first-run setup, then what people do
// next — on a 390×844 phone, in English and Spanish, with axe-core on every page.
import { checkAccessibility, expect } from './harness.ts';
import {
  ADMIN,
  acceptInvitation,
  daysAgo,
  HOUSE,
  heading,
  inviteResident,
  type Journey,
  noProblems,
  open,
  signIn,
} from './steps.ts';

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
      await heading(page, 'Hoy');
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
  {
    name: 'the admin makes Brianna the peer leader of her house',
    run: async (ctx) => {
      // The admin chose Spanish in an earlier journey.
      const { page, problems } = await open(ctx, 'es');
      await signIn(page, ctx.server.url, ADMIN.username, ADMIN.password, 'es');
      await heading(page, 'Residencias');
      await page.getByRole('link', { name: HOUSE }).first().click();
      await heading(page, HOUSE);
      await page.getByLabel('Residente', { exact: true }).selectOption({ label: 'Brianna D.' });
      await page.getByRole('button', { name: 'Nombrar líder de pares' }).click();
      await page.getByText('Brianna D. ahora es líder de pares', { exact: false }).waitFor();
      noProblems(problems);
    },
  },
  {
    name: 'a resident sets his recovery date, checks in asking for support, starts again, answers BARC-10 (Spanish)',
    run: async (ctx) => {
      const { page, problems } = await open(ctx, 'es');
      await signIn(page, ctx.server.url, 'carlos', 'carlos-password-1', 'es');
      await heading(page, 'Hoy');
      await page.getByRole('heading', { name: 'Tu tiempo en recuperación' }).waitFor();
      await checkAccessibility(page, 'today without a clock (es)');
      await page.getByLabel('Mi fecha de recuperación', { exact: true }).fill(daysAgo(94));
      await page.getByLabel('Quién ve este tiempo en recuperación').selectOption('house');
      await page.getByRole('button', { name: 'Guardar mi fecha de recuperación' }).click();
      const days = page.locator('.clock-days').first();
      await days.waitFor();
      const shown = (await days.textContent())?.trim() ?? '';
      expect(/^9[345] días$/.test(shown), `Expected about 94 days, saw "${shown}"`);
      await page
        .getByText(/^3 meses/)
        .first()
        .waitFor();
      await checkAccessibility(page, 'today with a clock (es)');

      // The 30-second check-in: a strong craving and a request for support.
      await page.getByRole('link', { name: 'Hacer mi registro' }).click();
      await heading(page, 'Registro diario');
      await checkAccessibility(page, 'check-in (es)');
      await page.getByRole('radio', { name: 'Bajo', exact: true }).check({ force: true });
      await page
        .getByRole('group', { name: /deseo de consumir/ })
        .getByRole('radio', { name: '8', exact: true })
        .check({ force: true });
      await page.getByLabel('Horas que dormiste anoche').fill('6');
      await page.getByRole('checkbox', { name: 'Soledad' }).check();
      await page.getByLabel('Algo por lo que estoy agradecido', { exact: false }).fill('Mi hermana llamó');
      await page.getByRole('checkbox', { name: 'Hoy me vendría bien apoyo' }).check();
      await page.getByRole('radio', { name: /^Emocional/ }).check({ force: true });
      await checkAccessibility(page, 'check-in filled in (es)');
      // The connection drops: the check-in waits on the phone and is sent when it returns, once.
      await page.context().setOffline(true);
      await page.getByRole('button', { name: 'Guardar mi registro' }).click();
      await page.getByText('Parece que no tienes conexión', { exact: false }).waitFor();
      await checkAccessibility(page, 'check-in kept offline (es)');
      await page.context().setOffline(false);
      await page.getByText('Se envió tu registro pendiente.').waitFor();
      // The browser logs the requests that failed while offline; those were expected.
      const offline = problems.filter((p) => p.includes('ERR_INTERNET_DISCONNECTED'));
      problems.splice(0, problems.length, ...problems.filter((p) => !offline.includes(p)));
      // Editable the same day, with the end-of-day reflection.
      await page.getByRole('heading', { name: '¿Cómo te fue hoy?' }).waitFor();
      await page.getByRole('button', { name: 'Guardar cambios' }).click();
      await page.getByText('Tu registro está guardado', { exact: false }).waitFor();
      await page.getByRole('radio', { name: 'Difícil', exact: true }).check({ force: true });
      await page.getByRole('button', { name: 'Guardar cómo me fue' }).click();
      await page.getByText('Guardado. Que descanses.').waitFor();
      await checkAccessibility(page, 'check-in done (es)');
      await page.getByRole('link', { name: 'Volver a hoy' }).click();
      await heading(page, 'Hoy');
      await page.getByText('Ya hiciste tu registro de hoy', { exact: false }).waitFor();

      // A new start, told kindly; the history stays.
      await page.getByRole('button', { name: 'Registrar un nuevo comienzo' }).click();
      await page.getByText('Empezar de nuevo requiere valor', { exact: false }).waitFor();
      await checkAccessibility(page, 'reset (es)');
      await page.getByRole('button', { name: 'Empezar de nuevo desde esta fecha' }).click();
      await page.getByText('Tu nuevo comienzo está guardado', { exact: false }).waitFor();
      await page
        .getByText(/^0 días$/)
        .first()
        .waitFor();
      await page.getByText(/Periodo más largo: 9\d días/).waitFor();
      await page.getByText('1 nuevo comienzo hasta ahora').waitFor();
      await checkAccessibility(page, 'today after a new start (es)');

      // BARC-10: ten statements, six answers each; the total and the FHIR export.
      await page.getByRole('link', { name: 'Mi BARC-10 (capital de recuperación)' }).click();
      await heading(page, 'BARC-10: mi capital de recuperación');
      await checkAccessibility(page, 'BARC-10 (es)');
      const statements = page.locator('.barc-form fieldset');
      expect((await statements.count()) === 10, 'BARC-10 shows ten statements');
      for (let i = 0; i < 10; i++)
        await statements
          .nth(i)
          .getByRole('radio', { name: i < 7 ? 'De acuerdo' : 'Muy de acuerdo', exact: true })
          .check({ force: true });
      await page.getByRole('button', { name: 'Guardar mis respuestas' }).click();
      await page.getByText('Tu total: 53 de 60.').first().waitFor();
      await page
        .getByRole('link', { name: /Descargar en FHIR/ })
        .first()
        .waitFor();
      await page.locator('.chart svg').first().waitFor();
      await checkAccessibility(page, 'BARC-10 answered (es)');

      // My progress charts, each with its table.
      await page.goto(`${ctx.server.url}/progress`);
      await heading(page, 'Mi progreso');
      await page.locator('.chart svg').first().waitFor();
      await page.getByText('Ver como tabla').first().click();
      await page.getByRole('table').first().waitFor();
      await checkAccessibility(page, 'progress (es)');
      noProblems(problems);
    },
  },
  {
    name: 'the peer leader checks in, sees the signals without private words and acknowledges one (English)',
    run: async (ctx) => {
      const { page, problems } = await open(ctx, 'en');
      await signIn(page, ctx.server.url, 'brianna', 'brianna-password-1');
      await heading(page, 'Today');
      await checkAccessibility(page, 'today without a clock (en)');
      await page.getByLabel('My recovery date', { exact: true }).fill(daysAgo(30));
      await page.getByLabel('What this clock is for (optional)').fill('Alcohol');
      await page.getByLabel('Who sees this recovery time').selectOption('house');
      await page.getByRole('button', { name: 'Save my recovery date' }).click();
      await page.getByRole('heading', { name: 'Alcohol' }).waitFor();
      await page.locator('.clock-days').first().waitFor();
      await checkAccessibility(page, 'today with a clock (en)');
      await page.getByRole('link', { name: 'Check in' }).click();
      await heading(page, 'Daily check-in');
      await page.getByRole('radio', { name: 'Good', exact: true }).check({ force: true });
      await page
        .getByRole('group', { name: /craving/ })
        .getByRole('radio', { name: '2', exact: true })
        .check({ force: true });
      await checkAccessibility(page, 'check-in (en)');
      await page.getByRole('button', { name: 'Save my check-in' }).click();
      await page.getByText('Your check-in is saved', { exact: false }).waitFor();
      await page.getByRole('link', { name: 'Back to today' }).click();
      await page.getByText('You checked in today', { exact: false }).waitFor();

      await page.getByRole('link', { name: 'My house' }).first().click();
      await heading(page, 'My house');
      await page.getByRole('heading', { name: 'Celebrations this week' }).waitFor();
      await checkAccessibility(page, 'my house as peer leader (en)');
      await page.getByRole('link', { name: 'Open the peer leader view' }).click();
      await heading(page, `Support for ${HOUSE}`);
      await page.getByText('Carlos M.: Strong craving').waitFor();
      await page.getByText('Carlos M.: Asked for support').waitFor();
      await page.getByText('Carlos M.: A new start').waitFor();
      expect(
        (await page.getByText('Mi hermana llamó').count()) === 0,
        'The peer leader must never see the words of a check-in',
      );
      await page.locator('.chart svg').first().waitFor();
      await checkAccessibility(page, 'peer leader view (en)');
      await page.getByRole('button', { name: 'Acknowledge for Carlos M.' }).first().click();
      await page.getByLabel('A short note').fill('Talked with him after dinner.');
      await checkAccessibility(page, 'acknowledging a signal (en)');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Talked with him after dinner.', { exact: false }).waitFor();
      const acknowledged = page.locator('section', {
        has: page.getByRole('heading', { name: 'Acknowledged' }),
      });
      await acknowledged.getByText('Talked with him after dinner.', { exact: false }).waitFor();

      await page.goto(`${ctx.server.url}/barc10`);
      await heading(page, 'BARC-10: my recovery capital');
      await page.getByText('There are more important things to me in life than using substances.').waitFor();
      await checkAccessibility(page, 'BARC-10 (en)');
      await page.goto(`${ctx.server.url}/progress`);
      await heading(page, 'My progress');
      await page.locator('.chart svg').first().waitFor();
      await checkAccessibility(page, 'progress (en)');
      noProblems(problems);
    },
  },
  {
    name: 'the house celebrates: a peer sees the milestone she chose to share and congratulates (Spanish)',
    run: async (ctx) => {
      const { page, problems } = await open(ctx, 'es');
      await signIn(page, ctx.server.url, 'carlos', 'carlos-password-1', 'es');
      await heading(page, 'Hoy');
      await page.getByRole('link', { name: 'Mi casa' }).first().click();
      await heading(page, 'Mi casa');
      await page.getByRole('heading', { name: 'Celebraciones de esta semana' }).waitFor();
      await page.getByText('Brianna D. llegó a 30 días').waitFor();
      await checkAccessibility(page, 'my house with celebrations (es)');
      await page.getByRole('button', { name: 'Felicitar para Brianna D.' }).click();
      await page.getByText('Ya felicitaste').waitFor();
      await page.getByText('1 felicitación').first().waitFor();
      noProblems(problems);
    },
  },
];
