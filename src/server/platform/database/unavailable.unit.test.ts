import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable.ts';

const pgError = (code: string, message = 'from PostgreSQL') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a terminated backend (57P01)', pgError('57P01')],
    ['a server starting up or in recovery (57P03)', pgError('57P03')],
    ['a cancelled statement: statement_timeout (57014)', pgError('57014')],
    ['an ended idle transaction (25P03)', pgError('25P03')],
    ['any connection exception (08006)', pgError('08006')],
    ['a refused connection', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ["pg's dropped connection", new Error('Connection terminated unexpectedly')],
    ["pg's connection timeout", new Error('Connection terminated due to connection timeout')],
    ["the pool's wait for a free connection", new Error('timeout exceeded when trying to connect')],
    ['an unanswered query', new Error('Query read timeout')],
    [
      "Drizzle's wrapper around one of them",
      Object.assign(new Error('Failed query: select 1'), { cause: pgError('57P01') }),
    ],
  ])('should count %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', pgError('23505')],
    ['a syntax error (42601)', pgError('42601')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a non-error', 'Connection terminated'],
  ])('should not count %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
