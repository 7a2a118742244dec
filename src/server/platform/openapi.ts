// OpenAPI 3.1 generated from the routes' contracts, and a plain readable page of it (no scripts). The
// document lints clean with Redocly's recommended rules and generates a typed client
// (openapi-document.test.ts), so people who build on Hearth can rely on it.
import { STATUS_CODES } from 'node:http';
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { openApiApi } from '../../shared/contracts/openapi.ts';
import { SESSION_COOKIE } from './auth/sessions.ts';
import { route } from './routes.ts';
import type { App } from './types.ts';

/** What each area of the API is for; an operation's first tag is its area. */
const AREAS: Record<string, string> = {
  openapi: 'This description of the API, and its readable page.',
  health: 'Whether Hearth and its database are up.',
  setup: 'The first start: the organization and its first admin, with the one-time setup token.',
  auth: 'Signing in and out, sessions, and password resets.',
  me: 'My own profile, and who sees what of me.',
  residences: "The organization's houses (residences): their beds, programs and time zones.",
  programs: 'Programs (specialized tracks) that houses belong to.',
  invitations: 'Inviting people into the organization, and accepting an invitation.',
  people: "The organization's people and their roles in its houses.",
  house: 'My house: who lives there and who its peer leader is.',
  journey: 'My recovery journey: recovery clocks, milestones and stages, and who sees them.',
  audit: 'The audit log: who read or changed what, for admins.',
  'check-ins': 'Daily check-ins (mood, craving, sleep, support wanted) and a house’s weekly statistics.',
  signals: 'Early-warning signals that help peer leaders notice who may need support.',
  barc10: 'The BARC-10 recovery capital questionnaire: my answers and their trend.',
  meetings: 'House meetings: agendas, attendance and minutes.',
  decisions: 'What house meetings decide: motions, votes and commitments.',
  'outside-meetings': 'The directory of outside mutual-help meetings, and the meetings residents go to.',
  calendars: 'Calendar addresses (iCalendar) of house meetings.',
  skills: 'The skills exchange: what peers can teach and want to learn, matches, and sessions.',
  mentors: 'Mentors: suggestions for newer residents, requests, and a pair’s shared check-in log.',
  notifications: 'My notifications, web push subscriptions and quiet hours.',
  'reach-out': 'Reach out now: alerting the people on call for me, answering, and the crisis lines.',
  support: 'Support requests and offers between peers, and the help given.',
  realtime: 'The live connection (WebSocket) that keeps screens up to date.',
  chat: 'House chat and private conversations.',
};

/** An area's name as tags spell it: "reach out", "reach_out" and "reach-out" are one area. */
const areaKey = (tag: string) =>
  tag
    .trim()
    .toLowerCase()
    .replaceAll(/[\s_]+/g, '-');

type Responses = Record<string, { description?: string; 'x-response-description'?: string }>;
type Operation = {
  summary?: string;
  tags?: string[];
  requestBody?: unknown;
  parameters?: unknown[];
  responses?: Responses;
};
type Document = { paths?: Record<string, Record<string, Operation>>; tags?: unknown[] };

/** Each area its operations name, with what it is for, in the order they first appear. */
function tagsOf(document: Document) {
  const names = new Set<string>();
  for (const methods of Object.values(document.paths ?? {}))
    for (const op of Object.values(methods)) for (const tag of op.tags ?? []) names.add(tag);
  return [...names].map((name) => {
    const description = AREAS[areaKey(name)];
    return description ? { name, description } : { name };
  });
}

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hearth API',
        version: '0.1.0',
        description:
          'The API of Hearth, software for peer-support recovery residences and groups. Every refusal ' +
          'answers `{ error: { code, reason, message, fields? } }`: `reason` is stable and listed per ' +
          'operation; `message` is English for people reading the API, not for matching.',
        license: { name: 'GNU Affero General Public License v3.0 or later', identifier: 'AGPL-3.0-or-later' },
      },
      // Relative: the document describes the server that serves it, whatever its address.
      servers: [{ url: '/', description: 'The Hearth server that serves this document' }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: 'The session cookie set by signing in (`POST /api/auth/sign-in`).',
          },
        },
      },
      // Signed in by default; an operation anyone may call says `security: []`.
      security: [{ session: [] }],
    },
    transform: (input) => {
      const result = jsonSchemaTransform(input);
      describeAnswers(result.schema as { response?: Responses } | undefined);
      return result;
    },
    transformObject: (document) => {
      const openapiObject = 'openapiObject' in document ? document.openapiObject : {};
      return { ...openapiObject, tags: tagsOf(openapiObject as Document) };
    },
  });
}

/** An answer that says nothing of itself is described by its status ("OK", "Created"). */
function describeAnswers(schema: { response?: Responses } | undefined): void {
  for (const [status, answer] of Object.entries(schema?.response ?? {})) {
    if (!answer.description && !answer['x-response-description'])
      answer['x-response-description'] = STATUS_CODES[Number(status)] ?? 'Answer';
  }
}

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
