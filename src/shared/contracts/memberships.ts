import { z } from 'zod';
import { ROLES } from '../domain/vocabulary.ts';
import { DateSchema } from './common.ts';
import { defineReasons } from './errors.ts';

export const GrantMembershipSchema = z.strictObject({
  personId: z.uuid(),
  role: z.enum(ROLES),
  residenceId: z.uuid().nullable().default(null),
  /** The first day the role is held, in the house's time zone (UTC without a house); today by default. */
  startsOn: DateSchema.optional(),
  bed: z.string().trim().max(40).nullable().default(null),
});
export const EndMembershipSchema = z.strictObject({
  /**
   * The day the role ends, in the house's time zone (UTC without a house): it is not held on that day.
   * Today by default, which ends it at once (decision 0022).
   */
  endsOn: DateSchema.optional(),
  /** When a resident moves out, keep them connected as alumni. */
  becomeAlumni: z.boolean().default(true),
});
export const CounselorAssignmentSchema = z.strictObject({
  counselorId: z.uuid(),
  residentId: z.uuid(),
});

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const membershipReasons = defineReasons('memberships', {});
export type MembershipReason = keyof typeof membershipReasons;
