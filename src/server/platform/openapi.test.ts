import { describe, expect, it } from 'vitest';
import { call } from '../../test/app.ts';
import { CONTENT_SECURITY_POLICY } from './http.ts';

describe('GET /api/openapi.json', () => {
  it('should describe the API as OpenAPI 3.1, generated from the routes', async () => {
    const result = await call('GET', '/api/openapi.json');
    expect(result.status).toBe(200);
    expect(result.body.openapi).toBe('3.1.0');
    expect(result.body.info.title).toBe('Hearth API');
    expect(Object.keys(result.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/residences',
        '/api/residences/{id}',
        '/api/auth/sign-in',
        '/api/invitations/code/{code}/accept',
        '/api/house',
      ]),
    );
    const create = result.body.paths['/api/residences'].post;
    expect(create.summary).toBe('Open a residence');
    expect(create.requestBody.content['application/json'].schema.properties).toHaveProperty('bedCapacity');
  });
});

describe('GET /api/docs', () => {
  it('should be a readable page with no script, under the strict CSP', async () => {
    const result = await call('GET', '/api/docs');
    expect(result.status).toBe(200);
    expect(result.headers['content-type']).toContain('text/html');
    expect(result.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(result.text).toContain('<h1>Hearth API</h1>');
    expect(result.text).toContain('POST /api/residences');
    expect(result.text).not.toMatch(/<script|<style|https?:\/\/(?!localhost)/i);
  });
});
