// The journeys' test: Playwright's, with the shared world (one Hearth, one organization, made once by
// global-setup.ts), a house of the journey's own, and phones that report what went wrong on them.
import { type Browser, type BrowserContext, test as base, expect } from '@playwright/test';
import { type Hearth, startHearth } from './hearth.ts';
import { type House, type Lang, type Person, World } from './world.ts';

export { expect } from '@playwright/test';

export type JourneyState = Record<string, string>;
export type JourneyContext = {
  server: { url: string };
  browser: Browser;
  /** What one journey of a serial group leaves for the next (a meeting's address, an invitation link). */
  state: JourneyState;
  track: (context: BrowserContext) => void;
  /** Requests any of the journey's phones made outside Hearth's origin: the journey fails if there is one. */
  offOrigin: string[];
};

type TestFixtures = {
  ctx: JourneyContext;
  /** A house of this journey's own: Brianna its peer leader (English), Carlos a resident (Spanish). */
  house: House;
  /** An admin of this journey's own, whose language no other journey changes. */
  adminEn: Person;
  adminEs: Person;
  /** A Hearth of this journey's own, never set up (for the first-run journey). */
  freshHearth: Hearth;
};

export const test = base.extend<TestFixtures, { world: World }>({
  world: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from it
    async ({}, use) => {
      const world = await World.open();
      await use(world);
      await world.close();
    },
    { scope: 'worker' },
  ],
  ctx: async ({ browser, world }, use) => {
    const contexts: BrowserContext[] = [];
    const offOrigin: string[] = [];
    await use({ server: { url: world.url }, browser, state: {}, track: (c) => contexts.push(c), offOrigin });
    for (const context of contexts) await context.close().catch(() => {});
    expect(offOrigin, 'Every request stays on Hearth: nothing goes to a third party').toEqual([]);
  },
  house: async ({ world }, use) => {
    await use(await world.newHouse());
  },
  adminEn: async ({ world }, use) => {
    await use(await world.newAdmin('en'));
  },
  adminEs: async ({ world }, use) => {
    await use(await world.newAdmin('es'));
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from it
  freshHearth: async ({}, use) => {
    const hearth = await startHearth();
    await use(hearth);
    await hearth.stop();
  },
});

export type { House, Lang, Person };
