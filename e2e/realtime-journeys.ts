// Browser journeys for live updates (issue 5, part 7): the light in the header. Brianna (English) and
// Carlos (Spanish) see it say Live once their phone is connected, Offline while the phone has no
// network, and Live again when it comes back (it reconnects by itself, with the last event it saw).
// axe-core on each page in both states.
import type { Page } from 'playwright-core';
import { checkAccessibility, expect, type Lang } from './harness.ts';
import { type Journey, noProblems, open, signIn } from './steps.ts';

const LIVE = { timeout: 20_000 };
const WORDS = {
  en: { live: 'Live', offline: 'Offline' },
  es: { live: 'En vivo', offline: 'Sin conexión' },
} as const;

async function lightSays(page: Page, state: 'live' | 'offline', lang: Lang) {
  const light = page.locator(`.realtime-indicator.realtime-${state}`);
  await light.waitFor(LIVE);
  const text = (await light.textContent())?.trim();
  expect(text === WORDS[lang][state], `the light says "${text}", expected "${WORDS[lang][state]}"`);
}

function lightJourney(lang: Lang, login: string, password: string): Journey {
  return {
    name: `realtime: the light in the header says live, offline without network, and live again (${lang === 'en' ? 'English' : 'Spanish'})`,
    run: async (ctx) => {
      const { page, problems } = await open(ctx, lang);
      await signIn(page, ctx.server.url, login, password, lang);
      await lightSays(page, 'live', lang);
      await checkAccessibility(page, `header light live (${lang})`);
      await page.context().setOffline(true);
      await lightSays(page, 'offline', lang);
      await checkAccessibility(page, `header light offline (${lang})`);
      await page.context().setOffline(false);
      await lightSays(page, 'live', lang);
      noProblems(problems.filter((p) => !/WebSocket|ERR_INTERNET_DISCONNECTED/.test(p)));
    },
  };
}

export const realtimeJourneys: Journey[] = [
  lightJourney('en', 'brianna', 'brianna-password-1'),
  lightJourney('es', 'carlos', 'carlos-password-1'),
];
