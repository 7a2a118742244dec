import http from 'node:http';
import net from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { resolveWithSystem } from '../server/platform/outbound.ts';
import {
  allowConsoleErrors,
  assertNoRefusedConnections,
  assertNoUnexpectedConsoleErrors,
  isLoopbackAddress,
  takeRefusedConnections,
} from './hygiene.ts';

// 192.0.2.1 is TEST-NET-1 (RFC 5737): never routed, and the guard refuses it before any packet anyway.
const outside =
  /Tests may not reach the network: a connection to 192\.0\.2\.1:\d+ was refused before it was made/;

describe('test hygiene', () => {
  it('should fail a test that writes an unexpected console.error', () => {
    console.error('(this console.error is part of the hygiene test)');
    expect(() => assertNoUnexpectedConsoleErrors()).toThrow(
      /Unexpected console.error during the test:\n\(this console.error/,
    );
  });

  it('should let a test that expects console.error say so', () => {
    allowConsoleErrors();
    console.error('(this console.error is expected by the hygiene test)');
    expect(() => assertNoUnexpectedConsoleErrors()).not.toThrow();
  });

  it('should refuse to reach the network', async () => {
    await expect(fetch('https://example.org/')).rejects.toThrow(
      'Tests may not reach the network (tried https://example.org).',
    );
    await expect(fetch('http://192.0.2.1')).rejects.toThrow(
      'Tests may not reach the network (tried http://192.0.2.1).',
    );
    expect(takeRefusedConnections()).toHaveLength(2);
  });

  it('should refuse a socket to an outside address before connecting, however it is opened', async () => {
    expect(() => net.connect({ host: '192.0.2.1', port: 80 })).toThrow(outside);
    expect(() => net.createConnection(80, '192.0.2.1')).toThrow(outside);
    expect(() => new net.Socket().connect({ host: '192.0.2.1', port: 443 })).toThrow(outside);
    expect(() => http.get('http://192.0.2.1:8080/')).toThrow(outside);
    const client = new pg.Client({ host: '192.0.2.1', port: 5432 });
    await expect(client.connect()).rejects.toThrow(outside);
    expect(() => net.connect({ host: '2001:db8::1', port: 80 })).toThrow(/2001:db8::1:80 was refused/);
    expect(() => net.connect({ host: 'example.org', port: 80 })).toThrow(/example\.org:80 was refused/);
    expect(takeRefusedConnections()).toHaveLength(7);
  });

  it('should refuse a name its own lookup resolves outside, and fail the test even if the error was caught', async () => {
    const lookup = (_: string, __: object, callback: (e: null, a: string, f: number) => void) =>
      callback(null, '192.0.2.1', 4);
    const socket = net.connect({ host: 'feeds.example', port: 80, lookup });
    await expect(new Promise((_, reject) => socket.once('error', reject))).rejects.toThrow(
      /feeds\.example \(192\.0\.2\.1\) was refused/,
    );
    expect(() => assertNoRefusedConnections()).toThrow(/feeds\.example \(192\.0\.2\.1\)/);
  });

  it('should let loopback and Unix sockets through', async () => {
    for (const address of [
      '127.0.0.1',
      '127.8.9.10',
      '::1',
      '[::1]',
      '::ffff:127.0.0.1',
      '0:0:0:0:0:0:0:1',
    ]) {
      expect(isLoopbackAddress(address), address).toBe(true);
    }
    for (const address of ['192.0.2.1', '10.0.0.1', '::', '::2', '2001:db8::1', '0.0.0.0']) {
      expect(isLoopbackAddress(address), address).toBe(false);
    }
    const server = net.createServer((socket) => socket.end('hi'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    for (const host of ['127.0.0.1', 'localhost']) {
      const socket = net.connect({ host, port, family: 4 });
      await new Promise((resolve, reject) => socket.once('data', resolve).once('error', reject));
      socket.destroy();
    }
    await new Promise((resolve) => server.close(resolve));
    const viaUnix = new net.Socket();
    const path = `/tmp/hearth-guard-${process.pid}.sock`;
    // No server there: the connection is attempted (and fails with ENOENT), not refused by the guard.
    await expect(new Promise((_, reject) => viaUnix.connect(path).once('error', reject))).rejects.toThrow(
      /ENOENT/,
    );
    expect(takeRefusedConnections()).toEqual([]);
  });

  it('should refuse to resolve a name for an outside request (tests give their own resolver)', async () => {
    await expect(resolveWithSystem('example.org')).rejects.toThrow(
      'Tests may not resolve names (tried example.org).',
    );
  });
});
