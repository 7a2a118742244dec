// What the log holds when the database refuses a write: the error's kind, its SQLSTATE and constraint,
// never the values that were sent (decision 0023).
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, call, testDb } from '../../test/app.ts';
import { buildPerson, buildResidence, setUpOrganization, type TestPerson } from '../../test/factories.ts';
import { people } from './database/schema.ts';
import { errorForLog } from './error-log.ts';

const lines: string[] = [];
let app: FastifyInstance;
let resident: TestPerson;

const sent = {
  gratitude: 'I relapsed too, zebra-7731',
  intention: 'Call Marguerite before the shift',
  triggerOther: 'the bar on Fifth and Vine',
  idempotencyKey: 'key-quokka-88120',
};

beforeAll(async () => {
  const admin = await setUpOrganization();
  const house = await buildResidence(admin, {});
  resident = await buildPerson(admin, { role: 'resident', residenceId: house.id });
  app = await buildTestApp({ LOG_LEVEL: 'info' }, { logStream: { write: (line) => void lines.push(line) } });
  await app.ready();
  // This file's own database refuses every new check-in, as a full disk or a broken constraint would.
  await testDb().execute(
    sql`alter table check_ins add constraint refuses_every_check_in check (false) not valid`,
  );
  await testDb().execute(
    sql`alter table support_requests add constraint refuses_every_request check (false) not valid`,
  );
});

afterAll(async () => {
  await app.close();
});

describe('a write the database refuses', () => {
  const logOf = async (url: string, body: Record<string, unknown>) => {
    lines.length = 0;
    const result = await call('POST', url, { app, as: resident, body });
    expect(result.status, result.text).toBe(500);
    for (const value of Object.values(sent)) expect(result.text).not.toContain(value);
    const everything = lines.join('\n');
    for (const value of [...Object.values(sent), resident.id, resident.username]) {
      expect(everything).not.toContain(value);
    }
    expect(everything).not.toMatch(/params|detail|Failed query|Failing row/);
    return lines.map((line) => JSON.parse(line)).find((l) => l.msg === 'unhandled error')?.error;
  };

  it('should log a failed Drizzle statement by its kind, SQLSTATE and constraint, and none of the values sent', async () => {
    const logged = await logOf('/api/support/requests', {
      supportKind: 'emotional',
      body: sent.gratitude,
      audience: 'house',
      idempotencyKey: sent.idempotencyKey,
    });
    expect(logged).toMatchObject({
      type: 'DrizzleQueryError',
      statement: 'insert into support_requests',
      cause: { type: 'DatabaseError', code: '23514', constraint: 'refuses_every_request' },
    });
  });

  it('should log a failed pg statement the same way (the check-in is sent through pg itself)', async () => {
    const logged = await logOf('/api/check-ins', { ...sent, mood: 2, craving: 4, triggers: ['other'] });
    expect(logged).toMatchObject({
      type: 'DatabaseError',
      code: '23514',
      constraint: 'refuses_every_check_in',
    });
  });

  it('should not let a pg message that quotes a refused value reach the log', async () => {
    const refused = await testDb()
      .select()
      .from(people)
      .where(eq(people.id, sent.gratitude))
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(String((refused as Error).cause)).toContain(sent.gratitude);
    const log = JSON.stringify(errorForLog(refused));
    expect(log).toContain('22P02');
    expect(log).not.toContain(sent.gratitude);
  });
});
