// One errors module: stable codes with their HTTP status. Anything else becomes a 500 that leaks nothing.

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

export type FieldError = { field: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldError[] | undefined;
  constructor(code: ErrorCode, message: string, fields?: FieldError[]) {
    super(message);
    this.code = code;
    this.status = ERROR_CODES[code];
    this.fields = fields;
  }
}

export const notFound = (what = 'record') => new AppError('not_found', `That ${what} was not found.`);
export const forbidden = () => new AppError('forbidden', 'You do not have access to this.');
export const conflict = (message: string, field?: string) =>
  new AppError('conflict', message, field ? [{ field, message }] : undefined);
export const invalid = (field: string, message: string) =>
  new AppError('validation_failed', `${field}: ${message}`, [{ field, message }]);

// An error's words for a log line, never the values it carries (error-log.ts).
export { describeError } from './error-log.ts';
