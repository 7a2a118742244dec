// The sign-in screen in the page itself: a phone that is not signed in gets a form it can use before
// the app's code arrives, in its language, and that form signs in with no script at all.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, call, sessionCookieFrom } from '../../test/app.ts';
import { setUpOrganization, type TestPerson } from '../../test/factories.ts';
import { languageOfRequest } from './first-screen.ts';

const INDEX =
  '<!doctype html><html lang="en"><head><title>Hearth</title></head><body><div id="root"></div>' +
  '<script type="module" src="/assets/app-Ab12Cd34.js"></script></body></html>';
let dir: string;
let app: FastifyInstance;
let admin: TestPerson;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-first-screen-'));
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
  app = await buildTestApp({}, { webDir: dir });
  await app.ready();
  admin = await setUpOrganization();
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const page = (url: string, headers: Record<string, string> = {}) => call('GET', url, { app, headers });
const sendForm = (form: string, headers: Record<string, string> = {}) =>
  call('POST', '/api/auth/sign-in/form', {
    app,
    payload: form,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });

describe('GET /sign-in when not signed in', () => {
  it('should carry a sign-in form that needs no script, in English by default', async () => {
    const result = await page('/sign-in');
    expect(result.status).toBe(200);
    expect(result.headers['cache-control']).toBe('no-cache');
    expect(String(result.headers.vary)).toMatch(/accept-language/);
    expect(String(result.headers.vary)).toMatch(/cookie/);
    expect(result.text).toContain('<html lang="en"');
    expect(result.text).toContain('<form class="form card" method="post" action="/api/auth/sign-in/form">');
    expect(result.text).toContain('<label for="first-login">Username or email</label>');
    expect(result.text).toContain('name="password" type="password"');
    expect(result.text).toContain('<title>Sign in · Hearth</title>');
    // The app's code still comes, and draws over it.
    expect(result.text).toContain('/assets/app-Ab12Cd34.js');
  });

  it('should speak Spanish to a browser that asks for it first', async () => {
    const result = await page('/sign-in', { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' });
    expect(result.text).toContain('<html lang="es"');
    expect(result.text).toContain('Usuario o correo electrónico');
    expect(result.text).toContain('>Entrar</button>');
  });

  it('should send it compressed to a browser that accepts brotli', async () => {
    const result = await app.inject({ method: 'GET', url: '/sign-in', headers: { 'accept-encoding': 'br' } });
    expect(result.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(result.rawPayload).toString()).toContain('first-login');
  });

  it('should show a problem it knows in words, and ignore one it does not', async () => {
    const failed = await page('/sign-in?problem=auth.sign_in_failed');
    expect(failed.text).toContain('role="alert"');
    expect(failed.text).toContain('That username or password did not match.');
    const made_up = await page('/sign-in?problem=%3Cscript%3E');
    expect(made_up.text).not.toContain('role="alert"');
    expect(made_up.text).not.toContain('<script>');
  });

  it('should send the plain page to a phone that is signed in, and on every other screen', async () => {
    const signedIn = await page('/sign-in', { cookie: admin.cookie });
    expect(signedIn.text).toContain('<div id="root"></div>');
    expect(signedIn.text).not.toContain('first-login');
    expect((await page('/today')).text).toContain('<div id="root"></div>');
  });
});

describe('POST /api/auth/sign-in/form', () => {
  it('should sign in and go to the first screen', async () => {
    const result = await sendForm(
      `login=${encodeURIComponent(admin.username)}&password=${encodeURIComponent(admin.password)}`,
    );
    expect(result.status).toBe(303);
    expect(result.headers.location).toBe('/');
    const me = await call('GET', '/api/me', { app, as: sessionCookieFrom(result) });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(admin.id);
  });

  it('should come back to the form with the problem when the password does not match, with no session', async () => {
    const result = await sendForm(`login=${encodeURIComponent(admin.username)}&password=wrong-horse`);
    expect(result.status).toBe(303);
    expect(result.headers.location).toBe('/sign-in?problem=auth.sign_in_failed');
    expect(result.cookies.some((c) => c.name === 'hearth_session' && c.value)).toBe(false);
  });

  it('should come back asking for both fields when one is empty', async () => {
    const result = await sendForm('login=&password=');
    expect(result.status).toBe(303);
    expect(result.headers.location).toBe('/sign-in?problem=request.invalid');
  });

  it('should refuse a form sent from another site', async () => {
    const result = await sendForm(
      `login=${encodeURIComponent(admin.username)}&password=${encodeURIComponent(admin.password)}`,
      { origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(result.status).toBe(403);
    expect(result.body.error.reason).toBe('request.csrf_rejected');
  });

  it('should take a form the browser says is from this site though it hides the origin', async () => {
    // An HTML form's POST under a no-referrer policy says Origin: null; Sec-Fetch-Site still tells.
    const result = await sendForm(
      `login=${encodeURIComponent(admin.username)}&password=${encodeURIComponent(admin.password)}`,
      { origin: 'null', 'sec-fetch-site': 'same-origin' },
    );
    expect(result.status).toBe(303);
    expect(result.headers.location).toBe('/');
  });

  it('should refuse a hidden origin that no browser vouches for', async () => {
    const result = await sendForm('login=a&password=b', { origin: 'null' });
    expect(result.status).toBe(403);
  });

  it('should take a form body on this route only', async () => {
    const result = await call('POST', '/api/auth/sign-in', {
      app,
      payload: `login=${admin.username}&password=${admin.password}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(result.status).toBe(415);
    expect(result.body.error.reason).toBe('request.not_json');
  });
});

describe('languageOfRequest', () => {
  it.each([
    [undefined, 'en'],
    ['es', 'es'],
    ['fr-FR,fr;q=0.9,es;q=0.8,en;q=0.7', 'es'],
    ['en-US,es;q=0.5', 'en'],
    ['es;q=0.2,en;q=0.8', 'en'],
    ['de', 'en'],
    ['es;q=0', 'en'],
  ])('should read %s as %s', (header, language) => {
    expect(languageOfRequest(header)).toBe(language);
  });
});
