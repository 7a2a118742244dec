// Browser journeys for live updates (issue 5, part 7): the light in the header. Brianna (English) and
// Carlos (Spanish) see it say Live once their phone is connected, Offline while the phone has no
// network, and Live again when it comes back (it reconnects by itself, with the last event it saw).
// axe-core on each page in both states.
import type { Page } from '@playwright/test';
import { expect, type House, type JourneyContext, type Lang, test } from './fixtures.ts';
import { checkPage, noProblems, open, signIn } from './steps.ts';

type C = JourneyContext & { house: House };
type Journey = { name: string; run: (c: C) => Promise<void> };

const LIVE = { timeout: 20_000 };
const WORDS = {
  en: { live: 'Live', offline: 'Offline' },
  es: { live: 'En vivo', offline: 'Sin conexión' },
} as const;

async function lightSays(page: Page, state: 'live' | 'offline', lang: Lang) {
  const light = page.locator(`.realtime-indicator.realtime-${state}`);
  await light.waitFor(LIVE);
  const text = (await light.textContent())?.trim();
  expect(text, `the light says "${text}", expected "${WORDS[lang][state]}"`).toBe(WORDS[lang][state]);
}

function lightJourney(lang: Lang, who: 'brianna' | 'carlos'): Journey {
  return {
    name: `realtime: the light in the header says live, offline without network, and live again (${lang === 'en' ? 'English' : 'Spanish'})`,
    run: async (c: C) => {
      const { page, problems } = await open(c, lang);
      await signIn(page, c.server.url, c.house[who].username, c.house[who].password, lang);
      await lightSays(page, 'live', lang);
      await checkPage(page, `header light live (${lang})`);
      await page.context().setOffline(true);
      await lightSays(page, 'offline', lang);
      await checkPage(page, `header light offline (${lang})`);
      await page.context().setOffline(false);
      await lightSays(page, 'live', lang);
      noProblems(problems.filter((p) => !/WebSocket|ERR_INTERNET_DISCONNECTED/.test(p)));
    },
  };
}

const realtimeJourneys: Journey[] = [lightJourney('en', 'brianna'), lightJourney('es', 'carlos')];

for (const journey of realtimeJourneys)
  test(journey.name, async ({ ctx, house }) => {
    await journey.run({ ...ctx, house });
  });
