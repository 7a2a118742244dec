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
    expect(create.operationId).toBe('createResidence');
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

describe('the operations of the contracts', () => {
  it('should name each operation once, and list its refusals with their reasons', async () => {
    const paths = (await call('GET', '/api/openapi.json')).body.paths as Record<
      string,
      Record<string, { operationId?: string; responses: Record<string, unknown> }>
    >;
    const operations = Object.values(paths).flatMap((methods) => Object.values(methods));
    const ids = operations.flatMap((op) => (op.operationId ? [op.operationId] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(paths['/api/realtime']?.get?.operationId).toBe('connectRealtime');
    expect(paths['/api/openapi.json']?.get?.operationId).toBe('getOpenApiDocument');
    const grant = JSON.stringify(paths['/api/people/{id}/memberships']?.post?.responses['409']);
    expect(grant).toContain('people.no_free_bed');
    expect(grant).toContain('people.already_lives_in_house');
    const health = paths['/api/health']?.get?.responses['503'];
    expect(JSON.stringify(health)).toContain('degraded');
  });
});
