import { z } from 'zod';
import { NewAccountSchema } from './auth.ts';

export const SetupStatusSchema = z.object({ needed: z.boolean() });
export const SetupRequestSchema = z.strictObject({
  token: z.string().trim().min(10).max(200),
  organizationName: z.string().trim().min(2, { message: 'is required' }).max(120),
  admin: NewAccountSchema,
});
export type SetupRequest = z.infer<typeof SetupRequestSchema>;
