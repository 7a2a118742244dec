// Reading the audit log: who did what to which record, newest first; reading it is itself recorded.
import { and, desc, eq, lt } from 'drizzle-orm';
import type { AuditEventView } from '../../../shared/contracts/audit.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { auditEvents, people } from '../../platform/database/schema.ts';
import { displayNameOf } from '../people/presenters.ts';

type EventRow = {
  e: typeof auditEvents.$inferSelect;
  firstName: string | null;
  lastName: string | null;
  nameStyle: string | null;
};

function presentEvent({ e, firstName, lastName, nameStyle }: EventRow): AuditEventView {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorName:
      firstName !== null
        ? displayNameOf({ firstName, lastName: lastName ?? '', nameStyle: nameStyle ?? 'first_last_initial' })
        : null,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    outcome: e.outcome as AuditEventView['outcome'],
  };
}

export async function listAuditEvents(
  db: Db,
  actor: Actor,
  page: { limit: number; before?: string | undefined },
): Promise<AuditEventView[]> {
  const rows = await db
    .select({
      e: auditEvents,
      firstName: people.firstName,
      lastName: people.lastName,
      nameStyle: people.nameStyle,
    })
    .from(auditEvents)
    .leftJoin(people, eq(people.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.organizationId, actor.organizationId),
        page.before ? lt(auditEvents.at, new Date(page.before)) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.at))
    .limit(page.limit);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'audit.read',
    subjectType: 'audit_log',
  });
  return rows.map(presentEvent);
}
