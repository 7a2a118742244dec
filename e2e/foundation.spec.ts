// The foundation's browser journeys: first-run setup, a new house filling up by invitation, the admin
// screens, and a resident's and a peer leader's recovery journey — on a 390×844 phone, in English and
// Spanish, with axe-core and the phone's width checked on every page.
import { Chain } from './chain.ts';
import { expect, type House, type JourneyContext, type Person, test } from './fixtures.ts';
import {
  acceptInvitation,
  checkPage,
  daysAgo,
  heading,
  inMenu,
  inviteResident,
  noProblems,
  open,
  signIn,
} from './steps.ts';
import { ADMIN } from './world.ts';

/** The house the admin opens on screen (the other journeys' houses come from the API). */
const HOUSE = 'Maple House';

type C = JourneyContext & { server: { url: string; setupLink?: string | null }; house: House; admin: Person };

const journeys: { name: string; run: (c: C) => Promise<void> }[] = [
  {
    name: 'first-run setup: the printed link creates the organization and its first admin',
    run: async (c: C) => {
      const { page, problems } = await open(c, 'en');
      expect(c.server.setupLink, 'Hearth printed no setup link on its first start').toBeTruthy();
      await page.goto(c.server.setupLink!);
      await heading(page, 'Set up Hearth');
      await checkPage(page, 'setup (en)');
      await page.getByLabel('Organization name').fill('Sunrise Recovery Homes');
      await page.getByLabel('First name').fill('Morgan');
      await page.getByLabel('Last name').fill('Reed');
      await page.getByLabel('Username').fill(ADMIN.username);
      await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
      await page.getByRole('button', { name: 'Create the organization' }).click();
      await heading(page, 'Residences');
      await checkPage(page, 'residences (en)');
      // The link works once: opening it again says Hearth is set up.
      await page.goto(c.server.setupLink!);
      await page.getByText('Hearth is already set up', { exact: false }).waitFor();
      noProblems(problems);
    },
  },
  {
    name: 'an admin opens a residence and invites two residents by link',
    run: async (c: C) => {
      const { page, problems } = await open(c, 'en');
      await signIn(page, c.server.url, c.admin.username, c.admin.password);
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
      await checkPage(page, 'residence (en)');
      c.state.linkEn = await inviteResident(page);
      expect(c.state.linkEn, 'Expected an invitation link').toContain('/invite/');
      await checkPage(page, 'invitation ready (en)');
      await page.getByRole('button', { name: 'Invite someone else' }).click();
      c.state.linkEs = await inviteResident(page);
      expect(c.state.linkEs, 'Each invitation needs its own link').not.toBe(c.state.linkEn);
      noProblems(problems);
    },
  },
  {
    name: 'a resident accepts an invitation and sees her house (English)',
    run: async (c: C) => {
      const { page, problems } = await open(c, 'en');
      await acceptInvitation(
        page,
        c.state.linkEn!,
        { first: 'Brianna', last: 'Diaz', username: 'brianna', password: 'brianna-password-1' },
        { first: 'First name', last: 'Last name', username: 'Username', password: 'Password' },
      );
      await heading(page, 'Welcome to Hearth');
      await page.getByText(HOUSE).first().waitFor();
      await checkPage(page, 'accept invitation (en)');
      await page.getByRole('button', { name: 'Create my account' }).click();
      await heading(page, 'My house');
      await page.getByText(HOUSE).first().waitFor();
      await page.getByText('Brianna D.').first().waitFor();
      expect(
        await page.getByText('Diaz').count(),
        'A last name must never be shown in full on the house page',
      ).toBe(0);
      await checkPage(page, 'my house (en)');
      await (await inMenu(page, 'My profile')).click();
      await heading(page, 'My profile');
      await checkPage(page, 'my profile (en)');
      await page.getByRole('link', { name: 'My signed-in devices' }).click();
      await heading(page, 'My signed-in devices');
      await page.getByText('This device', { exact: true }).waitFor();
      await checkPage(page, 'my sessions (en)');
      await (await inMenu(page, 'Sign out', { role: 'button' })).click();
      await heading(page, 'Sign in');
      await checkPage(page, 'sign in (en)');
      // The same code cannot be used twice.
      await page.goto(c.state.linkEn!);
      await page.getByText('already been used', { exact: false }).first().waitFor();
      noProblems(problems);
    },
  },
  {
    name: 'a resident accepts an invitation and sees his house (Spanish)',
    run: async (c: C) => {
      const { page, problems } = await open(c, 'es');
      await acceptInvitation(
        page,
        c.state.linkEs!,
        { first: 'Carlos', last: 'Mendoza', username: 'carlos', password: 'carlos-password-1' },
        { first: 'Nombre', last: 'Apellido', username: 'Usuario', password: 'Contraseña' },
      );
      await heading(page, 'Te damos la bienvenida a Hearth');
      await checkPage(page, 'accept invitation (es)');
      await page.getByRole('button', { name: 'Crear mi cuenta' }).click();
      await heading(page, 'Mi casa');
      await page.getByText('Carlos M.').first().waitFor();
      await page.getByText('Brianna D.').first().waitFor();
      await checkPage(page, 'my house (es)');
      await (await inMenu(page, 'Mi perfil')).click();
      await heading(page, 'Mi perfil');
      await checkPage(page, 'my profile (es)');
      await page.getByRole('link', { name: 'Mis dispositivos con sesión iniciada' }).click();
      await heading(page, 'Mis dispositivos con sesión iniciada');
      await checkPage(page, 'my sessions (es)');
      noProblems(problems);
    },
  },
  {
    name: 'sign-in, reset and invitation-code pages in Spanish; a wrong password is refused kindly',
    run: async (c: C) => {
      const { page, problems } = await open(c, 'es');
      await page.goto(`${c.server.url}/sign-in`);
      await heading(page, 'Iniciar sesión');
      await checkPage(page, 'sign in (es)');
      await page.getByLabel('Usuario o correo electrónico').fill('carlos');
      await page.getByLabel('Contraseña', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: 'Entrar' }).click();
      await page.getByRole('alert').first().waitFor();
      await checkPage(page, 'sign in with an error (es)');
      await page.goto(`${c.server.url}/reset-password`);
      await heading(page, 'Elige una contraseña nueva');
      await checkPage(page, 'reset password (es)');
      await page.goto(`${c.server.url}/invite`);
      await heading(page, 'Únete con un código de invitación');
      await checkPage(page, 'invitation code (es)');
      await page.goto(`${c.server.url}/no-such-page`);
      await heading(page, 'No encontramos esta página');
      await checkPage(page, 'not found (es)');
      // The right password still works after one mistake.
      await page.goto(`${c.server.url}/sign-in`);
      await page.getByLabel('Usuario o correo electrónico').fill('carlos');
      await page.getByLabel('Contraseña', { exact: true }).fill('carlos-password-1');
      await page.getByRole('button', { name: 'Entrar' }).click();
      await heading(page, 'Hoy');
      noProblems(problems);
    },
  },
  {
    name: 'the admin screens: people, audit log and residences, in English and Spanish',
    run: async (c: C) => {
      const { page, problems } = await open(c, 'en');
      await signIn(page, c.server.url, c.admin.username, c.admin.password);
      await heading(page, 'Residences');
      await page.getByRole('link', { name: 'People' }).first().click();
      await heading(page, 'People');
      await page.getByText('Brianna D.').first().waitFor();
      await checkPage(page, 'people (en)');
      await page.getByRole('link', { name: 'Audit log' }).first().click();
      await heading(page, 'Audit log');
      await page.getByText('Accepted an invitation').first().waitFor();
      // Every action and record in words, never a raw code like people.list.
      const codes = /^[a-z_-]+(\.[a-z_-]+)+$/;
      const actions = await page.locator('td[data-label="Action"]').allTextContents();
      expect(actions.length, 'the log has entries').toBeGreaterThan(0);
      expect(actions.filter((text) => codes.test(text.trim()))).toEqual([]);
      const subjects = await page.locator('td[data-label="Subject"]').allTextContents();
      expect(subjects.filter((text) => /^[a-z]+(_[a-z]+)*\b/.test(text.trim()))).toEqual([]);
      await checkPage(page, 'audit log (en)');
      // The admin switches to Spanish; the same screens follow.
      await (await inMenu(page, 'My profile')).click();
      await heading(page, 'My profile');
      await page.getByLabel('Language').selectOption('es');
      await heading(page, 'Mi perfil');
      await page.getByRole('link', { name: 'Residencias' }).first().click();
      await heading(page, 'Residencias');
      await checkPage(page, 'residences (es)');
      await page.getByRole('link', { name: c.house.name }).first().click();
      await heading(page, c.house.name);
      await checkPage(page, 'residence (es)');
      await page.getByRole('link', { name: 'Personas' }).first().click();
      await heading(page, 'Personas');
      await checkPage(page, 'people (es)');
      await page.getByRole('link', { name: 'Registro de auditoría' }).first().click();
      await heading(page, 'Registro de auditoría');
      await page.getByText('Aceptó una invitación').first().waitFor();
      await page.getByText('Consultó la lista de personas').first().waitFor();
      await checkPage(page, 'audit log (es)');
      noProblems(problems);
    },
  },
  {
    name: 'the admin makes Brianna the peer leader of her house',
    run: async (c: C) => {
      // The admin chose Spanish in an earlier journey.
      const { page, problems } = await open(c, 'es');
      await signIn(page, c.server.url, c.admin.username, c.admin.password, 'es');
      await heading(page, 'Residencias');
      await page.getByRole('link', { name: c.house.name }).first().click();
      await heading(page, c.house.name);
      await page.getByLabel('Residente', { exact: true }).selectOption({ label: 'Brianna D.' });
      await page.getByRole('button', { name: 'Nombrar líder de pares' }).click();
      await page.getByText('Brianna D. ahora es líder de pares', { exact: false }).waitFor();
      noProblems(problems);
    },
  },
  {
    name: 'a resident sets his recovery date, checks in asking for support, starts again, answers BARC-10 (Spanish)',
    run: async (c: C) => {
      const { page, problems } = await open(c, 'es');
      await signIn(page, c.server.url, c.house.carlos.username, c.house.carlos.password, 'es');
      await heading(page, 'Hoy');
      await page.getByRole('heading', { name: 'Tu tiempo en recuperación' }).waitFor();
      await checkPage(page, 'today without a clock (es)');
      await page.getByLabel('Mi fecha de recuperación', { exact: true }).fill(daysAgo(94));
      await page.getByLabel('Quién ve este tiempo en recuperación').selectOption('house');
      await page.getByRole('button', { name: 'Guardar mi fecha de recuperación' }).click();
      const days = page.locator('.clock-days').first();
      await days.waitFor();
      const shown = (await days.textContent())?.trim() ?? '';
      expect(shown, 'Expected about 94 days').toMatch(/^9[345] días$/);
      await page
        .getByText(/^3 meses/)
        .first()
        .waitFor();
      await checkPage(page, 'today with a clock (es)');

      // The 30-second check-in: a strong craving and a request for support.
      await page.getByRole('link', { name: 'Hacer mi registro' }).click();
      await heading(page, 'Registro diario');
      await checkPage(page, 'check-in (es)');
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
      await checkPage(page, 'check-in filled in (es)');
      // The connection drops: the check-in waits on the phone and is sent when it returns, once.
      await page.context().setOffline(true);
      await page.getByRole('button', { name: 'Guardar mi registro' }).click();
      await page.getByText('Parece que no tienes conexión', { exact: false }).waitFor();
      await checkPage(page, 'check-in kept offline (es)');
      await page.context().setOffline(false);
      await page.getByText('Se envió tu registro pendiente.').waitFor();
      // The browser logs the requests that failed while offline; those were expected.
      const offline = problems.filter((p) => p.includes('ERR_INTERNET_DISCONNECTED'));
      problems.splice(0, problems.length, ...problems.filter((p) => !offline.includes(p)));
      // Editable the same day, with the end-of-day reflection.
      await page.getByRole('heading', { name: '¿Cómo te fue hoy?' }).waitFor();
      await page.getByRole('button', { name: 'Guardar cambios' }).click();
      await page.getByText('Guardado: ya hiciste tu registro de hoy', { exact: false }).waitFor();
      await page.getByRole('radio', { name: 'Difícil', exact: true }).check({ force: true });
      await page.getByRole('button', { name: 'Guardar cómo me fue' }).click();
      await page.getByText('Guardado. Que descanses.').waitFor();
      await checkPage(page, 'check-in done (es)');
      await page.getByRole('link', { name: 'Volver a hoy' }).click();
      await heading(page, 'Hoy');
      await page.getByText('Ya hiciste tu registro de hoy', { exact: false }).waitFor();

      // A new start, told kindly; the history stays.
      await page.getByRole('button', { name: 'Registrar un nuevo comienzo' }).click();
      await page.getByText('Empezar de nuevo requiere valor', { exact: false }).waitFor();
      await checkPage(page, 'reset (es)');
      await page.getByRole('button', { name: 'Empezar de nuevo desde esta fecha' }).click();
      await page.getByText('Tu nuevo comienzo está guardado', { exact: false }).waitFor();
      await page
        .getByText(/^0 días$/)
        .first()
        .waitFor();
      await page.getByText(/Periodo más largo: 9\d días/).waitFor();
      await page.getByText('1 nuevo comienzo hasta ahora').waitFor();
      await checkPage(page, 'today after a new start (es)');

      // BARC-10: ten statements, six answers each; the total and the FHIR export.
      await page.getByRole('link', { name: 'Mi BARC-10 (capital de recuperación)' }).click();
      await heading(page, 'BARC-10: mi capital de recuperación');
      await checkPage(page, 'BARC-10 (es)');
      const statements = page.locator('.barc-form fieldset');
      expect(await statements.count(), 'BARC-10 shows ten statements').toBe(10);
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
      await checkPage(page, 'BARC-10 answered (es)');

      // My progress charts, each with its table.
      await page.goto(`${c.server.url}/progress`);
      await heading(page, 'Mi progreso');
      await page.locator('.chart svg').first().waitFor();
      await page.getByText('Ver como tabla').first().click();
      await page.getByRole('table').first().waitFor();
      await checkPage(page, 'progress (es)');
      noProblems(problems);
    },
  },
  {
    name: 'the peer leader checks in, sees the signals without private words and acknowledges one (English)',
    run: async (c: C) => {
      const { page, problems } = await open(c, 'en');
      await signIn(page, c.server.url, c.house.brianna.username, c.house.brianna.password);
      await heading(page, 'Today');
      await checkPage(page, 'today without a clock (en)');
      await page.getByLabel('My recovery date', { exact: true }).fill(daysAgo(30));
      await page.getByLabel('What this clock is for (optional)').fill('Alcohol');
      await page.getByLabel('Who sees this recovery time').selectOption('house');
      await page.getByRole('button', { name: 'Save my recovery date' }).click();
      await page.getByRole('heading', { name: 'Alcohol' }).waitFor();
      await page.locator('.clock-days').first().waitFor();
      await checkPage(page, 'today with a clock (en)');
      await page.getByRole('link', { name: 'Check in' }).click();
      await heading(page, 'Daily check-in');
      await page.getByRole('radio', { name: 'Good', exact: true }).check({ force: true });
      await page
        .getByRole('group', { name: /craving/ })
        .getByRole('radio', { name: '2', exact: true })
        .check({ force: true });
      await checkPage(page, 'check-in (en)');
      await page.getByRole('button', { name: 'Save my check-in' }).click();
      await page.getByText('Saved — you checked in today', { exact: false }).waitFor();
      await page.getByRole('link', { name: 'Back to today' }).click();
      await page.getByText('You checked in today', { exact: false }).waitFor();

      await page.getByRole('link', { name: 'My house' }).first().click();
      await heading(page, 'My house');
      await page.getByRole('heading', { name: 'Celebrations this week' }).waitFor();
      await checkPage(page, 'my house as peer leader (en)');
      await page.getByRole('link', { name: 'Open the peer leader view' }).click();
      await heading(page, `Support for ${c.house.name}`);
      await page.getByText('Carlos M.: Strong craving').waitFor();
      await page.getByText('Carlos M.: Asked for support').waitFor();
      await page.getByText('Carlos M.: A new start').waitFor();
      expect(
        await page.getByText('Mi hermana llamó').count(),
        'The peer leader must never see the words of a check-in',
      ).toBe(0);
      await page.locator('.chart svg').first().waitFor();
      await checkPage(page, 'peer leader view (en)');
      await page.getByRole('button', { name: 'Acknowledge for Carlos M.' }).first().click();
      await page.getByLabel('A short note').fill('Talked with him after dinner.');
      await checkPage(page, 'acknowledging a signal (en)');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Talked with him after dinner.', { exact: false }).waitFor();
      const acknowledged = page.locator('section', {
        has: page.getByRole('heading', { name: 'Acknowledged' }),
      });
      await acknowledged.getByText('Talked with him after dinner.', { exact: false }).waitFor();

      await page.goto(`${c.server.url}/barc10`);
      await heading(page, 'BARC-10: my recovery capital');
      await page.getByText('There are more important things to me in life than using substances.').waitFor();
      await checkPage(page, 'BARC-10 (en)');
      await page.goto(`${c.server.url}/progress`);
      await heading(page, 'My progress');
      await page.locator('.chart svg').first().waitFor();
      await checkPage(page, 'progress (en)');
      noProblems(problems);
    },
  },
  {
    name: 'the house celebrates: a peer sees the milestone she chose to share and congratulates (Spanish)',
    run: async (c: C) => {
      const { page, problems } = await open(c, 'es');
      await signIn(page, c.server.url, c.house.carlos.username, c.house.carlos.password, 'es');
      await heading(page, 'Hoy');
      await page.getByRole('link', { name: 'Mi casa' }).first().click();
      await heading(page, 'Mi casa');
      await page.getByRole('heading', { name: 'Celebraciones de esta semana' }).waitFor();
      await page.getByText('Brianna D. llegó a 30 días').waitFor();
      await checkPage(page, 'my house with celebrations (es)');
      await page.getByRole('button', { name: 'Felicitar para Brianna D.' }).click();
      await page.getByText('Ya felicitaste').waitFor();
      await page.getByText('1 felicitación').first().waitFor();
      noProblems(problems);
    },
  },
];

const [firstRun, opensHouse, acceptsEn, acceptsEs, spanishPages, adminScreens, namesPeerLeader, ...recovery] =
  journeys as [(typeof journeys)[number], ...(typeof journeys)[number][]];

test(firstRun!.name, async ({ ctx, freshHearth }) => {
  await firstRun!.run({
    ...ctx,
    server: { url: freshHearth.url, setupLink: freshHearth.setupLink },
    house: null as unknown as House,
    admin: null as unknown as Person,
  });
});

test(adminScreens!.name, async ({ ctx, house, adminEn }) => {
  await adminScreens!.run({ ...ctx, house, admin: adminEn });
});

test(namesPeerLeader!.name, async ({ ctx, world, adminEs }) => {
  const house = await world.newHouse({ peerLeader: false });
  await namesPeerLeader!.run({ ...ctx, house, admin: adminEs });
});

/** A new house fills up: the invitation links one journey makes are the next ones' (state). */
test.describe
  .serial('a new house and its first residents', () => {
    const chain = new Chain<C>();
    for (const j of [opensHouse!, acceptsEn!, acceptsEs!, spanishPages!]) chain.add(j.name, j.run);
    const state = {};
    let admin: Person;
    test.beforeAll(async ({ world }) => {
      admin = await world.newAdmin('en');
    });
    for (const name of chain.names)
      test(name, async ({ ctx }) => {
        await chain.run(name, { ...ctx, state, house: null as unknown as House, admin });
      });
  });

/** One house's recovery journey: Carlos's check-in is what his peer leader sees, her clock what he celebrates. */
test.describe
  .serial('a recovery journey in one house', () => {
    const chain = new Chain<C>();
    for (const j of recovery) chain.add(j.name, j.run);
    let house: House;
    test.beforeAll(async ({ world }) => {
      house = await world.newHouse();
    });
    for (const name of chain.names)
      test(name, async ({ ctx }) => {
        await chain.run(name, { ...ctx, house, admin: null as unknown as Person });
      });
  });
