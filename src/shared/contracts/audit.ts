import { z } from 'zod';
import { InstantSchema } from './common.ts';

export const AuditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: InstantSchema.optional(),
});
export const AuditEventSchema = z.object({
  id: z.uuid(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  outcome: z.enum(['allowed', 'denied', 'failed']),
});
export const AuditListSchema = z.object({ events: z.array(AuditEventSchema) });
export type AuditEventView = z.infer<typeof AuditEventSchema>;
