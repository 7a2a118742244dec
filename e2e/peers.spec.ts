// Browser journeys for the skills exchange and mentors (issue 5, parts 3 and 4), two phones at once.
// Skills: Brianna (English) can teach cooking; Carlos (Spanish) wants to learn it, finds her as a match
// in his house, asks for a session; she accepts on her open screen without reloading, he marks it done.
// Mentors: an alumna of Maple House opens up to mentoring; Carlos sees her suggested and asks; she accepts
// live, they write in their shared log, and Carlos ends it without giving a reason. axe on every screen.
import type { Page } from '@playwright/test';
import { expect, type House, type JourneyContext, test } from './fixtures.ts';
import { checkPage, inMenu, noProblems, open, signIn } from './steps.ts';
import { ADMIN } from './world.ts';

type C = JourneyContext & { house: House };
type Journey = { name: string; run: (c: C) => Promise<void> };

const LIVE = { timeout: 20_000 };

async function waitForText(page: Page, text: string | RegExp) {
  await page.getByText(text).first().waitFor(LIVE);
}

async function openPeers(page: Page, lang: 'en' | 'es') {
  const nav = lang === 'es' ? 'Habilidades y mentores' : 'Skills & mentors';
  await (await inMenu(page, nav, { exact: true })).click();
  await page
    .getByRole('heading', {
      level: 1,
      name: lang === 'es' ? 'Intercambio de habilidades' : 'Skills exchange',
    })
    .waitFor(LIVE);
}

const peersJourneys: Journey[] = [
  {
    name: 'peers: Brianna can teach cooking, Carlos finds her, they arrange a session live and it counts as help (English and Spanish)',
    run: async (c: C) => {
      const leader = await open(c, 'en');
      await signIn(leader.page, c.server.url, c.house.brianna.username, c.house.brianna.password);
      await openPeers(leader.page, 'en');
      await checkPage(leader.page, 'skills, empty (en)');
      await leader.page.getByLabel('Skill', { exact: true }).selectOption('cooking');
      await leader.page.getByLabel('I…').selectOption('teach');
      await leader.page.getByRole('button', { name: 'Add', exact: true }).click();
      await waitForText(leader.page, 'Added to your list.');
      await leader.page.getByRole('button', { name: 'Take off Cooking' }).waitFor(LIVE);
      await checkPage(leader.page, 'skills, listed (en)');

      const resident = await open(c, 'es');
      await signIn(resident.page, c.server.url, c.house.carlos.username, c.house.carlos.password, 'es');
      await openPeers(resident.page, 'es');
      // Their own words are needed for "something else": refused with the field named, nothing added.
      await resident.page.getByLabel('Habilidad', { exact: true }).selectOption('other');
      await resident.page.getByRole('button', { name: 'Agregar', exact: true }).click();
      await resident.page.locator('.field-invalid').first().waitFor(LIVE);
      await checkPage(resident.page, 'skills, a problem (es)');
      await resident.page.getByLabel('Habilidad', { exact: true }).selectOption('cooking');
      await resident.page.getByLabel('Yo…').selectOption('learn');
      await resident.page.getByRole('button', { name: 'Agregar', exact: true }).click();
      await waitForText(resident.page, 'Agregada a tu lista.');

      const match = resident.page
        .getByRole('listitem')
        .filter({ hasText: 'Brianna D. puede enseñar: Cocinar' });
      await match.waitFor(LIVE);
      await resident.page.getByRole('heading', { name: 'En mi casa' }).waitFor(LIVE);
      await checkPage(resident.page, 'skills, a match (es)');
      await match.getByRole('button', { name: /^Acordar una sesión/ }).click();
      await checkPage(resident.page, 'skills, arranging (es)');
      await match.getByRole('button', { name: 'Pedir esta sesión' }).click();
      await waitForText(resident.page, 'Listo. Brianna D. lo verá y puede aceptar.');
      const mine = resident.page.getByRole('listitem').filter({ hasText: 'Brianna D. te enseña: Cocinar' });
      await mine.getByText(/^Esperando respuesta/).waitFor(LIVE);

      // Brianna's open screen shows the request without a reload; she accepts.
      const hers = leader.page.getByRole('listitem').filter({ hasText: 'You teach Carlos M.: Cooking' });
      await hers.waitFor(LIVE);
      await hers.getByRole('button', { name: /^Accept/ }).click();
      await hers.getByText(/^Arranged/).waitFor(LIVE);
      await checkPage(leader.page, 'skills, arranged (en)');

      // Carlos sees it arranged, again live, and marks it done: it counts as help Brianna gave.
      await mine.getByText(/^Acordada/).waitFor(LIVE);
      await mine.getByRole('button', { name: /^Ya se hizo/ }).click();
      await mine.getByText(/^Hecha: cuenta como ayuda dada/).waitFor(LIVE);
      await mine.getByText('Gracias. Cuenta como ayuda que dio Brianna D.').waitFor(LIVE);
      await checkPage(resident.page, 'skills, done (es)');
      await hers.getByText(/^Done — counted as help given/).waitFor(LIVE);

      noProblems(leader.problems);
      noProblems(resident.problems);
      await leader.page.context().close();
      await resident.page.context().close();
    },
  },
  {
    name: 'peers: an alumna opens up to mentoring, Carlos asks her, she accepts live, they share a log, he ends it (English and Spanish)',
    run: async (c: C) => {
      // The admin invites an alumna of Maple House (through the API: inviting has its own journeys).
      const admin = await open(c, 'en');
      const url = c.server.url;
      const signedIn = await admin.page.request.post(`${url}/api/auth/sign-in`, {
        data: { login: ADMIN.username, password: ADMIN.password },
      });
      expect(signedIn.ok(), `admin sign-in: ${signedIn.status()}`).toBe(true);
      const houses = (await (await admin.page.request.get(`${url}/api/residences`)).json()) as {
        residences: { id: string; name: string }[];
      };
      const maple = houses.residences.find((r) => r.name === c.house.name);
      expect(maple, 'the house exists').toBeTruthy();
      const invitation = await admin.page.request.post(`${url}/api/invitations`, {
        data: { role: 'alumni', residenceId: maple!.id },
      });
      expect(invitation.ok(), `invitation: ${invitation.status()} ${await invitation.text()}`).toBe(true);
      const { code } = (await invitation.json()) as { code: string };
      await admin.page.context().close();

      const alumna = await open(c, 'en');
      const accepted = await alumna.page.request.post(`${url}/api/invitations/code/${code}/accept`, {
        data: {
          firstName: 'Dolores',
          lastName: 'Vega',
          username: 'dolores',
          password: 'dolores-password-1',
          language: 'en',
        },
      });
      expect(accepted.ok(), `accepting: ${accepted.status()} ${await accepted.text()}`).toBe(true);
      await alumna.page.goto(`${url}/mentors`);
      await alumna.page.getByRole('heading', { level: 1, name: 'Mentors' }).waitFor(LIVE);
      await checkPage(alumna.page, 'mentors, alumna (en)');
      await alumna.page.getByLabel('I am open to mentoring a newer peer').check();
      await alumna.page.getByRole('button', { name: 'Save', exact: true }).click();
      await waitForText(alumna.page, 'Saved.');

      // Carlos, a current resident, sees her suggested with what they have in common, and asks.
      const resident = await open(c, 'es');
      await signIn(resident.page, url, c.house.carlos.username, c.house.carlos.password, 'es');
      await openPeers(resident.page, 'es');
      await resident.page.getByRole('link', { name: 'Mentores', exact: true }).click();
      await resident.page.getByRole('heading', { level: 1, name: 'Mentores' }).waitFor(LIVE);
      const suggestion = resident.page.getByRole('listitem').filter({ hasText: 'Dolores V.' });
      await suggestion.getByText(/Exresidente/).waitFor(LIVE);
      await checkPage(resident.page, 'mentors, suggestions (es)');
      await suggestion.getByRole('button', { name: /^Pedirle que sea mi mentor/ }).click();
      await waitForText(resident.page, 'Listo. Dolores V. verá tu solicitud.');
      const pair = resident.page.getByRole('listitem').filter({ hasText: 'Dolores V. es tu mentor' });
      await pair.getByText('Esperando respuesta').waitFor(LIVE);

      // Dolores's open screen shows the request live; she accepts and writes in their log.
      const request = alumna.page
        .getByRole('listitem')
        .filter({ hasText: 'Carlos M. asks you to be their mentor' });
      await request.waitFor(LIVE);
      await checkPage(alumna.page, 'mentors, a request (en)');
      await request.getByRole('button', { name: /^Accept/ }).click();
      const hers = alumna.page.getByRole('listitem').filter({ hasText: 'You mentor Carlos M.' });
      await hers.getByText('Together now').waitFor(LIVE);
      await hers.getByRole('link', { name: /^Our private chat/ }).waitFor(LIVE);
      await hers.getByRole('link', { name: /^Our check-ins/ }).click();
      await alumna.page.getByRole('heading', { level: 1, name: 'Check-ins with Carlos M.' }).waitFor(LIVE);
      await alumna.page.getByLabel('How did it go?').fill('Coffee after the noon meeting');
      await alumna.page.getByRole('button', { name: 'Add to our log' }).click();
      await waitForText(alumna.page, 'Coffee after the noon meeting');
      await checkPage(alumna.page, 'mentors, our log (en)');

      // Carlos sees it accepted without a reload, reads the log and adds a line.
      await pair.getByText('Juntos ahora').waitFor(LIVE);
      await pair.getByRole('link', { name: /^Nuestro registro/ }).click();
      await resident.page.getByRole('heading', { level: 1, name: 'Registro con Dolores V.' }).waitFor(LIVE);
      await waitForText(resident.page, 'Coffee after the noon meeting');
      await resident.page.getByLabel('¿Cómo les fue?').fill('Gracias por el café');
      await resident.page.getByRole('button', { name: 'Agregar al registro' }).click();
      await waitForText(resident.page, 'Gracias por el café');
      await checkPage(resident.page, 'mentors, our log (es)');
      await waitForText(alumna.page, 'Gracias por el café');

      // He ends it: no reason asked. The log stays, closed; Dolores sees it ended live.
      await resident.page.getByRole('link', { name: 'Volver a mentores' }).click();
      await resident.page.getByRole('heading', { level: 1, name: 'Mentores' }).waitFor(LIVE);
      await pair.getByRole('button', { name: /^Terminar esta mentoría/ }).click();
      await checkPage(resident.page, 'mentors, ending (es)');
      await pair.getByRole('button', { name: 'Sí, terminarla' }).click();
      await pair.getByText('Terminada').waitFor(LIVE);
      await checkPage(resident.page, 'mentors, ended (es)');
      await waitForText(alumna.page, 'This mentorship has ended. The log is kept for the two of you.');

      noProblems(alumna.problems);
      noProblems(resident.problems);
      await alumna.page.context().close();
      await resident.page.context().close();
    },
  },
];

for (const journey of peersJourneys)
  test(journey.name, async ({ ctx, house }) => {
    await journey.run({ ...ctx, house });
  });
