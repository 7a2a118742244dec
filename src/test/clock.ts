// The test app's clock: the system time moved by however far the test moved it. Time still flows (rows
// the database stamps keep their order); each test starts with the clock back at the system time.
import type { Clock } from '../server/platform/clock.ts';

export type Duration = { days?: number; hours?: number; minutes?: number; seconds?: number; ms?: number };

const msOf = ({ days = 0, hours = 0, minutes = 0, seconds = 0, ms = 0 }: Duration) =>
  (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000 + ms;

export type TestClock = Clock & {
  /** Moves the clock forward (a negative duration moves it back). */
  advance(by: Duration): void;
  /** Sets the clock to this moment, from which it goes on flowing. */
  set(to: Date): void;
  /** Back to the system time. */
  reset(): void;
};

let offsetMs = 0;

const clock: TestClock = {
  now: () => new Date(Date.now() + offsetMs),
  advance: (by) => {
    offsetMs += msOf(by);
  },
  set: (to) => {
    offsetMs = to.getTime() - Date.now();
  },
  reset: () => {
    offsetMs = 0;
  },
};

/** The clock of this test file's apps (and of the jobs a test runs by hand). */
export const testClock = (): TestClock => clock;
