import { z } from 'zod';
import { ROLES } from '../domain/vocabulary.ts';
import { DateSchema } from './common.ts';

export const GrantMembershipSchema = z.strictObject({
  personId: z.uuid(),
  role: z.enum(ROLES),
  residenceId: z.uuid().nullable().default(null),
  startsOn: DateSchema.optional(),
  bed: z.string().trim().max(40).nullable().default(null),
});
export const EndMembershipSchema = z.strictObject({
  endsOn: DateSchema.optional(),
  /** When a resident moves out, keep them connected as alumni. */
  becomeAlumni: z.boolean().default(true),
});
export const CounselorAssignmentSchema = z.strictObject({
  counselorId: z.uuid(),
  residentId: z.uuid(),
});
