import { describe, expect, it } from 'vitest';
import { AppError, conflict, ERROR_CODES, forbidden, invalid, notFound } from './errors.ts';

describe('AppError', () => {
  it('should carry its stable code, the matching HTTP status and the message', () => {
    const error = new AppError('invitation_used', 'Already used.');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: 'invitation_used',
      status: 410,
      message: 'Already used.',
      fields: undefined,
    });
  });

  it('should give every code a client or server error status', () => {
    for (const [code, status] of Object.entries(ERROR_CODES)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
    }
  });

  it('should keep the statuses the API promises', () => {
    expect(ERROR_CODES).toMatchObject({
      validation_failed: 400,
      not_signed_in: 401,
      session_expired: 401,
      sign_in_failed: 401,
      forbidden: 403,
      csrf_rejected: 403,
      not_found: 404,
      conflict: 409,
      invitation_expired: 410,
      invitation_used: 410,
      setup_not_available: 410,
      payload_too_large: 413,
      internal: 500,
    });
  });
});

describe('error helpers', () => {
  it('should name the missing record in a 404', () => {
    expect(notFound('residence')).toMatchObject({
      code: 'not_found',
      status: 404,
      message: 'That residence was not found.',
    });
    expect(notFound().message).toBe('That record was not found.');
  });

  it('should make a 403 that says nothing about the record', () => {
    expect(forbidden()).toMatchObject({
      code: 'forbidden',
      status: 403,
      message: 'You do not have access to this.',
    });
  });

  it('should name the field of a validation error', () => {
    expect(invalid('bedCapacity', 'must be at least 1')).toMatchObject({
      code: 'validation_failed',
      status: 400,
      message: 'bedCapacity: must be at least 1',
      fields: [{ field: 'bedCapacity', message: 'must be at least 1' }],
    });
  });

  it('should name the field of a conflict when there is one', () => {
    expect(conflict('Taken.', 'username').fields).toEqual([{ field: 'username', message: 'Taken.' }]);
    expect(conflict('Taken.').fields).toBeUndefined();
  });
});
