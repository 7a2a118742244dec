import { z } from 'zod';
import { BARC10_ANSWER_MAX, BARC10_ANSWER_MIN, BARC10_ITEM_COUNT } from '../domain/barc10.ts';
import { DateSchema, IdParamsSchema, TimestampSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';

const answerMessage = `must be a whole number from ${BARC10_ANSWER_MIN} to ${BARC10_ANSWER_MAX}`;
const countMessage = `must be exactly ${BARC10_ITEM_COUNT} answers, one for each statement`;

export const Barc10InputSchema = z.strictObject({
  answers: z
    .array(
      z
        .number({ message: answerMessage })
        .int({ message: answerMessage })
        .min(BARC10_ANSWER_MIN, { message: answerMessage })
        .max(BARC10_ANSWER_MAX, { message: answerMessage }),
      { message: countMessage },
    )
    .length(BARC10_ITEM_COUNT, { message: countMessage }),
});
export type Barc10Input = z.infer<typeof Barc10InputSchema>;

/** A completed BARC-10 as its owner sees it (nobody else does). */
export const Barc10Schema = z.object({
  id: z.uuid(),
  localDate: DateSchema,
  completedAt: TimestampSchema,
  answers: z.array(z.number().int()),
  total: z.number().int(),
  /** total ≥ 47: in the validation study this predicted sustained remission. */
  reachesReference: z.boolean(),
});
export type Barc10View = z.infer<typeof Barc10Schema>;

/** GET /api/barc10: mine, oldest first, and whether one is due (none in the last 30 days). */
export const Barc10ListSchema = z.object({
  assessments: z.array(Barc10Schema),
  due: z.boolean(),
  lastCompletedOn: DateSchema.nullable(),
  nextDueOn: DateSchema.nullable(),
  reference: z.number().int(),
});
export type Barc10ListView = z.infer<typeof Barc10ListSchema>;

/** GET /api/barc10/:id/fhir — FHIR R4 resources (JSON), the subject only as an opaque id. */
export const Barc10FhirSchema = z.object({
  questionnaire: z.looseObject({ resourceType: z.literal('Questionnaire') }),
  questionnaireResponse: z.looseObject({ resourceType: z.literal('QuestionnaireResponse') }),
});

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const barc10Reasons = defineReasons('barc10', {});
export type Barc10Reason = keyof typeof barc10Reasons;

export const barc10Api = {
  mine: endpoint({
    method: 'GET',
    path: '/api/barc10',
    operationId: 'listMyBarc10',
    summary: 'My BARC-10 assessments and whether one is due (none in the last 30 days)',
    tags: ['barc10'],
    responses: { 200: Barc10ListSchema },
  }),
  record: endpoint({
    method: 'POST',
    path: '/api/barc10',
    operationId: 'recordBarc10',
    summary: 'Record a BARC-10 (exactly ten answers, each 1-6)',
    tags: ['barc10'],
    body: Barc10InputSchema,
    responses: { 201: Barc10Schema },
  }),
  fhir: endpoint({
    method: 'GET',
    path: '/api/barc10/:id/fhir',
    operationId: 'exportBarc10Fhir',
    summary: 'One of my BARC-10 assessments as FHIR R4 (Questionnaire + QuestionnaireResponse)',
    tags: ['barc10'],
    params: IdParamsSchema,
    responses: { 200: Barc10FhirSchema },
  }),
} as const;
