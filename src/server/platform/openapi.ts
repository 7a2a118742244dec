// OpenAPI 3.1 generated from the routes' zod schemas, and a plain readable page of it (no scripts).
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { openApiApi } from '../../shared/contracts/openapi.ts';
import { route } from './routes.ts';
import type { App } from './types.ts';

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hearth API',
        version: '0.1.0',
        description: 'The API of Hearth, software for peer-support recovery residences and groups.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'hearth_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
}

type Operation = { summary?: string; tags?: string[]; requestBody?: unknown; parameters?: unknown[] };

const escapeHtml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export function openApiRoutes(app: App): void {
  route(app, openApiApi.document, {
    policy: 'public',
    handler: () => app.swagger() as unknown as Record<string, unknown>,
  });
  route(app, openApiApi.page, {
    policy: 'public',
    handler: ({ reply }) => {
      const spec = app.swagger() as { paths?: Record<string, Record<string, Operation>> };
      const rows: string[] = [];
      for (const [path, methods] of Object.entries(spec.paths ?? {})) {
        for (const [method, op] of Object.entries(methods)) {
          const body = op.requestBody
            ? `<details><summary>Request body</summary><pre>${escapeHtml(JSON.stringify(op.requestBody, null, 2))}</pre></details>`
            : '';
          rows.push(
            `<section><h2><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h2><p>${escapeHtml(op.summary ?? '')}</p>${body}</section>`,
          );
        }
      }
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Hearth API</title></head><body><main><h1>Hearth API</h1><p>The machine-readable description is at <a href="${openApiApi.document.path}">${openApiApi.document.path}</a> (OpenAPI 3.1).</p>${rows.join('')}</main></body></html>`;
      return reply.type('text/html; charset=utf-8').send(html);
    },
  });
}
