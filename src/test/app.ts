// The app under test: the real Hearth app (buildApp) on this test file's own database, and a small
// helper to call it with real HTTP semantics through app.inject.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { type BuildAppOptions, buildApp } from '../server/app.ts';
import { loadConfig } from '../server/platform/config.ts';
import type { Database, Db } from '../server/platform/database/connect.ts';
import { testClock } from './clock.ts';
import { logCollector } from './log-collector.ts';

export type TestContext = { app: FastifyInstance; database: Database; databaseUrl: string };

let current: TestContext | null = null;

export function setTestContext(context: TestContext | null): void {
  current = context;
}

function context(): TestContext {
  if (!current) throw new Error('No test app: integration helpers work only in the integration tier.');
  return current;
}

/** The app of this test file. */
export const testApp = (): FastifyInstance => context().app;
/** The database handle of this test file (for the rare direct update a test needs, e.g. expiry). */
export const testDb = (): Db => context().database.db;
export const testDatabaseUrl = (): string => context().databaseUrl;

/**
 * Another app instance on this file's database, not yet ready (so a test can add routes first). Like the
 * file's app, its request limits are loosened (a test of the limits passes RATE_LIMIT_FACTOR: '1') and it
 * logs into the log collector, unless the test passes a logStream of its own.
 */
export async function buildTestApp(
  env: Record<string, string> = {},
  options: Pick<BuildAppOptions, 'logStream' | 'outbound' | 'clock' | 'webDir'> = {},
): Promise<FastifyInstance> {
  const { database, databaseUrl } = context();
  return await buildApp({
    config: loadConfig({
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      SESSION_CACHE_MS: '0',
      RATE_LIMIT_FACTOR: '1000',
      ...env,
    }),
    database,
    checkAnswers: true,
    webDir: null,
    logStream: logCollector,
    clock: testClock(),
    ...options,
  });
}

export type Caller = { cookie?: string | undefined };
export type CallOptions = {
  /** A session cookie ("hearth_session=…") or a person from the factories. */
  as?: string | Caller | null;
  body?: unknown;
  /** A raw payload sent as is (malformed JSON, oversize bodies). */
  payload?: string | Buffer;
  headers?: Record<string, string>;
  app?: FastifyInstance;
  /** The caller's address (loopback only: 127.0.0.0/8 or ::1); 127.0.0.1 when unset. */
  remoteAddress?: string;
};
/** Tests read response bodies loosely; the app's own response schemas already check their shape. */
// biome-ignore lint/suspicious/noExplicitAny: see above
type Loose = any;
export type CallResult<T = Loose> = {
  status: number;
  body: T;
  text: string;
  headers: Record<string, string | string[] | number | undefined>;
  cookies: { name: string; value: string; maxAge?: number; expires?: Date }[];
};

/** Calls the API like a non-browser client (no Origin header, so the CSRF check lets it through). */
export async function call<T = Loose>(
  method: string,
  url: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const cookie = typeof options.as === 'string' ? options.as : options.as?.cookie;
  const headers: Record<string, string> = { ...options.headers };
  if (cookie) headers.cookie = cookie;
  const inject: InjectOptions = { method: method as InjectOptions['method'], url, headers };
  if (options.remoteAddress) inject.remoteAddress = options.remoteAddress;
  if (options.payload !== undefined) {
    inject.payload = options.payload;
    headers['content-type'] ??= 'application/json';
  } else if (options.body !== undefined) {
    inject.payload = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await (options.app ?? testApp()).inject(inject);
  let body: unknown = null;
  if ((response.headers['content-type'] ?? '').toString().includes('json') && response.body.length > 0) {
    body = JSON.parse(response.body);
  }
  return {
    status: response.statusCode,
    body: body as T,
    text: response.body,
    headers: response.headers,
    cookies: response.cookies as CallResult['cookies'],
  };
}

/** The session cookie a response set, as a Cookie header value. */
export function sessionCookieFrom(result: CallResult): string {
  const found = result.cookies.find((c) => c.name === 'hearth_session' && c.value);
  if (!found) throw new Error(`The response set no session cookie (status ${result.status}: ${result.text})`);
  return `hearth_session=${found.value}`;
}
