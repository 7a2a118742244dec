// Cross-cutting HTTP behaviour: security headers, CSRF defence, and the one error handler.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './database/unavailable.ts';
import { errorForLog } from './error-log.ts';
import { AppError, type FieldError } from './errors.ts';

/** No third-party origin anywhere: scripts, styles, fonts, images and connections come from Hearth itself. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};
const SECURE_SECURITY_HEADERS = {
  ...SECURITY_HEADERS,
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};

export function registerSecurityHeaders(app: FastifyInstance, secure: boolean): void {
  const headers = secure ? SECURE_SECURITY_HEADERS : SECURITY_HEADERS;
  // A callback hook, not an async one: it runs on every response.
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.headers(headers);
    done(null, payload);
  });
}

/** Public answers that anyone may keep; the public meeting feed and calendars set their own caching. */
const CACHEABLE_API_ROUTES = new Set(['/api/health', '/api/openapi.json', '/api/docs']);

/** Every other /api/ answer is private to its caller: no browser, proxy or shared cache keeps it. */
export function registerPrivateCaching(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    if (
      request.url.startsWith('/api/') &&
      !reply.hasHeader('cache-control') &&
      !CACHEABLE_API_ROUTES.has(request.routeOptions.url ?? '')
    ) {
      reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for every state-changing request: a browser tells us where a request comes from
 * (Sec-Fetch-Site, Origin); anything cross-site is refused. Clients that send neither header are
 * not browsers, so they cannot carry a victim's cookie by accident.
 */
export function registerCsrfDefence(app: FastifyInstance, allowedOrigin: string | undefined): void {
  // A callback hook, not an async one: it runs on every request.
  app.addHook('onRequest', (request, _reply, done) => {
    if (crossSite(request, allowedOrigin)) {
      done(new AppError('csrf_rejected', 'This request came from another site and was refused.'));
    } else done();
  });
}

function crossSite(request: FastifyRequest, allowedOrigin: string | undefined): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') {
    const host = request.headers.host;
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    const sameHost = originHost !== null && originHost === host;
    return !sameHost && origin !== allowedOrigin;
  }
  return origin === 'null';
}

function fieldsFromValidation(error: FastifyError & { validationContext?: string }): FieldError[] {
  const context = error.validationContext ?? 'body';
  const fields: FieldError[] = [];
  for (const v of error.validation ?? []) {
    const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const params = v.params as { keys?: string[] };
    if (v.keyword === 'unrecognized_keys' && Array.isArray(params.keys)) {
      for (const key of params.keys) {
        fields.push({
          field: [context, path, key].filter(Boolean).join('.'),
          message: 'is not a known field',
        });
      }
    } else {
      fields.push({ field: [context, path].filter(Boolean).join('.'), message: v.message ?? 'is not valid' });
    }
  }
  return fields;
}

function send(reply: FastifyReply, status: number, code: string, message: string, fields?: FieldError[]) {
  return reply
    .status(status)
    .type('application/json; charset=utf-8')
    .send({ error: fields ? { code, message, fields } : { code, message } });
}

/** The error's kind and where, never its values: a failed statement's words hold what people wrote. */
function logUnhandledError(request: FastifyRequest, error: unknown): void {
  request.log.error({ error: errorForLog(error) }, 'unhandled error');
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      return send(reply, error.status, error.code, error.message, error.fields);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = fieldsFromValidation(error);
      const message = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
      return send(reply, 400, 'validation_failed', message, fields);
    }
    if (!isResponseSerializationError(error as never) || !('method' in error)) {
      switch (error.code) {
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
          return send(reply, 413, 'payload_too_large', 'The request body is too large.');
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
          return send(reply, 415, 'unsupported_media_type', 'Send the body as application/json.');
        case 'FST_ERR_CTP_EMPTY_JSON_BODY':
          return send(reply, 400, 'bad_request', 'body: is empty', [{ field: 'body', message: 'is empty' }]);
        case 'FST_ERR_CTP_INVALID_JSON_BODY':
          return send(reply, 400, 'bad_request', 'body: is not valid JSON', [
            { field: 'body', message: 'is not valid JSON' },
          ]);
      }
      if (error instanceof SyntaxError && error.statusCode === 400) {
        return send(reply, 400, 'bad_request', 'body: is not valid JSON', [
          { field: 'body', message: 'is not valid JSON' },
        ]);
      }
      if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
        return send(reply, error.statusCode, 'bad_request', 'The request could not be understood.');
      }
    }
    // The database restarting, unreachable or too slow: not a bug, and the request may simply be sent again.
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ error: errorForLog(error) }, 'database unavailable');
      return send(reply, 503, 'unavailable', DATABASE_UNAVAILABLE_MESSAGE);
    }
    logUnhandledError(request, error);
    return send(reply, 500, 'internal', 'Something went wrong on our side. It has been logged.');
  });
}
