// The browser journeys, run in order against one Hearth: first-run setup, then what people do next.
import type { Browser, Page } from 'playwright-core';
import type { Server } from './harness.ts';

export type JourneyState = Record<string, string>;
export type JourneyContext = { server: Server; browser: Browser; state: JourneyState };
export type Journey = { name: string; run: (ctx: JourneyContext & { track: (page: Page) => void }) => Promise<void> };

export const journeys: Journey[] = [];
