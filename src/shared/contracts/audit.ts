import { z } from 'zod';
import { InstantSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';

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

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const auditReasons = defineReasons('audit', {});
export type AuditReason = keyof typeof auditReasons;

export const auditApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/audit',
    operationId: 'listAuditEvents',
    summary: 'The audit log of my organization, newest first',
    tags: ['audit'],
    query: AuditQuerySchema,
    responses: { 200: AuditListSchema },
  }),
} as const;
