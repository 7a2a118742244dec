import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedAddresses,
  checkUrlShape,
  isPublicAddress,
  type OutboundError,
  type OutboundPolicy,
  pinnedLookup,
  sendOutbound,
} from './outbound.ts';

const refused: [string, string][] = [
  ['127.0.0.1', 'loopback'],
  ['127.1', 'loopback, short form'],
  ['0x7f.1', 'loopback, hex short form'],
  ['0x7f000001', 'loopback, one hex number'],
  ['2130706433', 'loopback, one decimal number'],
  ['0177.0.0.1', 'loopback, octal'],
  ['017700000001', 'loopback, one octal number'],
  ['10.0.0.1', 'private 10/8'],
  ['10.1', 'private 10/8, short form'],
  ['0xa.0.0.1', 'private 10/8, hex'],
  ['172.16.0.1', 'private 172.16/12'],
  ['172.31.255.255', 'private 172.16/12, last'],
  ['192.168.1.1', 'private 192.168/16'],
  ['0xc0a80101', 'private 192.168/16, hex'],
  ['169.254.169.254', 'link-local (cloud metadata)'],
  ['0xa9fea9fe', 'link-local, hex'],
  ['2852039166', 'link-local, decimal'],
  ['100.64.0.1', 'carrier-grade NAT'],
  ['0.0.0.0', 'unspecified'],
  ['0', 'unspecified, one number'],
  ['255.255.255.255', 'broadcast'],
  ['224.0.0.1', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['192.0.2.1', 'documentation'],
  ['198.18.0.1', 'benchmarking'],
  ['::1', 'IPv6 loopback'],
  ['::', 'IPv6 unspecified'],
  ['::ffff:127.0.0.1', 'mapped loopback, dotted'],
  ['::ffff:7f00:1', 'mapped loopback, hex'],
  ['0:0:0:0:0:ffff:7f00:1', 'mapped loopback, hex, written out'],
  ['::ffff:a9fe:a9fe', 'mapped 169.254.169.254'],
  ['::ffff:169.254.169.254', 'mapped 169.254.169.254, dotted'],
  ['::ffff:a00:1', 'mapped 10.0.0.1'],
  ['::ffff:c0a8:101', 'mapped 192.168.1.1'],
  ['::ffff:0:7f00:1', 'IPv4-translated loopback'],
  ['::127.0.0.1', 'IPv4-compatible loopback'],
  ['::a00:1', 'IPv4-compatible 10.0.0.1'],
  ['64:ff9b::7f00:1', 'NAT64 of loopback'],
  ['64:ff9b::a00:1', 'NAT64 of 10.0.0.1'],
  ['64:ff9b::a9fe:a9fe', 'NAT64 of 169.254.169.254'],
  ['64:ff9b::808:808', 'NAT64 of a public address (refused too)'],
  ['64:ff9b:1::a00:1', 'local-use NAT64'],
  ['2002:7f00:1::1', '6to4 of loopback'],
  ['2002:c0a8:101::1', '6to4 of 192.168.1.1'],
  ['2002:808:808::1', '6to4 of a public address (refused too)'],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
  ['fec0::1', 'site-local'],
  ['fc00::1', 'unique-local fc00::/7'],
  ['fd12:3456:789a::1', 'unique-local fd'],
  ['fe80::1', 'link-local'],
  ['febf::1', 'link-local, last block'],
  ['ff02::1', 'multicast'],
  ['2001:db8::1', 'documentation'],
  ['100::1', 'discard'],
  ['example.org', 'not an address'],
  ['', 'empty'],
  ['1.2.3.4.5', 'not an address'],
];

const allowed: [string, string][] = [
  ['8.8.8.8', 'public'],
  ['1.1.1.1', 'public'],
  ['93.184.216.34', 'public'],
  ['172.15.255.255', 'just below 172.16/12'],
  ['172.32.0.1', 'just above 172.16/12'],
  ['192.169.0.1', 'just above 192.168/16'],
  ['100.128.0.1', 'just above carrier-grade NAT'],
  ['2606:4700:4700::1111', 'public IPv6'],
  ['2a00:1450:4001:82a::200e', 'public IPv6'],
  ['::ffff:8.8.8.8', 'mapped public address'],
];

describe('isPublicAddress', () => {
  it.each(refused)('should refuse %s (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(allowed)('should allow %s (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('should refuse every 10/8 address however it is written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (low) => {
        const value = 0x0a000000 + low;
        const dotted = [24, 16, 8, 0].map((s) => (value >>> s) & 255).join('.');
        for (const form of [dotted, String(value), `0x${value.toString(16)}`, `0${value.toString(8)}`]) {
          if (isPublicAddress(form)) return false;
        }
        return !isPublicAddress(
          `::ffff:${((value >>> 16) & 0xffff).toString(16)}:${(value & 0xffff).toString(16)}`,
        );
      }),
    );
  });
});

const shapeOf = (url: string, policy: OutboundPolicy = { allowPrivate: false }) => {
  try {
    checkUrlShape(new URL(url), policy);
    return 'ok';
  } catch (error) {
    return (error as OutboundError).reason;
  }
};

describe('checkUrlShape', () => {
  it.each([
    'http://0x7f.1/',
    'http://0x7f000001/',
    'http://2130706433/',
    'http://0177.0.0.1/',
    'http://127.1/',
    'http://[::ffff:7f00:1]/',
    'http://[0:0:0:0:0:ffff:7f00:1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
    'http://[::ffff:169.254.169.254]/',
    'http://[::ffff:10.0.0.1]/',
    'http://[::ffff:192.168.0.1]/',
    'http://[64:ff9b::127.0.0.1]/',
    'http://[2002:7f00:1::]/',
    'http://[fe80::1]/',
    'http://localhost:3000/',
    'http://feeds.localhost/',
  ])('should refuse %s as a private address (the URL parser normalises it first)', (url) => {
    expect(shapeOf(url)).toBe('private_address');
  });

  it('should refuse what is not http(s), and let anything http(s) through when private hosts are allowed', () => {
    expect(shapeOf('ftp://example.org/feed.json')).toBe('not_http');
    expect(shapeOf('file:///etc/passwd', { allowPrivate: true })).toBe('not_http');
    expect(shapeOf('http://127.0.0.1:8080/feed.json', { allowPrivate: true })).toBe('ok');
    expect(shapeOf('https://example.org/feed.json')).toBe('ok');
  });
});

describe('allowedAddresses', () => {
  const resolving =
    (answer: string[] | Error): OutboundPolicy['resolveHost'] =>
    async () => {
      if (answer instanceof Error) throw answer;
      return answer;
    };
  const reasonFor = (policy: OutboundPolicy) =>
    allowedAddresses(new URL('https://feeds.example.org/meetings.json'), policy).then(
      (addresses) => addresses,
      (error: OutboundError) => error.reason,
    );

  it('should give back every address a public name resolves to', async () => {
    expect(
      await reasonFor({ allowPrivate: false, resolveHost: resolving(['93.184.216.34', '2606:4700::1']) }),
    ).toEqual(['93.184.216.34', '2606:4700::1']);
  });

  it('should refuse a name when any one of its addresses is private', async () => {
    expect(
      await reasonFor({ allowPrivate: false, resolveHost: resolving(['93.184.216.34', '10.0.0.5']) }),
    ).toBe('private_address');
    expect(await reasonFor({ allowPrivate: false, resolveHost: resolving(['::ffff:7f00:1']) })).toBe(
      'private_address',
    );
  });

  it('should say a name that does not resolve is not found', async () => {
    expect(await reasonFor({ allowPrivate: false, resolveHost: resolving(new Error('ENOTFOUND')) })).toBe(
      'not_found',
    );
    expect(await reasonFor({ allowPrivate: false, resolveHost: resolving([]) })).toBe('not_found');
  });

  it('should not resolve anything when private hosts are allowed', async () => {
    expect(
      await reasonFor({ allowPrivate: true, resolveHost: resolving(new Error('must not be asked')) }),
    ).toBeNull();
  });
});

describe('pinnedLookup', () => {
  it('should answer with the checked addresses only, one or all as the socket asks', async () => {
    const lookup = pinnedLookup(['93.184.216.34', '2606:4700::1']);
    const one = await new Promise((resolve) =>
      lookup('feeds.example.org', {}, (_error, address, family) => resolve([address, family])),
    );
    expect(one).toEqual(['93.184.216.34', 4]);
    const all = await new Promise((resolve) =>
      lookup('feeds.example.org', { all: true }, (_error, addresses) => resolve(addresses)),
    );
    expect(all).toEqual([
      { address: '93.184.216.34', family: 4 },
      { address: '2606:4700::1', family: 6 },
    ]);
  });
});

describe('sendOutbound', () => {
  it('should count a resolver that never answers against the time limit', async () => {
    const never = () => new Promise<string[]>(() => {});
    await expect(
      sendOutbound(
        'https://slow-dns.example.org/feed.json',
        { timeoutMs: 50, maxBytes: 1000 },
        { allowPrivate: false, resolveHost: never },
      ),
    ).rejects.toMatchObject({ reason: 'timeout' });
  });
});
