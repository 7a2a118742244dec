// The audit log: who did what to which record, when, and with what outcome. No personal data in detail.
import type { Db } from './database/connect.ts';
import { auditEvents } from './database/schema.ts';

export type AuditEntry = {
  organizationId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  outcome?: 'allowed' | 'denied' | 'failed';
  detail?: Record<string, string | number | boolean | null>;
};

/** Works on the database or inside a transaction, so a change and its audit entry commit together. */
export async function recordAudit(db: Pick<Db, 'insert'>, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    organizationId: entry.organizationId,
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    outcome: entry.outcome ?? 'allowed',
    detail: entry.detail ?? {},
  });
}
