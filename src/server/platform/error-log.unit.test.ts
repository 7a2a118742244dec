import { DrizzleQueryError } from 'drizzle-orm/errors';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeError, errorForLog, statementOf } from './error-log.ts';

/** A pg error as the driver builds it from the server's ErrorResponse. */
function pgError(message: string, fields: Partial<pg.DatabaseError>): pg.DatabaseError {
  const error = new pg.DatabaseError(message, 0, 'error');
  return Object.assign(error, { severity: 'ERROR', ...fields });
}

const sent = ['alice.recovery@example.org', 'I relapsed too', 'he keeps following me home'];

const uniqueViolation = pgError('duplicate key value violates unique constraint "people_email_key"', {
  code: '23505',
  detail: `Key (lower(email))=(${sent[0]}) already exists.`,
  schema: 'public',
  table: 'people',
  constraint: 'people_email_key',
  routine: '_bt_check_unique',
});
const badUuid = pgError(`invalid input syntax for type uuid: "${sent[1]}"`, {
  code: '22P02',
  where: `unnamed portal parameter $2 = '${sent[1]}'`,
  routine: 'string_to_uuid',
});
const failedQuery = (cause: Error) =>
  new DrizzleQueryError(
    'insert into "support_responses" ("id", "note", "reason") values (default, $1, $2) returning "id"',
    sent,
    cause,
  );

describe('errorForLog', () => {
  it('should keep a failed statement’s kind, relation and SQLSTATE, and none of its values', () => {
    const log = errorForLog(failedQuery(uniqueViolation));
    expect(log).toMatchObject({
      type: 'DrizzleQueryError',
      statement: 'insert into support_responses',
      cause: {
        type: 'DatabaseError',
        code: '23505',
        table: 'people',
        constraint: 'people_email_key',
        routine: '_bt_check_unique',
      },
    });
    expect(log.message).toBeUndefined();
    expect(log.cause?.message).toBeUndefined();
    const text = JSON.stringify(log);
    for (const value of sent) expect(text).not.toContain(value);
    expect(text).not.toMatch(/params|detail|\$1/);
  });

  it('should leave out a pg message that quotes the value it refused, and its `where`', () => {
    const log = errorForLog(failedQuery(badUuid));
    expect(log.cause).toMatchObject({ code: '22P02', routine: 'string_to_uuid' });
    expect(JSON.stringify(log)).not.toContain(sent[1]);
    expect(JSON.stringify(errorForLog(badUuid))).not.toContain(sent[1]);
  });

  it('should keep the stack’s frames but not its first line, which repeats the message', () => {
    const log = errorForLog(failedQuery(badUuid));
    expect(log.stack).toMatch(/^\s+at /);
    expect(log.stack).not.toContain('Failed query');
  });

  it('should keep the words of an ordinary error, with anything quoted blanked', () => {
    expect(errorForLog(new TypeError("Cannot read properties of undefined (reading 'note')"))).toMatchObject({
      type: 'TypeError',
      message: "Cannot read properties of undefined (reading '…')",
    });
    const system = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
      syscall: 'connect',
    });
    expect(errorForLog(system)).toMatchObject({
      type: 'Error',
      code: 'ECONNREFUSED',
      syscall: 'connect',
      message: 'connect ECONNREFUSED 127.0.0.1:5432',
    });
  });

  it('should leave out the words of a SyntaxError (JSON.parse quotes what it read)', () => {
    let thrown: unknown;
    try {
      JSON.parse(`{"note": "${sent[2]}`);
    } catch (error) {
      thrown = error;
    }
    expect(JSON.stringify(errorForLog(thrown))).not.toContain('keeps following');
  });

  it('should keep where a zod error found its issues, never the input it read', () => {
    const parsed = z
      .object({ note: z.email(), kind: z.enum(['a', 'b']) })
      .safeParse({ note: sent[2], kind: sent[1] });
    const log = errorForLog(parsed.error);
    expect(log.issues).toEqual([
      { code: 'invalid_format', path: 'note' },
      { code: 'invalid_value', path: 'kind' },
    ]);
    expect(log.message).toBeUndefined();
    expect(JSON.stringify(log)).not.toMatch(/relapsed|following/);
  });

  it('should follow causes and the errors of an AggregateError', () => {
    const log = errorForLog(new AggregateError([new Error('first'), badUuid], 'all failed'));
    expect(log.errors?.map((e) => e.type)).toEqual(['Error', 'DatabaseError']);
    expect(JSON.stringify(log)).not.toContain(sent[1]);
  });

  it('should take plain objects and other values without printing their fields', () => {
    expect(errorForLog({ code: '57P01', data: { note: sent[1] } })).toEqual({
      type: 'object',
      code: '57P01',
    });
    expect(errorForLog({ message: `queue failed for "${sent[0]}"` })).toEqual({
      type: 'object',
      message: 'queue failed for "…"',
    });
    expect(errorForLog('plain words')).toEqual({ type: 'string' });
    expect(errorForLog(null)).toEqual({ type: 'object' });
  });
});

describe('statementOf', () => {
  it.each([
    ['insert into "check_ins" ("id") values ($1)', 'insert into check_ins'],
    ['update "people" set "first_name" = $1 where "id" = $2', 'update people'],
    ['delete from "sessions" where "token_hash" = $1', 'delete from sessions'],
    [
      'select "id", "note" from "support_requests" where x = \'secret words\'',
      'select from support_requests',
    ],
    ["with a as (select 1) update notifications n set pushed_at = now() where note = 'x'", 'with'],
    ['listen hearth_push', 'listen'],
  ])('should describe %s as %s', (query, expected) => {
    expect(statementOf(query)).toBe(expected);
  });
});

describe('describeError', () => {
  it('should give the words of an error, or of a plain object that has some', () => {
    expect(describeError(new Error('connection lost'))).toBe('Error — connection lost');
    expect(describeError({ message: 'queue cache refresh failed', queue: 'x' })).toBe(
      'object — queue cache refresh failed',
    );
  });

  it('should describe a failed statement by its kind and codes only', () => {
    const words = describeError(failedQuery(uniqueViolation));
    expect(words).toBe(
      'DrizzleQueryError (statement insert into support_responses) caused by DatabaseError 23505 (constraint people_email_key, table people, routine _bt_check_unique)',
    );
  });

  it('should never print a plain object as [object Object] or as its fields', () => {
    expect(describeError({ code: '57P01' })).toBe('object 57P01');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeError(circular)).toBe('object');
  });
});
