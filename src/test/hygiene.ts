// Test hygiene (STYLE.md habit 8): an unexpected console.error fails the test, and no test reaches
// the network. A test that means to provoke an error says so with allowConsoleErrors().
import type { LookupAddress } from 'node:dns';
import dns from 'node:dns/promises';
import net from 'node:net';
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

/** 127.0.0.0/8 and ::1 (also written IPv4-mapped, or in full). */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  const v4 = bare.replace(/^::ffff:/, '');
  if (net.isIPv4(v4)) return v4.startsWith('127.');
  return net.isIPv6(bare) && /^(0{0,4}:){2,7}0{0,3}1$/.test(bare);
}

const refusedConnections: string[] = [];

function refuseConnection(target: string): Error {
  const message = `Tests may not reach the network: a connection to ${target} was refused before it was made (loopback and Unix sockets only).`;
  refusedConnections.push(message);
  return new Error(message);
}

/** The connections refused since the last call (the guard's own test takes them, so they fail nothing). */
export function takeRefusedConnections(): string[] {
  return refusedConnections.splice(0);
}

/** Throws (failing the test) when the code under test tried to connect out, even if it caught the error. */
export function assertNoRefusedConnections(): void {
  const refused = takeRefusedConnections();
  if (refused.length > 0) throw new Error(refused.join('\n'));
}

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;
type Lookup = (hostname: string, options: object, callback: LookupCallback) => void;

/** A socket's own lookup (outbound.ts pins the addresses it checked) may answer loopback addresses only. */
function guardedLookup(lookup: Lookup): Lookup {
  return (hostname, options, callback) =>
    lookup(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const addresses = Array.isArray(address) ? address.map((a) => a.address) : [address];
      const outside = addresses.find((a) => !isLoopbackAddress(a));
      if (outside !== undefined)
        return callback(refuseConnection(`${hostname} (${outside})`), address, family);
      callback(null, address, family);
    });
}

/**
 * Every TCP connection of this process goes through net.Socket.prototype.connect (net.connect, http,
 * https and tls, undici's fetch, pg, ws): one to anything but loopback throws there, before any packet.
 */
function guardSockets(): void {
  const original = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket;
  if ((original as { guarded?: boolean }).guarded) return;
  const guarded = function (this: net.Socket, ...args: unknown[]): net.Socket {
    // net.connect() passes its already normalized arguments as one array.
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    const options: { path?: unknown; host?: unknown; port?: unknown; lookup?: Lookup } =
      typeof first === 'object' && first !== null
        ? first
        : typeof first === 'string' && !/^\d+$/.test(first)
          ? { path: first }
          : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
    if (options.path === undefined || options.path === null) {
      const host = typeof options.host === 'string' && options.host !== '' ? options.host : 'localhost';
      if (net.isIP(host.replace(/^\[|\]$/g, ''))) {
        if (!isLoopbackAddress(host)) throw refuseConnection(`${host}:${String(options.port)}`);
      } else if (options.lookup) {
        options.lookup = guardedLookup(options.lookup);
      } else if (host !== 'localhost') {
        throw refuseConnection(`${host}:${String(options.port)}`);
      }
    }
    return original.apply(this, args);
  };
  Object.assign(guarded, { guarded: true });
  net.Socket.prototype.connect = guarded as typeof net.Socket.prototype.connect;
}

/** fetch() and every socket may only reach this machine, and only loopback names are resolved (outside
 * requests resolve names themselves, platform/outbound.ts: a test gives them its own resolver). */
export function blockNetwork(): void {
  guardSockets();
  dns.lookup = ((hostname: string, options: never) =>
    hostname === 'localhost'
      ? originalLookup(hostname, options)
      : Promise.reject(new Error(`Tests may not resolve names (tried ${hostname}).`))) as typeof dns.lookup;
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (!isLoopback(url.hostname) && !isLoopbackAddress(url.hostname)) {
      refusedConnections.push(`fetch ${url.origin}`);
      throw new Error(`Tests may not reach the network (tried ${url.origin}).`);
    }
    return await originalFetch(input, init);
  }) as typeof fetch;
}
