import { z } from 'zod';
import { PROGRAM_FOCUSES } from '../domain/vocabulary.ts';
import { IdParamsSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';

export const ProgramInputSchema = z.strictObject({
  name: z.string().trim().min(2, { message: 'is required' }).max(120),
  description: z.string().trim().max(1000).default(''),
  focus: z.array(z.enum(PROGRAM_FOCUSES)).max(PROGRAM_FOCUSES.length).default([]),
});
export const ProgramUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(2).max(120),
    description: z.string().trim().max(1000),
    focus: z.array(z.enum(PROGRAM_FOCUSES)).max(PROGRAM_FOCUSES.length),
  })
  .partial();
export const ProgramSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  focus: z.array(z.enum(PROGRAM_FOCUSES)),
});
export type ProgramView = z.infer<typeof ProgramSchema>;
export const ProgramListSchema = z.object({ programs: z.array(ProgramSchema) });

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const programReasons = defineReasons('programs', {});
export type ProgramReason = keyof typeof programReasons;

export const programApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/programs',
    operationId: 'listPrograms',
    summary: 'Programs (specialized tracks) of my organization',
    tags: ['programs'],
    responses: { 200: ProgramListSchema },
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/programs',
    operationId: 'createProgram',
    summary: 'Create a program',
    tags: ['programs'],
    body: ProgramInputSchema,
    responses: { 201: ProgramSchema },
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/programs/:id',
    operationId: 'updateProgram',
    summary: 'Change a program',
    tags: ['programs'],
    params: IdParamsSchema,
    body: ProgramUpdateSchema,
    responses: { 200: ProgramSchema },
  }),
} as const;
