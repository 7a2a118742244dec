// The one way the web app talks to the server: an endpoint's contract (shared/contracts), same-origin
// JSON, and errors turned into ApiError with the server's reason, which the screens translate.
import {
  type CallInput,
  type EndpointSpec,
  keyOf,
  type ResponseOf,
  urlOf,
} from '../../shared/contracts/endpoint.ts';
import type { ErrorBody, FieldProblem } from '../../shared/contracts/errors.ts';

export type { FieldProblem };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The stable reason (`support.offer_on_own_request`) the screens translate; never read `message`. */
  readonly reason: string;
  readonly fields: FieldProblem[];
  /** For a 429: the seconds the server asks us to wait (Retry-After), when it said. */
  readonly retryAfterSeconds: number | null;
  constructor(
    status: number,
    code: string,
    reason: string,
    message: string,
    fields: FieldProblem[] = [],
    retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.reason = reason;
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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Calls an endpoint from its contract and returns its typed answer (or throws ApiError). */
export async function call<const E extends EndpointSpec>(
  spec: E,
  ...input: CallArgs<E>
): Promise<ResponseOf<E>> {
  const parts = (input[0] ?? {}) as Partial<CallInput<E>> & { body?: unknown };
  return await request<ResponseOf<E>>(urlOf(spec, parts), spec.method, parts.body);
}

/** No second argument when the endpoint takes no params, query or body. */
type CallArgs<E> = keyof CallInput<E> extends never ? [] : [input: CallInput<E>];

/** `useQuery(queryFor(endpoint, input))`: the key from the contract, the call as the query. */
export function queryFor<const E extends EndpointSpec>(spec: E, ...input: CallArgs<E>) {
  return {
    queryKey: keyOf(spec, input[0] as Partial<CallInput<E>> | undefined),
    queryFn: () => call(spec, ...input),
  } as const;
}

export { keyOf };

async function request<T>(path: string, method: Method, body: unknown): Promise<T> {
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
    throw new ApiError(0, 'network', 'network', 'The network is not reachable.');
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
      error?.reason ?? (response.status >= 500 ? 'request.internal' : 'request.not_understood'),
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
