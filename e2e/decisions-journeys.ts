// Browser journeys for decisions (issue 4, parts 3–5): during the house meeting the meetings journeys
// left in progress (ctx.state.meetingUrl), the peer leader puts a motion and records a commitment for
// Carlos; Carlos votes and finds the commitment on his home screen and marks it done (Spanish); the vote
// is closed and counted. After the meeting closes, its printable minutes and the house's searchable
// history. axe-core on every page.
import type { Page } from 'playwright-core';
import { checkAccessibility, expect } from './harness.ts';
import { heading, type Journey, noProblems, open, signIn } from './steps.ts';

const MOTION = 'A weekend kitchen rota, posted on the fridge';
const HOW = 'Will drive Brianna to the Tuesday meeting';

function meetingIdOf(ctx: { state: Record<string, string> }): string {
  const url = ctx.state.meetingUrl;
  const id = url ? /\/meetings\/([0-9a-f-]{36})/.exec(url)?.[1] : undefined;
  expect(
    id,
    `The meetings journeys should leave ctx.state.meetingUrl for a meeting in progress (got "${url}")`,
  );
  return id;
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
  expect(detail.status === 200, `GET /api/meetings/${meetingId} answered ${detail.status}`);
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
    expect(marked.status === 200, `Marking ${person.displayName} present answered ${marked.status}`);
  }
}

async function selectOptionStarting(page: Page, name: string, starts: string) {
  const select = page.locator(`select[name="${name}"]`).first();
  const options = await select.locator('option').allTextContents();
  const label = options.find((o) => o.startsWith(starts));
  expect(label, `No option starting "${starts}" in ${name}: ${options.join(', ')}`);
  await select.selectOption({ label });
}

export const decisionsJourneys: Journey[] = [
  {
    name: 'during the meeting the peer leader puts a motion, votes, and records a commitment for Carlos',
    run: async (ctx) => {
      const meetingId = meetingIdOf(ctx);
      const { page, problems } = await open(ctx, 'en');
      await signIn(page, ctx.server.url, 'brianna', 'brianna-password-1');
      await heading(page, 'Today');
      await bothPresent(page, meetingId);
      await page.goto(`${ctx.server.url}/meetings/${meetingId}`);
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
      await checkAccessibility(page, 'meeting with a motion and a commitment');
      noProblems(problems);
    },
  },
  {
    name: 'Carlos votes, then finds his commitment on his home screen and marks it done (Spanish)',
    run: async (ctx) => {
      const meetingId = meetingIdOf(ctx);
      const { page, problems } = await open(ctx, 'es');
      await signIn(page, ctx.server.url, 'carlos', 'carlos-password-1', 'es');
      await heading(page, 'Hoy');
      const mine = page.locator('.my-commitments');
      await mine.getByRole('heading', { name: 'Mis compromisos' }).waitFor();
      await mine.locator('.commitment', { hasText: HOW }).waitFor();
      await checkAccessibility(page, 'today with an open commitment (es)');

      await page.goto(`${ctx.server.url}/meetings/${meetingId}`);
      const motion = page.locator('.motion', { hasText: MOTION }).first();
      await motion.waitFor({ timeout: 15_000 });
      await motion.getByRole('button', { name: 'A favor', exact: true }).click();
      await motion.getByText('Tu voto: a favor').waitFor();
      await checkAccessibility(page, 'meeting after voting (es)');

      await page.goto(`${ctx.server.url}/today`);
      await heading(page, 'Hoy');
      const line = page.locator('.my-commitments .commitment', { hasText: HOW });
      await line.getByRole('button', { name: /Marcar como hecho/ }).click();
      await line.getByLabel('Unas palabras sobre cómo fue (opcional)').fill('Fuimos juntos el martes.');
      await line.getByRole('button', { name: 'Guardar como hecho' }).click();
      await page.getByText('Marcado como hecho. Gracias por ayudar.').waitFor();
      await page.reload();
      await heading(page, 'Hoy');
      await page.locator('.my-commitments').getByText('No tienes compromisos pendientes.').waitFor();
      await checkAccessibility(page, 'today after marking done (es)');
      noProblems(problems);
    },
  },
  {
    name: 'the peer leader closes the vote: it carries, counted among the members present',
    run: async (ctx) => {
      const meetingId = meetingIdOf(ctx);
      const { page, problems } = await open(ctx, 'en');
      await signIn(page, ctx.server.url, 'brianna', 'brianna-password-1');
      await heading(page, 'Today');
      await page.goto(`${ctx.server.url}/meetings/${meetingId}`);
      const motion = page.locator('.motion', { hasText: MOTION }).first();
      await motion.waitFor({ timeout: 15_000 });
      await motion.getByRole('button', { name: /Close the vote and count/ }).click();
      await motion.getByText('Carried', { exact: true }).waitFor();
      await motion.getByText(/For 2 · Against 0 · Abstain 0 · Present \d+ \(quorum 2\)/).waitFor();
      await checkAccessibility(page, 'meeting with a carried motion');
      noProblems(problems);
    },
  },
];

/** After the meetings journeys close the meeting: its minutes, printable, and the house's history. */
export const minutesJourneys: Journey[] = [
  {
    name: "the closed meeting's minutes, printable, and the house's searchable history",
    run: async (ctx) => {
      const meetingId = meetingIdOf(ctx);
      const { page, problems } = await open(ctx, 'en');
      await signIn(page, ctx.server.url, 'brianna', 'brianna-password-1');
      await heading(page, 'Today');
      await page.goto(`${ctx.server.url}/meetings/${meetingId}/minutes`);
      await page.getByRole('heading', { level: 1, name: /^Minutes: / }).waitFor({ timeout: 15_000 });
      await page.getByText(MOTION).first().waitFor();
      await page.getByText(HOW).first().waitFor();
      await checkAccessibility(page, 'printable minutes');
      await page.emulateMedia({ media: 'print' });
      expect(!(await page.locator('.app-header').isVisible()), 'The printed minutes hide the app header');
      await page.emulateMedia({ media: 'screen' });

      await page.locator('.minutes .no-print a').click();
      await page.getByRole('heading', { level: 1, name: /^Minutes of / }).waitFor();
      await page.getByRole('searchbox').fill('kitchen');
      await page.getByRole('searchbox').press('Enter');
      await page.waitForURL(/q=kitchen/);
      await page.locator('.minutes-history li').first().waitFor();
      await checkAccessibility(page, 'minutes history with a search');
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
