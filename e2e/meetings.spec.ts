// Browser journeys for house meetings (issue 4, parts 1, 2 and 9): the peer leader schedules the
// Sunday meeting; Carlos adds a problem to the agenda without his name (Spanish); Brianna chairs it from
// her phone: starts it, takes attendance, writes minutes (English); Carlos marks himself present. The
// meeting is left IN PROGRESS (state.meetingUrl) for the decisions journeys (decisions.ts), and
// closeMeetingJourney closes it after them. One serial group, one house. axe-core on every page.
import type { Page } from '@playwright/test';
import { Chain } from './chain.ts';
import { type C, decisionsJourneys, type Journey, minutesJourneys } from './decisions.ts';
import { expect, type House, test } from './fixtures.ts';
import { checkPage, heading, inMenu, noProblems, open, signIn } from './steps.ts';

const ITEM_ES = 'La cocina está sucia los fines de semana';
const MINUTES_EN = 'The kitchen rota starts Monday; everyone rinses their plates before bed.';

/** Confirms the next window.confirm() (the meeting page asks before closing). */
const acceptNextDialog = (page: Page) => page.once('dialog', (dialog) => void dialog.accept());

function meetingUrlOf(c: { state: Record<string, string> }): string {
  const url = c.state.meetingUrl;
  expect(url, 'Expected a meeting URL in state').toMatch(/\/meetings\/[0-9a-f-]{36}$/);
  return url!;
}

const meetingJourneys: Journey[] = [
  {
    name: 'the peer leader schedules the Sunday house meeting and sets the reminder (English)',
    run: async (c: C) => {
      const { page, problems } = await open(c, 'en');
      await signIn(page, c.server.url, c.house.brianna.username, c.house.brianna.password);
      await heading(page, 'Today');
      await (await inMenu(page, 'Meetings', { exact: true })).click();
      await heading(page, 'House meetings');
      await page.getByText('No meeting is scheduled yet.').waitFor();
      await checkPage(page, 'meetings, nothing scheduled (en)');
      await page.getByText('Add a regular meeting').click();
      const series = page.locator('.new-series');
      await series.getByLabel('Day of the week').selectOption('SU');
      await series.getByLabel('Time', { exact: true }).fill('19:00');
      await series.getByLabel('Where (optional)').fill('Living room');
      await series.getByRole('button', { name: 'Save the regular meeting' }).click();
      await page.getByText('Saved. The next eight weeks are on the schedule.').waitFor();
      await page.getByText('every Sunday at 19:00').waitFor();
      await page.locator('.next-meeting .meeting-when a').waitFor();
      await page.getByText('How the house meets').click();
      const settings = page.locator('.meeting-settings');
      await settings.getByLabel('Reminder before a meeting (minutes)').fill('60');
      await settings.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Saved.', { exact: true }).waitFor();
      await checkPage(page, 'meetings with a schedule (en)');
      noProblems(problems);
    },
  },
  {
    name: 'a resident adds a problem to the agenda without his name (Spanish)',
    run: async (c: C) => {
      const { page, problems } = await open(c, 'es');
      await signIn(page, c.server.url, c.house.carlos.username, c.house.carlos.password, 'es');
      await heading(page, 'Hoy');
      await (await inMenu(page, 'Reuniones', { exact: true })).click();
      await heading(page, 'Reuniones de la casa');
      await page.getByRole('heading', { name: /^Próxima reunión en/ }).waitFor();
      await checkPage(page, 'meetings (es)');
      await page.locator('.next-meeting summary', { hasText: 'Añadir a la agenda' }).click();
      await page.getByLabel('¿De qué te gustaría que hable la casa?').fill(ITEM_ES);
      await page.getByLabel('Plantearlo sin mi nombre').check();
      await page.getByRole('button', { name: 'Añadir a la agenda' }).click();
      await page.getByText('Añadido a la agenda sin tu nombre', { exact: false }).waitFor();
      await checkPage(page, 'agenda item added (es)');
      // On the meeting page the item shows, and Carlos is told it carries no name.
      await page.locator('.next-meeting .meeting-when a').click();
      await page.getByRole('heading', { name: ITEM_ES }).waitFor({ timeout: 15_000 });
      await page.getByText('Tú lo planteaste sin tu nombre.').waitFor();
      await checkPage(page, 'upcoming meeting (es)');
      noProblems(problems);
    },
  },
  {
    name: 'the peer leader chairs the meeting: starts it, takes attendance, writes minutes (English)',
    run: async (c: C) => {
      const { page, problems } = await open(c, 'en');
      await signIn(page, c.server.url, c.house.brianna.username, c.house.brianna.password);
      await heading(page, 'Today');
      await page.goto(`${c.server.url}/meetings`);
      await heading(page, 'House meetings');
      await page.locator('.next-meeting .meeting-when a').click();
      await page.getByRole('heading', { name: ITEM_ES }).waitFor({ timeout: 15_000 });
      // The item was raised without a name; the peer leader may know who raised it.
      await page.getByText('(By Carlos M.', { exact: false }).waitFor();
      await page.getByLabel('Chair', { exact: true }).selectOption({ label: 'Brianna D.' });
      await page.waitForFunction(() => {
        const chair = document.querySelector<HTMLSelectElement>('.meeting-roles-form select');
        return chair && !chair.disabled && chair.selectedOptions[0]?.textContent === 'Brianna D.';
      });
      await checkPage(page, 'meeting before it starts (en)');
      await page.getByRole('button', { name: 'Start the meeting' }).click();
      await page.locator('.badge-in_progress').first().waitFor();
      await page.getByRole('button', { name: 'I’m here' }).click();
      await page.getByText('You are marked present.').waitFor();
      await page.getByLabel('Carlos M.', { exact: true }).selectOption('excused');
      await page.getByText(/^1 of \d+ present$/).waitFor();
      const minutes = page.getByLabel(`Minutes: ${ITEM_ES}`);
      await minutes.fill(MINUTES_EN);
      await page
        .locator('.agenda-item', { hasText: ITEM_ES })
        .getByRole('button', { name: /Save minutes/ })
        .click();
      await page.locator('.agenda-item', { hasText: ITEM_ES }).getByText('Minutes saved.').waitFor();
      await checkPage(page, 'meeting in progress (en)');
      c.state.meetingUrl = page.url();
      noProblems(problems);
    },
  },
  {
    name: 'a resident marks himself present from his phone (Spanish)',
    run: async (c: C) => {
      const url = meetingUrlOf(c);
      const { page, problems } = await open(c, 'es');
      await signIn(page, c.server.url, c.house.carlos.username, c.house.carlos.password, 'es');
      await heading(page, 'Hoy');
      await page.goto(url);
      await page.getByRole('heading', { name: ITEM_ES }).waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: 'Estoy aquí' }).click();
      await page.getByText('Estás marcado como presente.').waitFor();
      await page.getByText(/^2 de \d+ presentes$/).waitFor();
      // Peers do not see who raised an item without a name; only Carlos sees it was him.
      expect(
        await page.getByText('(Por ', { exact: false }).count(),
        'A peer must not see who raised an item without a name',
      ).toBe(0);
      await checkPage(page, 'meeting in progress (es)');
      noProblems(problems);
    },
  },
];

/** Runs after the decisions journeys: the chair closes the meeting and its minutes go to the house. */
const closeMeetingJourney: Journey = {
  name: 'the chair closes the meeting; its minutes are published to the house (English)',
  run: async (c: C) => {
    const url = meetingUrlOf(c);
    const { page, problems } = await open(c, 'en');
    await signIn(page, c.server.url, c.house.brianna.username, c.house.brianna.password);
    await heading(page, 'Today');
    await page.goto(url);
    await page.getByRole('heading', { name: ITEM_ES }).waitFor({ timeout: 15_000 });
    acceptNextDialog(page);
    await page.getByRole('button', { name: 'Close the meeting' }).click();
    await page.locator('.badge-closed').first().waitFor();
    await page.getByText(MINUTES_EN).waitFor();
    await checkPage(page, 'closed meeting (en)');
    await page.goto(`${c.server.url}/meetings`);
    await heading(page, 'House meetings');
    await page.locator('#past-meetings').waitFor();
    await page.getByRole('link', { name: 'Read the minutes' }).first().waitFor();
    await checkPage(page, 'meetings with a past meeting (en)');
    noProblems(problems);
  },
};

/** A house meeting from its schedule to its minutes, in one house: each journey picks up where the last left off. */
test.describe
  .serial('a house meeting, from the schedule to its minutes', () => {
    const chain = new Chain<C>();
    for (const j of [...meetingJourneys, ...decisionsJourneys, closeMeetingJourney, ...minutesJourneys])
      chain.add(j.name, j.run);
    const state: Record<string, string> = {};
    let house: House;
    test.beforeAll(async ({ world }) => {
      house = await world.newHouse();
    });
    for (const name of chain.names)
      test(name, async ({ ctx }) => {
        await chain.run(name, { ...ctx, state, house });
      });
  });
