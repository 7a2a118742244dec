// One errors module: every refusal is an AppError with a stable reason (shared/contracts/errors.ts,
// decision 0027). Anything else becomes a 500 that leaks nothing.
import { ERROR_CODES, type ErrorCode, type FieldReason } from '../../shared/contracts/errors.ts';
import { REASONS, type ReasonName } from '../../shared/contracts/reasons.ts';

export { ERROR_CODES, type ErrorCode };

export type FieldError = {
  field: string;
  message: string;
  /** A schema's field reason (`field.too_long`) or an area's own (`people.username_taken`). */
  reason?: FieldReason | ReasonName;
  params?: Record<string, string | number>;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly reason: string;
  readonly fields: FieldError[] | undefined;
  /** Prefer `refuse(reason)`: a bare code and sentence gives the client nothing stable to translate. */
  constructor(code: ErrorCode, message: string, fields?: FieldError[], reason?: string) {
    super(message);
    this.code = code;
    this.status = ERROR_CODES[code];
    this.fields = fields;
    this.reason = reason ?? `request.${code}`;
  }
}

/**
 * A refusal by its reason: the code and English come from the reason's declaration. `field` names the
 * field it is about (it then carries the same reason); `params` are the values its words speak of.
 */
export function refuse(
  reason: ReasonName,
  options: { field?: string; params?: Record<string, string | number>; message?: string } = {},
): AppError {
  const spec = REASONS[reason];
  const message = options.message ?? spec.message;
  const fields = options.field
    ? [{ field: options.field, reason, message, ...(options.params ? { params: options.params } : {}) }]
    : undefined;
  return new AppError(spec.code, message, fields, reason);
}

export const notFound = (what = 'record') =>
  new AppError('not_found', `That ${what} was not found.`, undefined, 'request.not_found');
export const forbidden = () =>
  new AppError('forbidden', 'You do not have access to this.', undefined, 'request.forbidden');
/** @deprecated name the reason: `refuse('area.what')`. */
export const conflict = (message: string, field?: string) =>
  new AppError('conflict', message, field ? [{ field, message }] : undefined);
/** @deprecated name the reason: `refuse('area.what', { field })`, or `invalidField`. */
export const invalid = (field: string, message: string) =>
  new AppError('validation_failed', `${field}: ${message}`, [{ field, message }], 'request.invalid');
/** One field refused for a schema-like reason found by a service (too long, not an option, …). */
export const invalidField = (
  field: string,
  reason: FieldReason | ReasonName,
  message: string,
  params?: Record<string, string | number>,
) =>
  new AppError(
    'validation_failed',
    `${field}: ${message}`,
    [{ field, reason, message, ...(params ? { params } : {}) }],
    'request.invalid',
  );

// An error's words for a log line, never the values it carries (error-log.ts).
export { describeError } from './error-log.ts';
