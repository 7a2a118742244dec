import { z } from 'zod';
import { NewAccountSchema } from './auth.ts';
import { OkSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';

export const SetupStatusSchema = z.object({ needed: z.boolean() });
export const SetupRequestSchema = z.strictObject({
  token: z.string().trim().min(10).max(200),
  organizationName: z.string().trim().min(2, { message: 'is required' }).max(120),
  admin: NewAccountSchema,
});
export type SetupRequest = z.infer<typeof SetupRequestSchema>;

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const setupReasons = defineReasons('setup', {
  not_available: { code: 'setup_not_available', message: 'Hearth is already set up. Please sign in.' },
  link_invalid: {
    code: 'forbidden',
    message: 'That setup link is not valid. Use the newest link Hearth printed when it started.',
  },
});
export type SetupReason = keyof typeof setupReasons;

export const setupApi = {
  status: endpoint({
    method: 'GET',
    path: '/api/setup',
    operationId: 'getSetupStatus',
    summary: 'Whether first-run setup is still needed',
    tags: ['setup'],
    responses: { 200: SetupStatusSchema },
  }),
  complete: endpoint({
    method: 'POST',
    path: '/api/setup',
    operationId: 'completeSetup',
    summary: 'Create the organization and its first admin with the one-time setup token',
    tags: ['setup'],
    body: SetupRequestSchema,
    responses: { 201: OkSchema },
    reasons: ['setup.not_available', 'setup.link_invalid'],
  }),
} as const;
