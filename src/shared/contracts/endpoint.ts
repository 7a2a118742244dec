// One endpoint, declared once (decision 0027): the server registers its route from it
// (server/platform/routes.ts), the web app calls it and keys its queries by it (web/app/api.ts), and
// the OpenAPI document is made from it.
import type { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type EndpointSpec = {
  method: Method;
  /** Fastify's shape: `/api/residences/:id/meetings`; every `:name` is a key of `params`. */
  path: `/api/${string}`;
  /** Unique and stable, camelCase: generated clients name their functions by it. */
  operationId: string;
  summary: string;
  description?: string;
  /** The first tag is the area; it is also the first part of the endpoint's query keys. */
  tags: readonly [string, ...string[]];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Success answers by status. An answer that is not JSON names its media type instead of a schema. */
  responses: { readonly [status: number]: z.ZodType | { readonly mediaType: string } };
  /** The area refusals it may answer with, beside those every endpoint may give (COMMON_REASONS). */
  reasons?: readonly string[];
};

/** Declares an endpoint; its literal types (path, method, schemas) are kept for both sides. */
export const endpoint = <const E extends EndpointSpec>(spec: E): E => spec;

type Schema<E, K extends 'params' | 'query' | 'body'> = E extends { [P in K]: infer S extends z.ZodType }
  ? S
  : never;

/** What a client sends. */
export type ParamsIn<E> = z.input<Schema<E, 'params'>>;
export type QueryIn<E> = z.input<Schema<E, 'query'>>;
export type BodyIn<E> = z.input<Schema<E, 'body'>>;
/** What the server's handler receives, after its schema parsed it. */
export type ParamsOf<E> = z.output<Schema<E, 'params'>>;
export type QueryOf<E> = z.output<Schema<E, 'query'>>;
export type BodyOf<E> = z.output<Schema<E, 'body'>>;

type JsonResponses<E> = E extends { responses: infer R } ? Extract<R[keyof R], z.ZodType> : never;
/** What the server's handler returns (before its schema encodes it). */
export type ResponseIn<E> = z.input<JsonResponses<E>>;
/** What a client receives. */
export type ResponseOf<E> = z.output<JsonResponses<E>>;

/** The parts a client passes to call an endpoint: only those it declares, each required. */
export type CallInput<E> = (E extends { params: z.ZodType } ? { params: ParamsIn<E> } : unknown) &
  (E extends { query: z.ZodType } ? { query: QueryIn<E> } : unknown) &
  (E extends { body: z.ZodType } ? { body: BodyIn<E> } : unknown);

type Scalar = string | number | boolean | null | undefined;

/** The endpoint's path with its params filled in: `/api/residences/:id` → `/api/residences/8f…`. */
export function pathOf(spec: EndpointSpec, params?: Record<string, Scalar>): string {
  return spec.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`${spec.operationId} needs its "${name}" path parameter`);
    return encodeURIComponent(String(value));
  });
}

/** The query string of a call (`?days=30`), leaving out what is not set; arrays repeat their key. */
export function queryStringOf(query?: Record<string, Scalar | readonly Scalar[]>): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) search.append(key, String(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The address of a call: for links (a calendar feed, an export) and for `fetch`. */
export function urlOf<E extends EndpointSpec>(spec: E, input?: Partial<CallInput<E>>): string {
  const parts = (input ?? {}) as { params?: Record<string, Scalar>; query?: Record<string, Scalar> };
  return pathOf(spec, parts.params) + queryStringOf(parts.query);
}

/**
 * TanStack Query keys from the contract: `[area, operationId, params, query]`. Invalidating `[area]`
 * refreshes the whole area; `keyOf(endpoint)` alone is every call of that endpoint.
 */
export function keyOf<E extends EndpointSpec>(spec: E, input?: Partial<CallInput<E>>): readonly unknown[] {
  const parts = (input ?? {}) as { params?: unknown; query?: unknown };
  const key: unknown[] = [spec.tags[0], spec.operationId];
  if (parts.params !== undefined || parts.query !== undefined) key.push(parts.params ?? null);
  if (parts.query !== undefined) key.push(parts.query);
  return key;
}
