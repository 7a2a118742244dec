// Reading the audit log: who did what to which record, newest first; reading it is itself recorded.
import { and, desc, eq, sql } from 'drizzle-orm';
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

/** The admin's audit screen asks for this page by page, so it is a prepared statement. */
const preparePage = (db: Db) =>
  db
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
        eq(auditEvents.organizationId, sql.placeholder('organizationId')),
        sql`${auditEvents.at} < coalesce(${sql.placeholder('before')}::timestamptz, 'infinity')`,
      ),
    )
    .orderBy(desc(auditEvents.at))
    .limit(sql.placeholder('limit'))
    .prepare('hearth_audit_page');
const prepared = new WeakMap<Db, ReturnType<typeof preparePage>>();

export async function listAuditEvents(
  db: Db,
  actor: Actor,
  page: { limit: number; before?: string | undefined },
): Promise<AuditEventView[]> {
  let auditPage = prepared.get(db);
  if (!auditPage) {
    auditPage = preparePage(db);
    prepared.set(db, auditPage);
  }
  const rows = await auditPage.execute({
    organizationId: actor.organizationId,
    before: page.before ? new Date(page.before).toISOString() : null,
    limit: page.limit,
  });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'audit.read',
    subjectType: 'audit_log',
  });
  return rows.map(presentEvent);
}
