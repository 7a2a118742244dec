import { z } from 'zod';
import { NewAccountSchema } from './auth.ts';
import { defineReasons } from './errors.ts';

export const SetupStatusSchema = z.object({ needed: z.boolean() });
export const SetupRequestSchema = z.strictObject({
  token: z.string().trim().min(10).max(200),
  organizationName: z.string().trim().min(2, { message: 'is required' }).max(120),
  admin: NewAccountSchema,
});
export type SetupRequest = z.infer<typeof SetupRequestSchema>;

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const setupReasons = defineReasons('setup', {});
export type SetupReason = keyof typeof setupReasons;
