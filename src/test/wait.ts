// Waiting in tests: on a condition, never for a fixed time — except a quiet period in which a test checks
// that nothing happens, which says so by its name.

export type WaitOptions = { timeout?: number; interval?: number; message?: string };

/**
 * Resolves with the condition's first truthy answer, checking it every `interval` ms (20) for up to
 * `timeout` ms (5000); a check that throws counts as not yet. Fails with `message` (or the last error).
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  { timeout = 5000, interval = 20, message }: WaitOptions = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const answer = await condition();
      if (answer) return answer as NonNullable<T>;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`${message ?? 'The condition was not met'} within ${timeout} ms${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * A quiet period: `check` (the "nothing happened" the test asserts, e.g. no event reached a socket) must
 * hold all through `ms` milliseconds, and still at the end. What should happen is awaited before it.
 */
export async function expectNothingFor(ms: number, check: () => void | Promise<void>): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    await check();
    const left = end - Date.now();
    if (left <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(left, 25)));
  }
}
