import { z } from 'zod';
import { ROLES } from '../domain/vocabulary.ts';
import { NewAccountSchema } from './auth.ts';
import { defineReasons } from './errors.ts';

export const InvitationInputSchema = z.strictObject({
  role: z.enum(ROLES),
  residenceId: z.uuid().nullable().default(null),
  note: z.string().trim().max(120).default(''),
  bed: z.string().trim().max(40).nullable().default(null),
  expiresInDays: z.number().int().min(1).max(30).default(7),
});
export const InvitationSchema = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  residenceId: z.uuid().nullable(),
  residenceName: z.string().nullable(),
  note: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const CreatedInvitationSchema = InvitationSchema.extend({ code: z.string(), link: z.string() });
export const InvitationListSchema = z.object({ invitations: z.array(InvitationSchema) });
export type InvitationView = z.infer<typeof InvitationSchema>;

export const InvitationCodeParamsSchema = z.strictObject({ code: z.string().trim().min(4).max(40) });
/** What the person holding a code sees before accepting. */
export const InvitationPreviewSchema = z.object({
  organizationName: z.string(),
  role: z.enum(ROLES),
  residenceName: z.string().nullable(),
});
export const AcceptInvitationSchema = NewAccountSchema;

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const invitationReasons = defineReasons('invitations', {});
export type InvitationReason = keyof typeof invitationReasons;
