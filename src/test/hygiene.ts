// Test hygiene (STYLE.md habit 8): an unexpected console.error fails the test, and no test reaches
// the network. A test that means to provoke an error says so with allowConsoleErrors().
import dns from 'node:dns/promises';
import { vi } from 'vitest';

const seen: string[] = [];
let allowed = false;
const originalFetch = globalThis.fetch;
const originalLookup = dns.lookup;

/** The current test expects console.error output; it is still printed, but does not fail the test. */
export function allowConsoleErrors(): void {
  allowed = true;
}

export function watchConsoleErrors(): void {
  seen.length = 0;
  allowed = false;
  const original = console.error.bind(console);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    seen.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '));
    original(...args);
  });
}

/** Throws (failing the test) when console.error was called and the test did not expect it. */
export function assertNoUnexpectedConsoleErrors(): void {
  const found = [...seen];
  seen.length = 0;
  if (found.length > 0 && !allowed) {
    throw new Error(`Unexpected console.error during the test:\n${found.join('\n')}`);
  }
}

const isLoopback = (host: string) => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

/** fetch() may only reach this machine, and only loopback names are resolved (outside requests resolve names
 * themselves, platform/outbound.ts: a test gives them its own resolver). */
export function blockNetwork(): void {
  dns.lookup = ((hostname: string, options: never) =>
    hostname === 'localhost'
      ? originalLookup(hostname, options)
      : Promise.reject(new Error(`Tests may not resolve names (tried ${hostname}).`))) as typeof dns.lookup;
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (!isLoopback(url.hostname)) throw new Error(`Tests may not reach the network (tried ${url.origin}).`);
    return await originalFetch(input, init);
  }) as typeof fetch;
}
