// Where the server reads the time: the system clock in production; tests move it (src/test/clock.ts)
// instead of rewriting when things happened. Services take the time they need from it as a `now`.
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };
