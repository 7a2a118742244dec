// Browser journeys for house chat (issue 5, part 5), with two phones at once. Brianna, Maple House's
// peer leader (English), and Carlos, who lives there (Spanish), open their house chat; what one writes
// appears on the other's screen without reloading, and the list shows how many messages are new.
// Carlos reports a message; Brianna finds it under reported messages and hides it: Carlos then sees
// that a peer leader hid it, and Brianna still sees it, marked hidden. axe-core on every page.
import type { Page } from '@playwright/test';
import { expect, type House, type JourneyContext, test } from './fixtures.ts';
import { checkPage, noProblems, open, signIn } from './steps.ts';

type C = JourneyContext & { house: House };
type Journey = { name: string; run: (c: C) => Promise<void> };

const LIVE = { timeout: 20_000 };

async function waitForText(page: Page, text: string | RegExp) {
  await page.getByText(text).first().waitFor(LIVE);
}

async function write(page: Page, label: string, send: string, text: string) {
  await page.getByLabel(label).fill(text);
  await page.getByRole('button', { name: send, exact: true }).click();
}

const chatJourneys: Journey[] = [
  {
    name: 'chat: Brianna and Carlos talk in their house chat and see each other live (English and Spanish)',
    run: async (c: C) => {
      const leader = await open(c, 'en');
      await signIn(leader.page, c.server.url, c.house.brianna.username, c.house.brianna.password);
      await leader.page.getByRole('link', { name: /^Chat/ }).first().waitFor(LIVE);
      await leader.page.getByRole('link', { name: /^Chat/ }).first().click();
      await leader.page.getByRole('heading', { level: 1, name: 'Chat' }).waitFor(LIVE);
      await waitForText(leader.page, 'Reported messages');
      await checkPage(leader.page, 'chat list (en)');

      const resident = await open(c, 'es');
      await signIn(resident.page, c.server.url, c.house.carlos.username, c.house.carlos.password, 'es');
      await resident.page.getByRole('link', { name: /^Chat/ }).first().waitFor(LIVE);
      await resident.page.goto(`${c.server.url}/chat`);
      await resident.page.getByRole('heading', { level: 1, name: 'Chat' }).waitFor(LIVE);
      await checkPage(resident.page, 'chat list (es)');
      await resident.page.getByRole('link', { name: `Chat de ${c.house.name}` }).click();
      await resident.page.getByRole('heading', { level: 1, name: `Chat de ${c.house.name}` }).waitFor(LIVE);
      await checkPage(resident.page, 'house chat (es)');

      // Both phones are live (while live, chat screens do not poll: what arrives came as an event).
      await leader.page.locator('.realtime-live').first().waitFor(LIVE);
      await resident.page.locator('.realtime-live').first().waitFor(LIVE);
      // Brianna stays on the list: Carlos's message shows up there as new, without reloading.
      await write(resident.page, 'Tu mensaje', 'Enviar', '¿Alguien va a la reunión de esta noche?');
      await waitForText(resident.page, '¿Alguien va a la reunión de esta noche?');
      await leader.page.getByRole('link', { name: `${c.house.name} chat 1 new message` }).waitFor(LIVE);
      // The menu counts it too.
      await leader.page.locator('.chat-nav-count').first().waitFor(LIVE);

      await leader.page.getByRole('link', { name: `${c.house.name} chat` }).click();
      await leader.page.getByRole('heading', { level: 1, name: `${c.house.name} chat` }).waitFor(LIVE);
      await waitForText(leader.page, '¿Alguien va a la reunión de esta noche?');
      await checkPage(leader.page, 'house chat (en)');

      // Both screens stay open: each sees the other's message arrive.
      await write(
        leader.page,
        'Your message',
        'Send',
        'I am going! Leaving at 6:30, there is room in my car.',
      );
      await waitForText(resident.page, 'I am going! Leaving at 6:30, there is room in my car.');
      await write(resident.page, 'Tu mensaje', 'Enviar', '¡Gracias! Nos vemos en la puerta.');
      await waitForText(leader.page, '¡Gracias! Nos vemos en la puerta.');

      // An empty message is refused kindly, nothing is sent.
      await resident.page.getByRole('button', { name: 'Enviar', exact: true }).click();
      await waitForText(resident.page, 'Escribe algo primero.');
      await checkPage(resident.page, 'house chat, empty message (es)');

      noProblems(leader.problems);
      noProblems(resident.problems);
      await leader.page.context().close();
      await resident.page.context().close();
    },
  },
  {
    name: 'chat: Carlos reports a message, Brianna hides it — kept for her, hidden from peers',
    run: async (c: C) => {
      const leader = await open(c, 'en');
      await signIn(leader.page, c.server.url, c.house.brianna.username, c.house.brianna.password);
      await leader.page.getByRole('link', { name: /^Chat/ }).first().waitFor(LIVE);
      await leader.page.goto(`${c.server.url}/chat`);
      await leader.page.getByRole('link', { name: `${c.house.name} chat` }).click();
      await leader.page.getByRole('heading', { level: 1, name: `${c.house.name} chat` }).waitFor(LIVE);
      const unkind = 'Whoever left the dishes is hopeless.';
      await write(leader.page, 'Your message', 'Send', unkind);
      await waitForText(leader.page, unkind);

      const resident = await open(c, 'es');
      await signIn(resident.page, c.server.url, c.house.carlos.username, c.house.carlos.password, 'es');
      await resident.page.getByRole('link', { name: /^Chat/ }).first().waitFor(LIVE);
      await resident.page.goto(`${c.server.url}/chat`);
      await resident.page.getByRole('link', { name: `Chat de ${c.house.name}` }).click();
      await waitForText(resident.page, unkind);
      const item = resident.page.getByRole('listitem').filter({ hasText: unkind });
      await item.getByRole('button', { name: /^Reportar/ }).click();
      await resident.page.getByLabel('¿Qué tiene de malo? (opcional)').fill('No es amable.');
      await checkPage(resident.page, 'reporting a message (es)');
      await resident.page.getByRole('button', { name: 'Enviar el reporte' }).click();
      await waitForText(resident.page, 'Reportaste este mensaje. Un líder de pares lo revisará.');

      // Brianna sees the report on her list of reported messages and hides it.
      await leader.page.goto(`${c.server.url}/chat`);
      await leader.page.getByRole('heading', { level: 1, name: 'Chat' }).waitFor(LIVE);
      await waitForText(leader.page, 'Reasons given: No es amable.');
      await checkPage(leader.page, 'reported messages (en)');
      const reported = leader.page.getByRole('listitem').filter({ hasText: unkind });
      await reported.getByRole('button', { name: /^Hide from peers/ }).click();
      await reported.getByText('Hidden', { exact: true }).waitFor(LIVE);

      // Carlos's open screen: the words are gone, a note says a peer leader hid it.
      await waitForText(resident.page, 'Un líder de pares ocultó este mensaje.');
      expect(await resident.page.getByText(unkind).count(), 'Carlos still sees the hidden words').toBe(0);
      await checkPage(resident.page, 'house chat with a hidden message (es)');

      // Brianna still sees it in the conversation, marked as hidden (kept for the record).
      await leader.page.getByRole('link', { name: `${c.house.name} chat` }).click();
      await waitForText(leader.page, 'Hidden from peers. Kept for the record:');
      await waitForText(leader.page, unkind);
      await checkPage(leader.page, 'house chat with a hidden message (en)');
      noProblems(leader.problems);
      noProblems(resident.problems);
      await leader.page.context().close();
      await resident.page.context().close();
    },
  },
];

for (const journey of chatJourneys)
  test(journey.name, async ({ ctx, house }) => {
    await journey.run({ ...ctx, house });
  });
