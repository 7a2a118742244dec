// "May Hearth send a request to this URL?" — one answer for every request Hearth makes to an address
// someone else chose (a Meeting Guide feed, a push endpoint). Only public unicast addresses are allowed
// (ipaddr.js decides the ranges), every address a name resolves to must be allowed, and the connection
// goes to exactly the address that was checked: the name is never resolved a second time, so a name
// whose answer changes in between (DNS rebinding) cannot lead inside. Redirects are checked the same way.
import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/** A name's addresses (every one of them). Tests inject their own; Hearth asks the system resolver. */
export type ResolveHost = (host: string) => Promise<string[]>;

export const resolveWithSystem: ResolveHost = async (host) =>
  (await dns.lookup(host, { all: true, order: 'verbatim' })).map((a) => a.address);

/** What tests may replace: the resolver, and (to stand for "public" on a loopback-only machine) the check. */
export type OutboundHooks = {
  resolveHost: ResolveHost;
  isAllowedAddress: (address: string) => boolean;
};

export type OutboundPolicy = Partial<OutboundHooks> & {
  /** The operator's setting for closed networks and tests: any address, over http too, unchecked. */
  allowPrivate: boolean;
};

export type OutboundFailure =
  | 'not_http'
  | 'not_found'
  | 'private_address'
  | 'unreachable'
  | 'timeout'
  | 'too_large'
  | 'incomplete'
  | 'redirect';

/** Why a request was not sent or not completed; callers turn it into their own words. */
export class OutboundError extends Error {
  readonly reason: OutboundFailure;
  constructor(reason: OutboundFailure) {
    super(`The outside request failed: ${reason}`);
    this.reason = reason;
  }
}

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * A public unicast address, in any form ipaddr.js reads (decimal, hex, octal, short IPv4; IPv6 with an
 * embedded IPv4). Mapped IPv6 is unwrapped first; everything ipaddr.js does not call `unicast` is
 * refused — loopback, private, link-local, CGNAT, multicast, reserved, and the IPv6 forms that carry
 * an IPv4 address inside (NAT64 64:ff9b::/96, 6to4 2002::/16, Teredo), whatever address they carry.
 * IPv6 outside global unicast 2000::/3 (e.g. the old IPv4-compatible ::a.b.c.d) is refused too.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (parsed.range() !== 'unicast') return false;
  return parsed.kind() === 'ipv4' || parsed.match(GLOBAL_UNICAST_V6);
}

const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

/** The URL is http(s) and, unless private hosts are allowed, not a loopback name or a refused literal address. */
export function checkUrlShape(url: URL, policy: OutboundPolicy): void {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new OutboundError('not_http');
  if (policy.allowPrivate) return;
  const host = bareHost(url).toLowerCase();
  const allowed = policy.isAllowedAddress ?? isPublicAddress;
  if (host === 'localhost' || host.endsWith('.localhost')) throw new OutboundError('private_address');
  if (net.isIP(host) && !allowed(host)) throw new OutboundError('private_address');
}

/**
 * The addresses Hearth may connect to for this URL: the literal address, or every address its name
 * resolves to — all of which must be allowed. null when private hosts are allowed (nothing is checked).
 */
export async function allowedAddresses(url: URL, policy: OutboundPolicy): Promise<string[] | null> {
  checkUrlShape(url, policy);
  if (policy.allowPrivate) return null;
  const host = bareHost(url);
  if (net.isIP(host)) return [host];
  const addresses = await (policy.resolveHost ?? resolveWithSystem)(host).catch(() => {
    throw new OutboundError('not_found');
  });
  const allowed = policy.isAllowedAddress ?? isPublicAddress;
  if (addresses.length === 0) throw new OutboundError('not_found');
  if (!addresses.every(allowed)) throw new OutboundError('private_address');
  return addresses;
}

/** A lookup for the socket that answers with the checked addresses only, never asking DNS again. */
export function pinnedLookup(addresses: string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: net.isIP(address) }));
  return ((_hostname, options, callback) => {
    const first = entries[0];
    if (!first) return callback(new Error('no address'), '', 0);
    if (options.all) return (callback as unknown as (e: null, a: typeof entries) => void)(null, entries);
    return callback(null, first.address, first.family);
  }) as LookupFunction;
}

export type OutboundRequest = {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: Uint8Array | null;
  /** For the whole exchange, redirects included. */
  timeoutMs: number;
  /** Larger answers are refused ('too_large'), whether declared or streamed. */
  maxBytes: number;
  /** 0: a redirect is an answer like any other (its status is returned). */
  maxRedirects?: number;
};

export type OutboundResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Sends one request under the policy, following (and checking) up to `maxRedirects` redirects. */
export async function sendOutbound(
  target: string | URL,
  request: OutboundRequest,
  policy: OutboundPolicy,
): Promise<OutboundResponse> {
  const signal = AbortSignal.timeout(request.timeoutMs);
  let url = new URL(target);
  let current = request;
  for (let hop = 0; ; hop++) {
    const addresses = await untilAborted(allowedAddresses(url, policy), signal);
    const response = await exchange(url, current, addresses, signal);
    const location = response.headers.location;
    if (!REDIRECTS.has(response.status) || (request.maxRedirects ?? 0) === 0) return response;
    if (hop >= (request.maxRedirects ?? 0) || !location) throw new OutboundError('redirect');
    try {
      url = new URL(location, url);
    } catch {
      throw new OutboundError('redirect');
    }
    if (response.status === 303) current = { ...current, method: 'GET', body: null };
  }
}

/** A slow resolver counts against the same time limit as the exchange. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const stop = () => reject(new OutboundError('timeout'));
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

function exchange(
  url: URL,
  request: OutboundRequest,
  addresses: string[] | null,
  signal: AbortSignal,
): Promise<OutboundResponse> {
  const failure = (fallback: OutboundFailure) => new OutboundError(signal.aborted ? 'timeout' : fallback);
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? https.request : http.request;
    const outgoing = send(
      {
        protocol: url.protocol,
        hostname: bareHost(url),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: request.method ?? 'GET',
        headers: request.headers,
        // A fresh connection each time: a pooled socket could have been opened for another address.
        agent: false,
        signal,
        ...(addresses ? { lookup: pinnedLookup(addresses) } : {}),
      },
      (incoming) => {
        const declared = Number(incoming.headers['content-length'] ?? 0);
        if (declared > request.maxBytes) {
          reject(new OutboundError('too_large'));
          return incoming.destroy();
        }
        const chunks: Buffer[] = [];
        let size = 0;
        incoming.on('data', (chunk: Buffer) => {
          size += chunk.byteLength;
          if (size > request.maxBytes) {
            // Rejected first: destroying the stream says 'aborted' at once.
            reject(new OutboundError('too_large'));
            incoming.destroy();
            return;
          }
          chunks.push(chunk);
        });
        incoming.on('error', () => reject(failure('incomplete')));
        incoming.on('aborted', () => reject(failure('incomplete')));
        incoming.on('end', () => {
          if (!incoming.complete) return reject(failure('incomplete'));
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks),
          });
        });
      },
    );
    outgoing.on('error', () => reject(failure('unreachable')));
    outgoing.end(request.body ?? undefined);
  });
}
