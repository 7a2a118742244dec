// Counselor assignments (organization admin): assign a counselor to a resident, list the current
// assignments, end one. Ending keeps the row (ended_at) as history; nothing is deleted.
import { and, asc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { IdParamsSchema } from '../../../shared/contracts/common.ts';
import {
  CounselorAssignmentListQuerySchema,
  CounselorAssignmentListSchema,
  type CounselorAssignmentView,
  CounselorAssignmentViewSchema,
  CreateCounselorAssignmentSchema,
} from '../../../shared/contracts/counselor-assignments.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/database/connect.ts';
import { isCurrentMembership } from '../../platform/database/current-membership.ts';
import { counselorAssignments, memberships, people } from '../../platform/database/schema.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/types.ts';

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

async function loadAssignments(db: Pick<Db, 'select'>, organizationId: string, where: SQL | undefined) {
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
async function assertRoles(
  db: Pick<Db, 'select'>,
  organizationId: string,
  counselorId: string,
  residentId: string,
) {
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
    throw invalid('counselorId', 'is not a counselor of this organization');
  if (!roles.some((r) => r.personId === residentId && r.role === 'resident'))
    throw invalid('residentId', 'is not a resident of this organization');
}

async function createAssignment(db: Db, actor: Actor, counselorId: string, residentId: string) {
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
    if (existing) throw conflict('This counselor is already assigned to this resident.', 'residentId');
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
    return row!.id;
  });
}

async function endAssignment(db: Db, actor: Actor, id: string) {
  return await db.transaction(async (tx) => {
    const [found] = await tx
      .select({ id: counselorAssignments.id, endedAt: counselorAssignments.endedAt })
      .from(counselorAssignments)
      .where(
        and(eq(counselorAssignments.organizationId, actor.organizationId), eq(counselorAssignments.id, id)),
      )
      .for('update');
    if (!found) throw notFound('counselor assignment');
    if (found.endedAt) throw conflict('This assignment has already ended.', 'id');
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

export function counselorAssignmentRoutes(app: App): void {
  app.get(
    '/api/counselor-assignments',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'Current counselor assignments (optionally for one resident)',
        tags: ['people'],
        querystring: CounselorAssignmentListQuerySchema,
        response: { 200: CounselorAssignmentListSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { residentId } = request.query;
      const assignments = await loadAssignments(
        app.db,
        actor.organizationId,
        and(
          isNull(counselorAssignments.endedAt),
          residentId ? eq(counselorAssignments.residentId, residentId) : undefined,
        ),
      );
      await recordAudit(app.db, {
        organizationId: actor.organizationId,
        actorId: actor.personId,
        action: 'counselor_assignments.list',
        subjectType: 'counselor_assignment',
        detail: { count: assignments.length },
      });
      return { assignments };
    },
  );

  app.post(
    '/api/counselor-assignments',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'Assign a resident to a counselor',
        tags: ['people'],
        body: CreateCounselorAssignmentSchema,
        response: { 201: CounselorAssignmentViewSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { counselorId, residentId } = request.body;
      const id = await createAssignment(app.db, actor, counselorId, residentId);
      const [view] = await loadAssignments(app.db, actor.organizationId, eq(counselorAssignments.id, id));
      return reply.status(201).send(view!);
    },
  );

  app.post(
    '/api/counselor-assignments/:id/end',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'End a counselor assignment (kept as history)',
        tags: ['people'],
        params: IdParamsSchema,
        response: { 200: CounselorAssignmentViewSchema },
      },
    },
    async (request) => await endAssignment(app.db, requireActor(request), request.params.id),
  );
}
