import { z } from 'zod';
import { ROLES } from '../domain/vocabulary.ts';
import { NewAccountSchema } from './auth.ts';
import { IdParamsSchema, OkSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';
import { GRANT_ROLE_REASONS } from './people.ts';

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
export const invitationReasons = defineReasons('invitations', {
  code_not_found: {
    code: 'not_found',
    message: 'We could not find that invitation code. Check it, or ask for a new one.',
  },
  already_used: {
    code: 'invitation_used',
    message: 'This invitation has already been used. If that was not you, ask for a new one.',
  },
  withdrawn: { code: 'invitation_expired', message: 'This invitation was withdrawn. Ask for a new one.' },
  expired: { code: 'invitation_expired', message: 'This invitation has expired. Ask for a new one.' },
});
export type InvitationReason = keyof typeof invitationReasons;

const UNUSABLE_CODE_REASONS = [
  'invitations.code_not_found',
  'invitations.already_used',
  'invitations.withdrawn',
  'invitations.expired',
] as const;

export const invitationApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/invitations',
    operationId: 'listInvitations',
    summary: 'Invitations not yet used',
    tags: ['invitations'],
    responses: { 200: InvitationListSchema },
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/invitations',
    operationId: 'createInvitation',
    summary: 'Invite someone by link or code, with a role and residence',
    tags: ['invitations'],
    body: InvitationInputSchema,
    responses: { 201: CreatedInvitationSchema },
    reasons: ['people.residence_required', 'people.residence_not_allowed', 'people.unknown_residence'],
  }),
  withdraw: endpoint({
    method: 'DELETE',
    path: '/api/invitations/:id',
    operationId: 'withdrawInvitation',
    summary: 'Withdraw an invitation',
    tags: ['invitations'],
    params: IdParamsSchema,
    responses: { 200: OkSchema },
  }),
  preview: endpoint({
    method: 'GET',
    path: '/api/invitations/code/:code',
    operationId: 'previewInvitation',
    summary: 'What an invitation code is for, before accepting it',
    tags: ['invitations'],
    params: InvitationCodeParamsSchema,
    responses: { 200: InvitationPreviewSchema },
    reasons: UNUSABLE_CODE_REASONS,
  }),
  accept: endpoint({
    method: 'POST',
    path: '/api/invitations/code/:code/accept',
    operationId: 'acceptInvitation',
    summary: 'Accept an invitation: creates my account and signs me in',
    tags: ['invitations'],
    params: InvitationCodeParamsSchema,
    body: AcceptInvitationSchema,
    responses: { 201: OkSchema },
    reasons: [...UNUSABLE_CODE_REASONS, 'people.username_taken', ...GRANT_ROLE_REASONS],
  }),
} as const;
