// Counselor assignments (organization admin): which counselor works with which resident. An assignment
// shares nothing by itself; it is who a resident may later choose to share with.
import { z } from 'zod';
import { TimestampSchema } from './common.ts';
import { defineReasons } from './errors.ts';

export { CounselorAssignmentSchema as CreateCounselorAssignmentSchema } from './memberships.ts';

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
export const counselorAssignmentReasons = defineReasons('counselor_assignments', {});
export type CounselorAssignmentReason = keyof typeof counselorAssignmentReasons;
