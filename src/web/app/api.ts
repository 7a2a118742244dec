// The one way the web app talks to the server: same-origin JSON, with errors turned into ApiError.
import type { ErrorBody } from '../../shared/contracts/common.ts';

export type FieldProblem = { field: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldProblem[];
  /** For a 429: the seconds the server asks us to wait (Retry-After), when it said. */
  readonly retryAfterSeconds: number | null;
  constructor(
    status: number,
    code: string,
    message: string,
    fields: FieldProblem[] = [],
    retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export type SessionEndedReason = 'not_signed_in' | 'session_expired';
let sessionEnded: (reason: SessionEndedReason) => void = () => {};

/** The app decides what happens when the server says we are no longer signed in (go to sign-in). */
export function onSessionEnded(handler: (reason: SessionEndedReason) => void): void {
  sessionEnded = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export async function api<T>(path: string, options: { method?: Method; body?: unknown } = {}): Promise<T> {
  const { method = 'GET', body } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The network is not reachable.');
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    const error = (parsed as Partial<ErrorBody> | null)?.error;
    const code = error?.code ?? (response.status >= 500 ? 'internal' : 'bad_request');
    const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
    const problem = new ApiError(
      response.status,
      code,
      error?.message ?? response.statusText,
      error?.fields ?? [],
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
    if (response.status === 401 && (code === 'not_signed_in' || code === 'session_expired'))
      sessionEnded(code);
    throw problem;
  }
  return parsed as T;
}

export const isApiError = (error: unknown, code?: string): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code);
