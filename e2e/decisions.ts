// Browser journeys for decisions (issue 4, parts 3–5), run by meetings.spec.ts: during the house meeting
// the meetings journeys left in progress (state.meetingUrl), the peer leader puts a motion and records a commitment for
// Carlos; Carlos votes and finds the commitment on his home screen and marks it done (Spanish); the vote
// is closed and counted. After the meeting closes, its printable minutes and the house's searchable
// history. axe-core on every page.
import type { Page } from '@playwright/test';
import { expect, type House, type JourneyContext } from './fixtures.ts';
import { checkPage, heading, noProblems, open, signIn } from './steps.ts';

export type C = JourneyContext & { house: House };
export type Journey = { name: string; run: (c: C) => Promise<void> };

const MOTION = 'A weekend kitchen rota, posted on the fridge';
const HOW = 'Will drive Brianna to the Tuesday meeting';

function meetingIdOf(c: { state: Record<string, string> }): string {
  const url = c.state.meetingUrl;
  const id = url ? /\/meetings\/([0-9a-f-]{36})/.exec(url)?.[1] : undefined;
  expect(
    id,
    `The meetings journeys should leave state.meetingUrl for a meeting in progress (got "${url}")`,
  ).toBeTruthy();
  return id!;
}

/** Same-origin API call from the signed-in page (for set-up the meeting page itself does not show). */
async function apiFrom(page: Page, method: string, path: string, body?: unknown) {
  return await page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { method, path, body },
  );
}

/** Brianna (peer leader) and Carlos are both marked present, so both may vote and a quorum of two is there. */
async function bothPresent(page: Page, meetingId: string) {
  const detail = await apiFrom(page, 'GET', `/api/meetings/${meetingId}`);
  expect(detail.status, `GET /api/meetings/${meetingId}`).toBe(200);
  const attendance = (detail.body.attendance ?? []) as {
    personId: string;
    displayName: string;
    status: string;
  }[];
  for (const person of attendance.filter((a) => /^(Brianna|Carlos)/.test(a.displayName))) {
    if (person.status === 'present') continue;
    const marked = await apiFrom(page, 'POST', `/api/meetings/${meetingId}/attendance`, {
      personId: person.personId,
      status: 'present',
    });
    expect(marked.status, `Marking ${person.displayName} present`).toBe(200);
  }
}

async function selectOptionStarting(page: Page, name: string, starts: string) {
  const select = page.locator(`select[name="${name}"]`).first();
  const options = await select.locator('option').allTextContents();
  const label = options.find((o) => o.startsWith(starts));
  expect(label, `No option starting "${starts}" in ${name}: ${options.join(', ')}`).toBeTruthy();
  await select.selectOption({ label: label! });
}

export const decisionsJourneys: Journey[] = [
  {
    name: 'during the meeting the peer leader puts a motion, votes, and records a commitment for Carlos',
    run: async (c: C) => {
      const meetingId = meetingIdOf(c);
      const { page, problems } = await open(c, 'en');
      await signIn(page, c.server.url, c.house.brianna.username, c.house.brianna.password);
      await heading(page, 'Today');
      await bothPresent(page, meetingId);
      await page.goto(`${c.server.url}/meetings/${meetingId}`);
      await page.getByRole('heading', { name: 'Votes' }).first().waitFor({ timeout: 15_000 });

      await page.getByText('Put a motion to the house').first().click();
      await page.getByLabel('The motion').first().fill(MOTION);
      await page.getByRole('button', { name: 'Put it to a vote' }).first().click();
      const motion = page.locator('.motion', { hasText: MOTION }).first();
      await motion.waitFor();
      await motion.getByRole('button', { name: 'For', exact: true }).click();
      await motion.getByText('Your vote: for').waitFor();
      await motion.getByText('Voting is open · 1 voted').waitFor();

      const commitments = page.locator('.item-commitments').first();
      await commitments.getByText('Add a commitment').click();
      await selectOptionStarting(page, 'helperId', 'Carlos');
      await selectOptionStarting(page, 'helpedId', 'Brianna');
      await commitments.getByLabel('How').fill(HOW);
      await commitments.getByLabel('Kind of support').selectOption('instrumental');
      await commitments.getByRole('button', { name: 'Save commitment' }).click();
      await commitments.getByText('Commitment saved.').waitFor();
      await commitments.locator('.commitment', { hasText: HOW }).waitFor();
      await checkPage(page, 'meeting with a motion and a commitment');
      noProblems(problems);
    },
  },
  {
    name: 'Carlos votes, then finds his commitment on his home screen and marks it done (Spanish)',
    run: async (c: C) => {
      const meetingId = meetingIdOf(c);
      const { page, problems } = await open(c, 'es');
      await signIn(page, c.server.url, c.house.carlos.username, c.house.carlos.password, 'es');
      await heading(page, 'Hoy');
      const mine = page.locator('.my-commitments');
      await mine.getByRole('heading', { name: 'Mis compromisos' }).waitFor();
      await mine.locator('.commitment', { hasText: HOW }).waitFor();
      await checkPage(page, 'today with an open commitment (es)');

      await page.goto(`${c.server.url}/meetings/${meetingId}`);
      const motion = page.locator('.motion', { hasText: MOTION }).first();
      await motion.waitFor({ timeout: 15_000 });
      await motion.getByRole('button', { name: 'A favor', exact: true }).click();
      await motion.getByText('Tu voto: a favor').waitFor();
      await checkPage(page, 'meeting after voting (es)');

      await page.goto(`${c.server.url}/today`);
      await heading(page, 'Hoy');
      const line = page.locator('.my-commitments .commitment', { hasText: HOW });
      await line.getByRole('button', { name: /Marcar como hecho/ }).click();
      await line.getByLabel('Unas palabras sobre cómo fue (opcional)').fill('Fuimos juntos el martes.');
      await line.getByRole('button', { name: 'Guardar como hecho' }).click();
      await page.getByText('Marcado como hecho. Gracias por ayudar.').waitFor();
      await page.reload();
      await heading(page, 'Hoy');
      await page.locator('.my-commitments').getByText('No tienes compromisos pendientes.').waitFor();
      await checkPage(page, 'today after marking done (es)');
      noProblems(problems);
    },
  },
  {
    name: 'the peer leader closes the vote: it carries, counted among the members present',
    run: async (c: C) => {
      const meetingId = meetingIdOf(c);
      const { page, problems } = await open(c, 'en');
      await signIn(page, c.server.url, c.house.brianna.username, c.house.brianna.password);
      await heading(page, 'Today');
      await page.goto(`${c.server.url}/meetings/${meetingId}`);
      const motion = page.locator('.motion', { hasText: MOTION }).first();
      await motion.waitFor({ timeout: 15_000 });
      await motion.getByRole('button', { name: /Close the vote and count/ }).click();
      await motion.getByText('Carried', { exact: true }).waitFor();
      await motion.getByText(/For 2 · Against 0 · Abstain 0 · Present \d+ \(quorum 2\)/).waitFor();
      await checkPage(page, 'meeting with a carried motion');
      noProblems(problems);
    },
  },
];

/** After the meetings journeys close the meeting: its minutes, printable, and the house's history. */
export const minutesJourneys: Journey[] = [
  {
    name: "the closed meeting's minutes, printable, and the house's searchable history",
    run: async (c: C) => {
      const meetingId = meetingIdOf(c);
      const { page, problems } = await open(c, 'en');
      await signIn(page, c.server.url, c.house.brianna.username, c.house.brianna.password);
      await heading(page, 'Today');
      await page.goto(`${c.server.url}/meetings/${meetingId}/minutes`);
      await page.getByRole('heading', { level: 1, name: /^Minutes: / }).waitFor({ timeout: 15_000 });
      await page.getByText(MOTION).first().waitFor();
      await page.getByText(HOW).first().waitFor();
      await checkPage(page, 'printable minutes');
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.app-header').isVisible(), 'The printed minutes hide the app header').toBe(
        false,
      );
      await page.emulateMedia({ media: 'screen' });

      await page.locator('.minutes .no-print a').click();
      await page.getByRole('heading', { level: 1, name: /^Minutes of / }).waitFor();
      await page.getByRole('searchbox').fill('kitchen');
      await page.getByRole('searchbox').press('Enter');
      await page.waitForURL(/q=kitchen/);
      await page.locator('.minutes-history li').first().waitFor();
      await checkPage(page, 'minutes history with a search');
      await page.getByRole('searchbox').fill('zebra-nothing');
      await page.getByRole('searchbox').press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: /zebra-nothing/ })
        .waitFor();
      noProblems(problems);
    },
  },
];
