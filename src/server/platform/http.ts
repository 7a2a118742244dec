// Cross-cutting HTTP behaviour: security headers, CSRF defence, and the one error handler.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { COMMON_REASONS, ERROR_CODES, type FieldReason } from '../../shared/contracts/errors.ts';
import { isDatabaseUnavailable } from './database/unavailable.ts';
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
      done(
        new AppError(
          'csrf_rejected',
          COMMON_REASONS['request.csrf_rejected'].message,
          undefined,
          'request.csrf_rejected',
        ),
      );
    } else done();
  });
}

function crossSite(request: FastifyRequest, allowedOrigin: string | undefined): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return true;
  // Only the browser sets Sec-Fetch-Site (no page can): same-origin is the answer, even where the
  // origin is hidden as "null" (an HTML form's POST under our no-referrer policy, platform/first-screen.ts).
  if (site === 'same-origin') return false;
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

type Issue = { keyword: string; instancePath: string; message?: string; params: Record<string, unknown> };

const FORMAT_REASONS: Record<string, FieldReason> = {
  date: 'field.not_a_date',
  datetime: 'field.not_a_time',
  time: 'field.not_a_time',
  uuid: 'field.not_an_id',
  guid: 'field.not_an_id',
  email: 'field.not_an_email',
  url: 'field.not_a_url',
  regex: 'field.characters',
};

const valueAt = (data: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>(
    (here, key) =>
      here !== null && typeof here === 'object' ? (here as Record<string, unknown>)[key] : undefined,
    data,
  );

/** A schema's issue as a field reason, with the limit it speaks of (no English is read). */
function fieldProblem(issue: Issue, sent: unknown): Pick<FieldError, 'reason' | 'params'> {
  const p = issue.params;
  const size = (n: unknown) => (typeof n === 'number' || typeof n === 'bigint' ? Number(n) : undefined);
  switch (issue.keyword) {
    case 'invalid_type': {
      const path = issue.instancePath.split('/').filter(Boolean);
      if (valueAt(sent, path) === undefined) return { reason: 'field.required' };
      return { reason: p.expected === 'int' ? 'field.not_whole' : 'field.wrong_type' };
    }
    case 'too_small': {
      const minimum = size(p.minimum);
      const params = minimum === undefined ? undefined : { minimum };
      if (p.origin === 'string')
        return { reason: minimum === 1 ? 'field.required' : 'field.too_short', params };
      if (p.origin === 'array' || p.origin === 'set') return { reason: 'field.too_few', params };
      return { reason: 'field.too_small', params };
    }
    case 'too_big': {
      const maximum = size(p.maximum);
      const params = maximum === undefined ? undefined : { maximum };
      if (p.origin === 'string') return { reason: 'field.too_long', params };
      if (p.origin === 'array' || p.origin === 'set') return { reason: 'field.too_many', params };
      return { reason: 'field.too_big', params };
    }
    case 'invalid_value':
    case 'invalid_union':
      return { reason: 'field.not_an_option' };
    case 'not_multiple_of':
      return { reason: 'field.not_whole' };
    case 'invalid_format':
      return { reason: FORMAT_REASONS[String(p.format)] ?? 'field.invalid' };
    case 'custom': {
      const custom = (p.params as { reason?: unknown } | undefined)?.reason;
      return { reason: typeof custom === 'string' ? (custom as FieldReason) : 'field.invalid' };
    }
    default:
      return { reason: 'field.invalid' };
  }
}

/** Zod's issues as fields: the path inside what was sent (no `body.` before it), a reason, the words. */
function fieldsFromValidation(
  error: FastifyError & { validationContext?: string },
  request: FastifyRequest,
): FieldError[] {
  const context = error.validationContext ?? 'body';
  const sent =
    context === 'querystring' ? request.query : context === 'params' ? request.params : request.body;
  const fields: FieldError[] = [];
  for (const v of (error.validation ?? []) as unknown as Issue[]) {
    const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const keys = v.params.keys;
    if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      for (const key of keys) {
        fields.push({
          field: [path, key].filter(Boolean).join('.'),
          reason: 'field.unknown',
          message: 'is not a known field',
        });
      }
    } else {
      fields.push({ field: path, message: v.message ?? 'is not valid', ...fieldProblem(v, sent) });
    }
  }
  return fields;
}

type Refusal = { status: number; code: string; reason: string; message: string; fields?: FieldError[] };

/** Sent as text already serialized: an error never goes through a route's answer schemas. */
function send(reply: FastifyReply, refusal: Refusal) {
  const { status, code, reason, message, fields } = refusal;
  const wire = fields?.map((f) => ({
    field: f.field,
    reason: f.reason ?? 'field.invalid',
    message: f.message,
    ...(f.params ? { params: f.params } : {}),
  }));
  return reply
    .status(status)
    .type('application/json; charset=utf-8')
    .send(
      JSON.stringify({ error: wire ? { code, reason, message, fields: wire } : { code, reason, message } }),
    );
}

const common = (reason: keyof typeof COMMON_REASONS, fields?: FieldError[]): Refusal => {
  const spec = COMMON_REASONS[reason];
  return { status: ERROR_CODES[spec.code], code: spec.code, reason, message: spec.message, fields };
};

/** The error's kind and where, never its values: a failed statement's words hold what people wrote. */
function logUnhandledError(request: FastifyRequest, error: unknown): void {
  request.log.error({ error: errorForLog(error) }, 'unhandled error');
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      reportUndeclaredReason(request, error.reason);
      const { status, code, reason, message, fields } = error;
      return send(reply, { status, code, reason, message, fields });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = fieldsFromValidation(error, request);
      const message = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
      return send(reply, { ...common('request.invalid', fields), message });
    }
    if (!isResponseSerializationError(error as never) || !('method' in error)) {
      switch (error.code) {
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
          return send(reply, common('request.too_large'));
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
          return send(reply, common('request.not_json'));
        case 'FST_ERR_CTP_EMPTY_JSON_BODY':
          return send(reply, common('request.empty_body'));
        case 'FST_ERR_CTP_INVALID_JSON_BODY':
          return send(reply, common('request.invalid_json'));
      }
      if (error instanceof SyntaxError && error.statusCode === 400) {
        return send(reply, common('request.invalid_json'));
      }
      if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
        return send(reply, { ...common('request.not_understood'), status: error.statusCode });
      }
    }
    // The database restarting, unreachable or too slow: not a bug, and the request may simply be sent again.
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ error: errorForLog(error) }, 'database unavailable');
      return send(reply, common('request.unavailable'));
    }
    logUnhandledError(request, error);
    return send(reply, common('request.internal'));
  });
}

/**
 * A refusal its endpoint's contract does not list is a contract out of date: logged as an error, which
 * fails the test that met it, while the caller still gets the refusal.
 */
function reportUndeclaredReason(request: FastifyRequest, reason: string): void {
  const declared = request.routeOptions.config?.reasons;
  if (declared && !declared.has(reason)) {
    request.log.error(
      { reason, route: `${request.method} ${request.routeOptions.url}` },
      'refusal not declared by its endpoint contract',
    );
  }
}
