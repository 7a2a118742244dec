import { describe, expect, it } from 'vitest';
import { describeError } from './jobs.ts';

describe('describeError', () => {
  it('should give the message of an error, or of a plain object that has one', () => {
    expect(describeError(new Error('connection lost'))).toBe('connection lost');
    expect(describeError({ message: 'queue cache refresh failed', queue: 'x' })).toBe(
      'queue cache refresh failed',
    );
  });

  it('should show a plain object without a message as JSON, never as [object Object]', () => {
    expect(describeError({ code: '57P01' })).toBe('{"code":"57P01"}');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeError(circular)).toBe('an object with self');
    expect(describeError('plain words')).toBe('plain words');
  });
});
