import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, call } from '../../test/app.ts';
import { residenceInput, setUpOrganization, signIn, type TestPerson } from '../../test/factories.ts';
import { expectErrorLog } from '../../test/log-collector.ts';
import { CONTENT_SECURITY_POLICY } from './http.ts';

let admin: TestPerson;

beforeAll(async () => {
  admin = await setUpOrganization();
});

async function residenceCount(): Promise<number> {
  return (await call('GET', '/api/residences', { as: admin })).body.residences.length;
}

describe('CSRF defence', () => {
  const host = 'hearth.example.org';

  it('should fail with 403 csrf_rejected when the Origin is another site', async () => {
    const result = await call('POST', '/api/residences', {
      as: admin,
      body: residenceInput(),
      headers: { host, origin: 'https://evil.example' },
    });
    expect(result.status).toBe(403);
    expect(result.body.error).toEqual({
      code: 'csrf_rejected',
      reason: 'request.csrf_rejected',
      message: 'This request came from another site and was refused.',
    });
  });

  it('should fail with 403 when Sec-Fetch-Site says cross-site', async () => {
    const result = await call('POST', '/api/residences', {
      as: admin,
      body: residenceInput(),
      headers: { host, 'sec-fetch-site': 'cross-site' },
    });
    expect(result.status).toBe(403);
    expect(result.body.error.code).toBe('csrf_rejected');
  });

  it('should fail with 403 when Sec-Fetch-Site says same-site (a sibling subdomain is another site to us)', async () => {
    const result = await call('POST', '/api/residences', {
      as: admin,
      body: residenceInput(),
      headers: { host, 'sec-fetch-site': 'same-site' },
    });
    expect(result.status).toBe(403);
  });

  it('should fail with 403 when the Origin is "null" (sandboxed frames, data: pages)', async () => {
    const result = await call('POST', '/api/residences', {
      as: admin,
      body: residenceInput(),
      headers: { host, origin: 'null' },
    });
    expect(result.status).toBe(403);
  });

  it('should fail with 403 when the Origin is not even a URL', async () => {
    const result = await call('POST', '/api/residences', {
      as: admin,
      body: residenceInput(),
      headers: { host, origin: 'garbage' },
    });
    expect(result.status).toBe(403);
  });

  it('should write nothing when it refuses a request', async () => {
    const before = await residenceCount();
    await call('POST', '/api/residences', {
      as: admin,
      body: residenceInput(),
      headers: { host, origin: 'https://evil.example' },
    });
    const signedOut = await call('POST', '/api/auth/sign-out', {
      as: admin,
      headers: { host, 'sec-fetch-site': 'cross-site' },
    });
    expect(signedOut.status).toBe(403);
    expect(await residenceCount()).toBe(before);
    expect((await call('GET', '/api/me', { as: admin })).status).toBe(200);
  });

  it('should accept a same-origin request from the browser', async () => {
    const result = await call('POST', '/api/residences', {
      as: admin,
      body: residenceInput(),
      headers: { host, origin: `https://${host}`, 'sec-fetch-site': 'same-origin' },
    });
    expect(result.status).toBe(201);
  });

  it('should accept a request the person typed or bookmarked (Sec-Fetch-Site: none)', async () => {
    const result = await call('POST', '/api/auth/sign-out', { headers: { host, 'sec-fetch-site': 'none' } });
    expect(result.status).toBe(200);
  });

  it('should accept a client that is not a browser (no Origin, no Sec-Fetch-Site)', async () => {
    expect((await call('POST', '/api/residences', { as: admin, body: residenceInput() })).status).toBe(201);
  });

  it('should let cross-site reads through (GET changes nothing)', async () => {
    const result = await call('GET', '/api/health', {
      headers: { host, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(result.status).toBe(200);
  });

  it('should accept the PUBLIC_URL origin behind a proxy that rewrites Host', async () => {
    const app = await buildTestApp({ PUBLIC_URL: 'https://hearth.example.org' });
    try {
      const cookie = await signIn(admin.username);
      const result = await call('POST', '/api/residences', {
        app,
        as: cookie,
        body: residenceInput(),
        headers: { host: '10.0.0.5:3000', origin: 'https://hearth.example.org' },
      });
      expect(result.status).toBe(201);
    } finally {
      await app.close();
    }
  });
});

describe('security headers', () => {
  it('should send a strict Content-Security-Policy with no third-party origin, and the hardening headers', async () => {
    const result = await call('GET', '/api/health');
    expect(result.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-inline|unsafe-eval/);
    expect(result.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(result.headers['permissions-policy']).toContain('camera=()');
    expect(result.headers).not.toHaveProperty('strict-transport-security');
    expect(result.headers).not.toHaveProperty('x-powered-by');
  });

  it('should send the headers on errors too', async () => {
    const result = await call('GET', '/api/no-such-thing');
    expect(result.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('should add HSTS and Secure cookies when Hearth is served over https', async () => {
    const app = await buildTestApp({ PUBLIC_URL: 'https://hearth.example.org' });
    try {
      const result = await call('POST', '/api/auth/sign-in', {
        app,
        body: { login: admin.username, password: admin.password },
      });
      expect(result.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(result.cookies.find((c) => c.name === 'hearth_session')).toMatchObject({
        secure: true,
        httpOnly: true,
      });
    } finally {
      await app.close();
    }
  });
});

describe('bad input and unknown routes', () => {
  it('should fail with 404 and a JSON error for an unknown API route', async () => {
    const result = await call('GET', '/api/no-such-thing?x=1');
    expect(result.status).toBe(404);
    expect(result.body.error).toEqual({
      code: 'not_found',
      reason: 'request.not_found',
      message: 'No such route: GET /api/no-such-thing',
    });
  });

  it('should fail with 400 saying the JSON is malformed, and write nothing', async () => {
    const before = await residenceCount();
    const result = await call('POST', '/api/residences', { as: admin, payload: '{"name": "Half a house",' });
    expect(result.status).toBe(400);
    expect(result.body.error).toEqual({
      code: 'bad_request',
      reason: 'request.invalid_json',
      message: 'The body is not valid JSON.',
    });
    expect(await residenceCount()).toBe(before);
  });

  it('should fail with 400 when a JSON body is announced but empty', async () => {
    const result = await call('POST', '/api/residences', { as: admin, payload: '' });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('bad_request');
  });

  it('should fail with 413 when the body is larger than the limit, and write nothing', async () => {
    const before = await residenceCount();
    const result = await call('POST', '/api/residences', {
      as: admin,
      body: residenceInput({ address: 'x'.repeat(150_000) }),
    });
    expect(result.status).toBe(413);
    expect(result.body.error).toEqual({
      code: 'payload_too_large',
      reason: 'request.too_large',
      message: 'The request body is too large.',
    });
    expect(await residenceCount()).toBe(before);
  });

  it('should fail with 415 when the body is not JSON', async () => {
    const result = await call('POST', '/api/residences', {
      as: admin,
      payload: 'name=House',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(result.status).toBe(415);
    expect(result.body.error.code).toBe('unsupported_media_type');
  });
});

describe('unknown errors', () => {
  it('should answer a 500 that leaks nothing: no message, stack, SQL or values', async () => {
    const app = await buildTestApp();
    app.get('/api/test/explode', { config: { policy: 'public' } }, async () => {
      const error = new Error(
        'duplicate key value violates unique constraint "people_username_key"',
      ) as Error & { detail: string };
      error.detail = 'Key (username)=(ana.alvarez) already exists.';
      throw error;
    });
    // Logged by its kind alone: the constraint's name and the values never reach the log.
    expectErrorLog(
      /unhandled error .*"type":"Error","message":"duplicate key value violates unique constraint \\"…\\""/,
    );
    try {
      const result = await call('GET', '/api/test/explode', { app });
      expect(result.status).toBe(500);
      expect(result.body).toEqual({
        error: {
          code: 'internal',
          reason: 'request.internal',
          message: 'Something went wrong on our side. It has been logged.',
        },
      });
      expect(result.text).not.toMatch(/duplicate|people_username_key|ana\.alvarez|at .*\.ts/);
      expect(result.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    } finally {
      await app.close();
    }
  });

  it('should answer a 500 that leaks nothing when something that is not an Error is thrown', async () => {
    const app = await buildTestApp();
    app.post('/api/test/explode', { config: { policy: 'signedIn' } }, async () => {
      throw Object.assign(new TypeError("Cannot read properties of undefined (reading 'lastName')"), {
        statusCode: 500,
      });
    });
    expectErrorLog(
      /unhandled error .*"type":"TypeError","message":"Cannot read properties of undefined \(reading '…'\)"/,
    );
    try {
      const result = await call('POST', '/api/test/explode', { app, as: admin, body: {} });
      expect(result.status).toBe(500);
      expect(result.body).toEqual({
        error: {
          code: 'internal',
          reason: 'request.internal',
          message: 'Something went wrong on our side. It has been logged.',
        },
      });
    } finally {
      await app.close();
    }
  });
});
