// Counselor assignments (organization admin): which counselor works with which resident. An assignment
// shares nothing by itself; it is who a resident may later choose to share with.
import { z } from 'zod';
import { IdParamsSchema, TimestampSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';
import { CounselorAssignmentSchema as CreateCounselorAssignmentSchema } from './memberships.ts';

export { CreateCounselorAssignmentSchema };

const PersonNameSchema = z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() });

export const CounselorAssignmentViewSchema = z.object({
  id: z.uuid(),
  counselor: PersonNameSchema,
  resident: PersonNameSchema,
  createdAt: TimestampSchema,
  /** null while the assignment is current. */
  endedAt: TimestampSchema.nullable(),
});
export type CounselorAssignmentView = z.infer<typeof CounselorAssignmentViewSchema>;

export const CounselorAssignmentListSchema = z.object({
  assignments: z.array(CounselorAssignmentViewSchema),
});
export type CounselorAssignmentListView = z.infer<typeof CounselorAssignmentListSchema>;

export const CounselorAssignmentListQuerySchema = z.strictObject({
  /** Only this resident's assignments. */
  residentId: z.uuid({ message: 'must be a person id' }).optional(),
});

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const counselorAssignmentReasons = defineReasons('counselor_assignments', {
  not_a_counselor: { code: 'validation_failed', message: 'is not a counselor of this organization' },
  not_a_resident: { code: 'validation_failed', message: 'is not a resident of this organization' },
  already_assigned: { code: 'conflict', message: 'This counselor is already assigned to this resident.' },
  already_ended: { code: 'conflict', message: 'This assignment has already ended.' },
});
export type CounselorAssignmentReason = keyof typeof counselorAssignmentReasons;

/** Tagged `people`: the assignments sit on the people screen and refresh with it. */
export const counselorAssignmentApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/counselor-assignments',
    operationId: 'listCounselorAssignments',
    summary: 'Current counselor assignments (optionally for one resident)',
    tags: ['people'],
    query: CounselorAssignmentListQuerySchema,
    responses: { 200: CounselorAssignmentListSchema },
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/counselor-assignments',
    operationId: 'createCounselorAssignment',
    summary: 'Assign a resident to a counselor',
    tags: ['people'],
    body: CreateCounselorAssignmentSchema,
    responses: { 201: CounselorAssignmentViewSchema },
    reasons: [
      'counselor_assignments.not_a_counselor',
      'counselor_assignments.not_a_resident',
      'counselor_assignments.already_assigned',
    ],
  }),
  end: endpoint({
    method: 'POST',
    path: '/api/counselor-assignments/:id/end',
    operationId: 'endCounselorAssignment',
    summary: 'End a counselor assignment (kept as history)',
    tags: ['people'],
    params: IdParamsSchema,
    responses: { 200: CounselorAssignmentViewSchema },
    reasons: ['counselor_assignments.already_ended'],
  }),
} as const;
