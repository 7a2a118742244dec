// Browser journeys for peer support (issue 5, parts 1 and 2), with two phones at once. Carlos (Spanish)
// asks his house for a ride; Brianna, Maple House's peer leader (English), has Support open and sees it
// appear without reloading, and offers; Carlos accepts her (a private thread opens) and marks "this
// helped"; both see it in their support ledger, and Brianna sees her house's counts. Then Carlos asks
// without his name: Elena, a new housemate, helps him in a thread where she sees only "the person you're
// helping" until he lets her know it is him — and hides it again. axe on every page.
import type { Page } from '@playwright/test';
import { expect, type House, type JourneyContext, test } from './fixtures.ts';
import { checkPage, noProblems, open, signIn } from './steps.ts';
import { ADMIN } from './world.ts';

type C = JourneyContext & { house: House };
type Journey = { name: string; run: (c: C) => Promise<void> };

const LIVE = { timeout: 20_000 };

async function waitForText(page: Page, text: string | RegExp) {
  await page.getByText(text).first().waitFor(LIVE);
}

const supportJourneys: Journey[] = [
  {
    name: 'support: Carlos asks for a ride, Brianna sees it live and helps, both see the ledger (Spanish and English)',
    run: async (c: C) => {
      const ride = `Necesito que me lleven a mi entrevista de trabajo el jueves (${Date.now() % 100_000})`;

      // Brianna opens Support and leaves it open.
      const leader = await open(c, 'en');
      await signIn(leader.page, c.server.url, c.house.brianna.username, c.house.brianna.password);
      await leader.page.getByRole('link', { name: 'Support', exact: true }).first().waitFor(LIVE);
      await leader.page.getByRole('link', { name: 'Support', exact: true }).first().click();
      await leader.page.getByRole('heading', { level: 1, name: 'Support' }).waitFor(LIVE);
      await leader.page.getByLabel('Show').waitFor(LIVE);
      await checkPage(leader.page, 'support, browse (en)');

      // Carlos asks in a few taps, in Spanish; an empty text is refused first, nothing posted.
      const resident = await open(c, 'es');
      await signIn(resident.page, c.server.url, c.house.carlos.username, c.house.carlos.password, 'es');
      await resident.page.getByRole('link', { name: 'Apoyo', exact: true }).first().waitFor(LIVE);
      await resident.page.getByRole('link', { name: 'Apoyo', exact: true }).first().click();
      await resident.page.getByRole('heading', { level: 1, name: 'Apoyo' }).waitFor(LIVE);
      await resident.page.getByRole('link', { name: 'Pedir u ofrecer' }).click();
      await resident.page.getByRole('heading', { level: 1, name: 'Pedir u ofrecer' }).waitFor(LIVE);
      await checkPage(resident.page, 'support, ask (es)');
      // Nothing is chosen for him: what he wants and which kind of help.
      await resident.page.getByLabel('Necesito ayuda', { exact: true }).check();
      await resident.page.getByLabel('Ayuda práctica').check();
      await resident.page.getByRole('button', { name: 'Publicar' }).click();
      await resident.page.getByRole('alert').first().waitFor(LIVE);
      await checkPage(resident.page, 'support, ask with a problem (es)');
      await resident.page.getByLabel('En pocas palabras').fill(ride);
      await resident.page.getByRole('button', { name: 'Publicar' }).click();
      await resident.page.getByRole('heading', { level: 1, name: 'Mis pedidos y ofertas' }).waitFor(LIVE);
      await waitForText(resident.page, 'Publicado. Tus compañeros ya lo ven.');
      await waitForText(resident.page, 'Esperando que alguien se ofrezca.');
      await checkPage(resident.page, 'support, mine (es)');

      // Brianna's open screen shows it without a reload, with Carlos's name and kind, and she offers.
      const card = leader.page.getByRole('listitem').filter({ hasText: ride });
      await card.waitFor(LIVE);
      await card.getByText('From Carlos M.').waitFor(LIVE);
      await card.getByText('Practical help').waitFor(LIVE);
      await card.getByLabel('Note (optional)').fill('I can drive you, leaving at 8.');
      await card.getByRole('button', { name: 'I can help' }).click();
      await card.getByText('You offered to help.').waitFor(LIVE);
      await checkPage(leader.page, 'support, offered (en)');

      // Carlos sees her offer live and accepts; a private thread is there for the two of them.
      const mine = resident.page.getByRole('listitem').filter({ hasText: ride });
      await mine.getByText('«I can drive you, leaving at 8.»').waitFor(LIVE);
      await mine.getByRole('button', { name: 'Aceptar a Brianna D.' }).click();
      await mine.getByRole('link', { name: 'Abrir nuestra conversación privada' }).waitFor(LIVE);
      await checkPage(resident.page, 'support, accepted (es)');

      // Brianna's screen says she was accepted, again without a reload.
      await card.getByText('You were accepted. Talk in your private thread.').waitFor(LIVE);
      await card.getByRole('link', { name: 'Open our private thread' }).waitFor(LIVE);

      // Carlos marks it helped: done, and in the ledger of both.
      await mine.getByRole('button', { name: 'Esto me ayudó' }).click();
      await mine.getByText('Brianna D. ayudó').waitFor(LIVE);
      await mine.getByText('Hecho', { exact: true }).waitFor(LIVE);
      await checkPage(resident.page, 'support, helped (es)');

      await resident.page.getByRole('link', { name: 'Registro' }).click();
      await resident.page.getByRole('heading', { level: 1, name: 'Ayuda dada y recibida' }).waitFor(LIVE);
      await waitForText(resident.page, /^Ayuda práctica de Brianna D\./);
      await checkPage(resident.page, 'support, ledger (es)');

      await leader.page.getByRole('link', { name: 'Ledger' }).click();
      await leader.page.getByRole('heading', { level: 1, name: 'Help given and received' }).waitFor(LIVE);
      await waitForText(leader.page, /^Practical help for Carlos M\./);
      await waitForText(leader.page, /^This month you helped \d+ peers?\./);
      await leader.page.getByRole('heading', { name: 'By house and week' }).waitFor(LIVE);
      await leader.page.getByRole('rowheader', { name: c.house.name }).first().waitFor(LIVE);
      expect(
        await leader.page.getByText(ride).count(),
        'The house counts must not show what anyone asked for',
      ).toBe(0);
      await checkPage(leader.page, 'support, ledger with house counts (en)');

      // The private thread opens from the request.
      await resident.page.getByRole('link', { name: 'Lo mío' }).click();
      await resident.page
        .getByRole('listitem')
        .filter({ hasText: ride })
        .getByRole('link', { name: 'Abrir nuestra conversación privada' })
        .click();
      await resident.page.waitForURL(/\/chat\/[0-9a-f-]{36}$/, LIVE);
      await resident.page.getByRole('heading', { level: 1 }).waitFor(LIVE);

      noProblems(leader.problems);
      noProblems(resident.problems);
      await leader.page.context().close();
      await resident.page.context().close();
    },
  },
  {
    name: 'support: Brianna offers weekend rides, Carlos asks for one, she accepts and he marks it helped (English and Spanish)',
    run: async (c: C) => {
      const offer = `I can give rides on weekends (${Date.now() % 100_000})`;
      const leader = await open(c, 'en');
      await signIn(leader.page, c.server.url, c.house.brianna.username, c.house.brianna.password);
      await leader.page.getByRole('link', { name: 'Support', exact: true }).first().waitFor(LIVE);
      await leader.page.goto(`${c.server.url}/support/ask`);
      await leader.page.getByRole('heading', { level: 1, name: 'Ask or offer' }).waitFor(LIVE);
      await leader.page.getByLabel('I can offer help').check();
      await leader.page.getByLabel('Practical help').check();
      await leader.page.getByLabel('In a few words').fill(offer);
      await leader.page.getByLabel('Open for').selectOption('30');
      await checkPage(leader.page, 'support, offering (en)');
      await leader.page.getByRole('button', { name: 'Post it' }).click();
      await leader.page.getByRole('heading', { level: 1, name: 'My requests and offers' }).waitFor(LIVE);
      const mine = leader.page.getByRole('listitem').filter({ hasText: offer });
      await mine.getByText('Waiting for someone to offer.').waitFor(LIVE);

      // Carlos finds standing offers and asks for this one.
      const resident = await open(c, 'es');
      await signIn(resident.page, c.server.url, c.house.carlos.username, c.house.carlos.password, 'es');
      await resident.page.getByRole('link', { name: 'Apoyo', exact: true }).first().waitFor(LIVE);
      await resident.page.goto(`${c.server.url}/support`);
      await resident.page.getByRole('heading', { level: 1, name: 'Apoyo' }).waitFor(LIVE);
      await resident.page.getByLabel('Mostrar').selectOption('offer');
      const card = resident.page.getByRole('listitem').filter({ hasText: offer });
      await card.getByText('Ofrece ayuda').waitFor(LIVE);
      await checkPage(resident.page, 'support, standing offers (es)');
      await card.getByRole('button', { name: 'Me gustaría' }).click();
      await card.getByText('Tú lo pediste.').waitFor(LIVE);

      // Brianna sees him ask, live, and accepts; he sees it and marks it helped.
      await mine.getByRole('button', { name: 'Accept Carlos M.' }).click();
      await mine.getByRole('link', { name: 'Open our private thread' }).waitFor(LIVE);
      await card.getByText('Te aceptaron. Hablen en su conversación privada.').waitFor(LIVE);
      await card.getByRole('button', { name: 'Esto me ayudó' }).click();
      await card.getByText('Marcado como ayuda. Gracias por decirlo.').waitFor(LIVE);
      await checkPage(resident.page, 'support, standing offer helped (es)');
      await mine.getByText('You helped Carlos M., thank you!').waitFor(LIVE);
      // The offer stays up for others.
      await mine.getByRole('button', { name: 'Withdraw' }).waitFor(LIVE);
      await checkPage(leader.page, 'support, my standing offer (en)');

      noProblems(leader.problems);
      noProblems(resident.problems);
      await leader.page.context().close();
      await resident.page.context().close();
    },
  },
  {
    name: 'support: Carlos asks without his name; Elena helps "the person you’re helping" until he lets her know (Spanish and English)',
    run: async (c: C) => {
      const ask = `Hoy es un día difícil, ¿alguien para hablar? (${Date.now() % 100_000})`;
      const url = c.server.url;

      // Elena joins Maple House (invited by the admin); she leads nothing, so she does not know who asks.
      const admin = await open(c, 'en');
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
        data: { role: 'resident', residenceId: maple!.id },
      });
      expect(invitation.ok(), `invitation: ${invitation.status()} ${await invitation.text()}`).toBe(true);
      const { code } = (await invitation.json()) as { code: string };
      await admin.page.context().close();
      const helper = await open(c, 'en');
      const accepted = await helper.page.request.post(`${url}/api/invitations/code/${code}/accept`, {
        data: {
          firstName: 'Elena',
          lastName: 'Rossi',
          username: 'elena',
          password: 'elena-password-1',
          language: 'en',
        },
      });
      expect(accepted.ok(), `accepting: ${accepted.status()} ${await accepted.text()}`).toBe(true);

      // Carlos asks his house without his name.
      const author = await open(c, 'es');
      await signIn(author.page, url, c.house.carlos.username, c.house.carlos.password, 'es');
      await author.page.getByRole('link', { name: 'Apoyo', exact: true }).first().waitFor(LIVE);
      await author.page.goto(`${url}/support/ask`);
      await author.page.getByRole('heading', { level: 1, name: 'Pedir u ofrecer' }).waitFor(LIVE);
      await author.page.getByLabel('Necesito ayuda', { exact: true }).check();
      await author.page.getByLabel('Emocional', { exact: true }).check();
      await author.page.getByLabel('En pocas palabras').fill(ask);
      await author.page.getByLabel('No mostrar mi nombre a los compañeros').check();
      await author.page.getByRole('button', { name: 'Publicar' }).click();
      await author.page.getByRole('heading', { level: 1, name: 'Mis pedidos y ofertas' }).waitFor(LIVE);

      // Elena sees someone anonymous ask, and offers.
      await helper.page.goto(`${url}/support`);
      await helper.page.getByRole('heading', { level: 1, name: 'Support' }).waitFor(LIVE);
      const card = helper.page.getByRole('listitem').filter({ hasText: ask });
      await card.getByText('Someone (anonymous)').waitFor(LIVE);
      expect(await card.getByText('Carlos').count(), 'An anonymous request must not name Carlos').toBe(0);
      await card.getByRole('button', { name: 'I can help' }).click();
      await card.getByText('You offered to help.').waitFor(LIVE);

      // Carlos accepts her and opens the thread: it tells him she does not know who he is.
      const mine = author.page.getByRole('listitem').filter({ hasText: ask });
      await mine.getByRole('button', { name: 'Aceptar a Elena R.' }).click();
      await mine.getByRole('link', { name: 'Abrir nuestra conversación privada' }).click();
      await author.page.waitForURL(/\/chat\/[0-9a-f-]{36}$/, LIVE);
      await author.page.getByRole('heading', { level: 1, name: 'Con Elena R.' }).waitFor(LIVE);
      await author.page.getByRole('heading', { name: 'No saben quién eres' }).waitFor(LIVE);
      await checkPage(author.page, 'support thread, my name hidden (es)');
      await author.page.getByLabel('Tu mensaje').fill('Gracias por responder.');
      await author.page.getByRole('button', { name: 'Enviar', exact: true }).click();

      // Elena's thread: "the person you're helping", never his name.
      await card.getByRole('link', { name: 'Open our private thread' }).click();
      await helper.page.waitForURL(/\/chat\/[0-9a-f-]{36}$/, LIVE);
      await helper.page
        .getByRole('heading', { level: 1, name: 'With the person you’re helping' })
        .waitFor(LIVE);
      await waitForText(helper.page, 'Gracias por responder.');
      await helper.page.getByText('The person you’re helping', { exact: true }).first().waitFor(LIVE);
      expect(await helper.page.getByText('Carlos').count(), 'The thread must not name Carlos').toBe(0);
      await checkPage(helper.page, 'support thread, helping someone anonymous (en)');

      // He lets her know; her open screen changes without a reload. Then he hides it again.
      await helper.page.locator('.realtime-live').first().waitFor(LIVE);
      await author.page.getByRole('button', { name: 'Decirles que soy yo' }).click();
      await author.page.getByRole('heading', { name: 'Saben quién eres' }).waitFor(LIVE);
      await checkPage(author.page, 'support thread, my name shown (es)');
      await helper.page.getByRole('heading', { level: 1, name: 'With Carlos M.' }).waitFor(LIVE);
      await helper.page.getByText('Carlos M.', { exact: true }).first().waitFor(LIVE);
      await checkPage(helper.page, 'support thread, he let me know (en)');
      await author.page.getByRole('button', { name: 'Ocultar mi nombre otra vez' }).click();
      await author.page.getByRole('heading', { name: 'No saben quién eres' }).waitFor(LIVE);
      await helper.page
        .getByRole('heading', { level: 1, name: 'With the person you’re helping' })
        .waitFor(LIVE);
      expect(await helper.page.getByText('Carlos').count(), 'Hidden again: no name in the thread').toBe(0);

      noProblems(helper.problems);
      noProblems(author.problems);
      await helper.page.context().close();
      await author.page.context().close();
    },
  },
];

for (const journey of supportJourneys)
  test(journey.name, async ({ ctx, house }) => {
    await journey.run({ ...ctx, house });
  });
