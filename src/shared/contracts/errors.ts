// What an error says across the wire (decision 0027): a coarse code with its HTTP status, a stable
// machine reason the web app translates, an English sentence for people reading the API, and for each
// field that was wrong its path and its own reason. No client ever reads the English.
import { z } from 'zod';

export const ERROR_CODES = {
  validation_failed: 400,
  bad_request: 400,
  csrf_rejected: 403,
  not_signed_in: 401,
  session_expired: 401,
  sign_in_failed: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invitation_expired: 410,
  invitation_used: 410,
  reset_code_invalid: 400,
  setup_not_available: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** A refusal an area declares: its code (and so its status) and the English sentence sent with it. */
export type ReasonSpec = { code: ErrorCode; message: string };

/**
 * An area's refusals, named `<area>.<what>`: `defineReasons('support', { offer_on_own_request: … })`
 * gives `{ 'support.offer_on_own_request': … }`. Every name needs English and Spanish words in the web
 * app (`reasons.<area>.<what>`), which a unit test checks.
 */
export function defineReasons<const Area extends string, const R extends Record<string, ReasonSpec>>(
  area: Area,
  reasons: R,
): { readonly [K in keyof R & string as `${Area}.${K}`]: R[K] } {
  return Object.fromEntries(Object.entries(reasons).map(([key, spec]) => [`${area}.${key}`, spec])) as never;
}

/** Refusals any endpoint may give, made by the platform rather than by an area. */
export const COMMON_REASONS = defineReasons('request', {
  invalid: { code: 'validation_failed', message: 'Some fields are not valid.' },
  invalid_json: { code: 'bad_request', message: 'The body is not valid JSON.' },
  empty_body: { code: 'bad_request', message: 'The body is empty.' },
  not_understood: { code: 'bad_request', message: 'The request could not be understood.' },
  csrf_rejected: { code: 'csrf_rejected', message: 'This request came from another site and was refused.' },
  not_signed_in: { code: 'not_signed_in', message: 'Please sign in first.' },
  session_expired: { code: 'session_expired', message: 'Your session has ended. Please sign in again.' },
  forbidden: { code: 'forbidden', message: 'You do not have access to this.' },
  not_found: { code: 'not_found', message: 'That was not found.' },
  too_large: { code: 'payload_too_large', message: 'The request body is too large.' },
  not_json: { code: 'unsupported_media_type', message: 'Send the body as application/json.' },
  internal: { code: 'internal', message: 'Something went wrong on our side. It has been logged.' },
  unavailable: {
    code: 'unavailable',
    message: 'Hearth cannot reach its database just now. Please try again in a moment.',
  },
});

/**
 * Why one field was refused. Most come from the contract's schema (and carry its limits in `params`);
 * an area's own field reasons are named like its refusals (`people.username_taken`).
 */
export const FIELD_REASONS = [
  'field.required',
  'field.unknown',
  'field.wrong_type',
  'field.too_short',
  'field.too_long',
  'field.too_small',
  'field.too_big',
  'field.too_few',
  'field.too_many',
  'field.not_whole',
  'field.not_an_option',
  'field.not_a_date',
  'field.not_a_time',
  'field.not_an_id',
  'field.not_an_email',
  'field.not_a_url',
  'field.time_zone',
  'field.years',
  'field.characters',
  'field.unstorable',
  'field.invalid',
] as const;
export type FieldReason = (typeof FIELD_REASONS)[number];

export const FieldProblemSchema = z.object({
  /** The path inside what was sent (body, query or path), dotted: `admin.password`, `triggers.0`. */
  field: z.string(),
  reason: z.string(),
  message: z.string(),
  /** The limits the reason speaks of: `{ minimum: 3 }`, `{ maximum: 500 }`. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type FieldProblem = z.infer<typeof FieldProblemSchema>;

export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    reason: z.string(),
    message: z.string(),
    fields: z.array(FieldProblemSchema).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorSchema>;
