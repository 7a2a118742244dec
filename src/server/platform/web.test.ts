// Serving the built web app: the compressed copy the browser accepts, hashed assets kept for a year,
// and index.html, the service worker and the manifest checked again on every open.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, call } from '../../test/app.ts';
import { IMMUTABLE, REVALIDATE } from './web.ts';

const SCRIPT = `console.log(${JSON.stringify('Hearth '.repeat(200))});\n`;
const INDEX = `<!doctype html><html><head><script type="module" src="/assets/app-Ab12Cd34.js"></script></head><body>${' '.repeat(600)}</body></html>`;
let dir: string;
let app: FastifyInstance;

function write(file: string, content: string, compressed = true) {
  const full = path.join(dir, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  if (!compressed) return;
  fs.writeFileSync(`${full}.br`, zlib.brotliCompressSync(content));
  fs.writeFileSync(`${full}.gz`, zlib.gzipSync(content));
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-web-'));
  write('index.html', INDEX);
  write('assets/app-Ab12Cd34.js', SCRIPT);
  write('assets/logo-Ef56Gh78.png', 'not really a png', false);
  write('sw.js', SCRIPT);
  app = await buildTestApp({}, { webDir: dir });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  call('GET', url, { app, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('the built web app', () => {
  it('should send a hashed script as brotli when the browser accepts it, kept for a year', async () => {
    const result = await app.inject({
      method: 'GET',
      url: '/assets/app-Ab12Cd34.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(result.statusCode).toBe(200);
    expect(result.headers['content-encoding']).toBe('br');
    expect(String(result.headers.vary)).toMatch(/accept-encoding/i);
    expect(result.headers['cache-control']).toBe(IMMUTABLE);
    expect(result.headers['content-type']).toMatch(/javascript/);
    expect(zlib.brotliDecompressSync(result.rawPayload).toString()).toBe(SCRIPT);
    expect(result.rawPayload.length).toBeLessThan(SCRIPT.length / 5);
  });

  it('should send gzip to a browser without brotli, and the plain file to one that accepts neither', async () => {
    const gzip = await app.inject({
      method: 'GET',
      url: '/assets/app-Ab12Cd34.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(SCRIPT);
    const plain = await get('/assets/app-Ab12Cd34.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('should keep a hashed file that has no compressed copy for a year too', async () => {
    const result = await get('/assets/logo-Ef56Gh78.png', 'br');
    expect(result.status).toBe(200);
    expect(result.headers['content-encoding']).toBeUndefined();
    expect(result.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('should have index.html and the service worker checked on every open, compressed too', async () => {
    for (const url of ['/', '/today', '/meetings/123']) {
      const result = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(result.statusCode, url).toBe(200);
      expect(result.headers['cache-control'], url).toBe(REVALIDATE);
      expect(result.headers['content-type'], url).toMatch(/text\/html/);
      expect(result.headers['content-encoding'], url).toBe('br');
      expect(zlib.brotliDecompressSync(result.rawPayload).toString(), url).toBe(INDEX);
    }
    const worker = await get('/sw.js', 'br');
    expect(worker.headers['cache-control']).toBe(REVALIDATE);
  });

  it('should answer an unknown file or API path with a 404 in the API’s error shape, not the page', async () => {
    const missing = await get('/assets/gone-00000000.js');
    expect(missing.status).toBe(404);
    const api = await get('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(api.body.error.reason).toBe('request.not_found');
  });
});
