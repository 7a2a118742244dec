// Counselor assignments (organization admin): assign a counselor to a resident, list the current
// assignments, end one. Ending keeps the row (ended_at) as history; nothing is deleted.
import { and, asc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CounselorAssignmentView } from '../../../shared/contracts/counselor-assignments.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { isCurrentMembership } from '../../platform/database/current-membership.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { counselorAssignments, memberships, people } from '../../platform/database/schema.ts';
import { notFound, refuse } from '../../platform/errors.ts';

const counselor = alias(people, 'counselor');
const resident = alias(people, 'resident');

type AssignmentRow = {
  id: string;
  createdAt: Date;
  endedAt: Date | null;
  counselorId: string;
  counselorFirst: string;
  counselorLast: string;
  residentId: string;
  residentFirst: string;
  residentLast: string;
};

/** The admin sees full names: they run the organization's records (every read is audited). */
function presentAssignment(row: AssignmentRow): CounselorAssignmentView {
  return {
    id: row.id,
    counselor: { id: row.counselorId, firstName: row.counselorFirst, lastName: row.counselorLast },
    resident: { id: row.residentId, firstName: row.residentFirst, lastName: row.residentLast },
    createdAt: row.createdAt.toISOString(),
    endedAt: row.endedAt ? row.endedAt.toISOString() : null,
  };
}

async function loadAssignments(db: Executor, organizationId: string, where: SQL | undefined) {
  const rows = await db
    .select({
      id: counselorAssignments.id,
      createdAt: counselorAssignments.createdAt,
      endedAt: counselorAssignments.endedAt,
      counselorId: counselor.id,
      counselorFirst: counselor.firstName,
      counselorLast: counselor.lastName,
      residentId: resident.id,
      residentFirst: resident.firstName,
      residentLast: resident.lastName,
    })
    .from(counselorAssignments)
    .innerJoin(counselor, eq(counselor.id, counselorAssignments.counselorId))
    .innerJoin(resident, eq(resident.id, counselorAssignments.residentId))
    .where(and(eq(counselorAssignments.organizationId, organizationId), where))
    .orderBy(
      asc(resident.firstName),
      asc(resident.lastName),
      asc(counselor.firstName),
      asc(counselorAssignments.id),
    );
  return rows.map(presentAssignment);
}

/** Both people hold the right role today, in this organization; else a 400 naming the field. */
async function assertRoles(db: Executor, organizationId: string, counselorId: string, residentId: string) {
  const roles = await db
    .select({ personId: memberships.personId, role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        or(eq(memberships.personId, counselorId), eq(memberships.personId, residentId)),
        isCurrentMembership(),
      ),
    );
  if (!roles.some((r) => r.personId === counselorId && r.role === 'counselor'))
    throw refuse('counselor_assignments.not_a_counselor', { field: 'counselorId' });
  if (!roles.some((r) => r.personId === residentId && r.role === 'resident'))
    throw refuse('counselor_assignments.not_a_resident', { field: 'residentId' });
}

/** Assigns them and answers the assignment. */
export async function createAssignment(db: Db, actor: Actor, counselorId: string, residentId: string) {
  return await db.transaction(async (tx) => {
    await assertRoles(tx, actor.organizationId, counselorId, residentId);
    // One current assignment per pair; the lock keeps two quick taps from making two.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${counselorId}/${residentId}`}))`);
    const [existing] = await tx
      .select({ id: counselorAssignments.id })
      .from(counselorAssignments)
      .where(
        and(
          eq(counselorAssignments.organizationId, actor.organizationId),
          eq(counselorAssignments.counselorId, counselorId),
          eq(counselorAssignments.residentId, residentId),
          isNull(counselorAssignments.endedAt),
        ),
      );
    if (existing) throw refuse('counselor_assignments.already_assigned', { field: 'residentId' });
    const [row] = await tx
      .insert(counselorAssignments)
      .values({ organizationId: actor.organizationId, counselorId, residentId })
      .returning({ id: counselorAssignments.id });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'counselor_assignment.create',
      subjectType: 'counselor_assignment',
      subjectId: row!.id,
    });
    const [view] = await loadAssignments(tx, actor.organizationId, eq(counselorAssignments.id, row!.id));
    return view!;
  });
}

export async function endAssignment(db: Db, actor: Actor, id: string) {
  return await db.transaction(async (tx) => {
    const [found] = await tx
      .select({ id: counselorAssignments.id, endedAt: counselorAssignments.endedAt })
      .from(counselorAssignments)
      .where(
        and(eq(counselorAssignments.organizationId, actor.organizationId), eq(counselorAssignments.id, id)),
      )
      .for('update');
    if (!found) throw notFound('counselor assignment');
    if (found.endedAt) throw refuse('counselor_assignments.already_ended', { field: 'id' });
    await tx
      .update(counselorAssignments)
      .set({ endedAt: new Date() })
      .where(
        and(eq(counselorAssignments.organizationId, actor.organizationId), eq(counselorAssignments.id, id)),
      );
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'counselor_assignment.end',
      subjectType: 'counselor_assignment',
      subjectId: id,
    });
    const [view] = await loadAssignments(tx, actor.organizationId, eq(counselorAssignments.id, id));
    return view!;
  });
}

/** The current assignments (of one resident when asked); the read is audited. */
export async function listAssignments(db: Db, actor: Actor, residentId: string | undefined) {
  const assignments = await loadAssignments(
    db,
    actor.organizationId,
    and(
      isNull(counselorAssignments.endedAt),
      residentId ? eq(counselorAssignments.residentId, residentId) : undefined,
    ),
  );
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'counselor_assignments.list',
    subjectType: 'counselor_assignment',
    detail: { count: assignments.length },
  });
  return assignments;
}
