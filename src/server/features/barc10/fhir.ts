// FHIR R4 export of a completed BARC-10: the Questionnaire (our canonical) and the person's
// QuestionnaireResponse. The subject is an opaque id only: no name, nothing else about the person.
import {
  BARC10_ITEM_COUNT,
  BARC10_SCALE,
  BARC10_STATEMENTS,
  BARC10_TOTAL_MAX,
  BARC10_TOTAL_MIN,
} from '../../../shared/domain/barc10.ts';

export const BARC10_QUESTIONNAIRE_URL = 'urn:hearth:fhir:Questionnaire:barc-10';
export const BARC10_QUESTIONNAIRE_VERSION = '1.0.0';
export const BARC10_CANONICAL = `${BARC10_QUESTIONNAIRE_URL}|${BARC10_QUESTIONNAIRE_VERSION}`;
/** The code system of the 6-point agreement scale (1 strongly disagree … 6 strongly agree). */
export const BARC10_SCALE_SYSTEM = 'urn:hearth:fhir:CodeSystem:barc-10-agreement';
export const BARC10_TOTAL_LINK_ID = 'total';

const coding = (value: number) => {
  const point = BARC10_SCALE.find((s) => s.value === value);
  if (!point) throw new Error(`BARC-10 answer out of range: ${value}`);
  return { system: BARC10_SCALE_SYSTEM, code: String(point.value), display: point.label };
};

export function barc10Questionnaire() {
  return {
    resourceType: 'Questionnaire' as const,
    id: 'barc-10',
    url: BARC10_QUESTIONNAIRE_URL,
    version: BARC10_QUESTIONNAIRE_VERSION,
    name: 'BARC10',
    title: 'Brief Assessment of Recovery Capital (BARC-10)',
    status: 'active' as const,
    subjectType: ['Patient'],
    description: `Ten statements on a 6-point agreement scale; the total (${BARC10_TOTAL_MIN}-${BARC10_TOTAL_MAX}) is their sum. Vilsaint et al., Drug and Alcohol Dependence 177, 2017. In the validation study a total of 47 or more predicted sustained remission.`,
    item: [
      ...BARC10_STATEMENTS.map((text, i) => ({
        linkId: String(i + 1),
        text,
        type: 'choice' as const,
        required: true,
        answerOption: BARC10_SCALE.map((s) => ({ valueCoding: coding(s.value) })),
      })),
      {
        linkId: BARC10_TOTAL_LINK_ID,
        text: `Total (${BARC10_TOTAL_MIN}-${BARC10_TOTAL_MAX})`,
        type: 'integer' as const,
        readOnly: true,
      },
    ],
  };
}

export function barc10QuestionnaireResponse(assessment: {
  id: string;
  subjectId: string;
  answers: number[];
  total: number;
  completedAt: Date;
}) {
  if (assessment.answers.length !== BARC10_ITEM_COUNT) throw new Error('BARC-10 needs ten answers');
  return {
    resourceType: 'QuestionnaireResponse' as const,
    id: assessment.id,
    questionnaire: BARC10_CANONICAL,
    status: 'completed' as const,
    authored: assessment.completedAt.toISOString(),
    subject: { reference: `Patient/${assessment.subjectId}` },
    item: [
      ...assessment.answers.map((value, i) => ({
        linkId: String(i + 1),
        text: BARC10_STATEMENTS[i],
        answer: [{ valueCoding: coding(value) }],
      })),
      {
        linkId: BARC10_TOTAL_LINK_ID,
        text: `Total (${BARC10_TOTAL_MIN}-${BARC10_TOTAL_MAX})`,
        answer: [{ valueInteger: assessment.total }],
      },
    ],
  };
}
