import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ResidenceInput, ResidenceView } from '../../../shared/contracts/residences.ts';
import type { ProgramFocus } from '../../../shared/domain/vocabulary.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Executor, Tx } from '../../platform/database/executor.ts';
import { programs, residencePrograms, residences } from '../../platform/database/schema.ts';
import { notFound, refuse } from '../../platform/errors.ts';

type ResidenceRow = typeof residences.$inferSelect;

function present(r: ResidenceRow, programIds: string[], residentCount: number): ResidenceView {
  return {
    id: r.id,
    name: r.name,
    address: r.address,
    timeZone: r.timeZone,
    bedCapacity: r.bedCapacity,
    narrLevel: r.narrLevel,
    programFocus: r.programFocus as ProgramFocus[],
    programIds,
    residentCount,
  };
}

export async function listResidences(
  db: Executor,
  organizationId: string,
  onlyIds?: string[],
): Promise<ResidenceView[]> {
  if (onlyIds && onlyIds.length === 0) return [];
  // Qualified by hand: drizzle renders a column of the only table unqualified, and inside these
  // subqueries a bare "id" would mean the membership's own id.
  const rows = await db
    .select({
      r: residences,
      programIds: sql<
        string[]
      >`coalesce((select array_agg(rp.program_id) from residence_programs rp where rp.organization_id = residences.organization_id and rp.residence_id = residences.id), '{}')`,
      residentCount: sql<number>`(select count(*)::int from memberships m where m.organization_id = residences.organization_id and m.residence_id = residences.id and m.role = 'resident' and hearth_membership_current(m))`,
    })
    .from(residences)
    .where(
      and(
        eq(residences.organizationId, organizationId),
        onlyIds ? inArray(residences.id, onlyIds) : undefined,
      ),
    )
    .orderBy(asc(residences.name));
  return rows.map((x) => present(x.r, x.programIds, x.residentCount));
}

export async function getResidence(db: Executor, organizationId: string, id: string): Promise<ResidenceView> {
  const [found] = await listResidences(db, organizationId, [id]);
  if (!found) throw notFound('residence');
  return found;
}

async function setPrograms(tx: Tx, organizationId: string, residenceId: string, programIds: string[]) {
  const unique = [...new Set(programIds)];
  if (unique.length > 0) {
    const known = await tx
      .select({ id: programs.id })
      .from(programs)
      .where(and(eq(programs.organizationId, organizationId), inArray(programs.id, unique)));
    if (known.length !== unique.length) throw refuse('residences.unknown_program', { field: 'programIds' });
  }
  await tx
    .delete(residencePrograms)
    .where(
      and(
        eq(residencePrograms.organizationId, organizationId),
        eq(residencePrograms.residenceId, residenceId),
      ),
    );
  if (unique.length > 0) {
    await tx
      .insert(residencePrograms)
      .values(unique.map((programId) => ({ organizationId, residenceId, programId })));
  }
}

/** Opens a residence and answers it. */
export async function createResidence(db: Db, actor: Actor, input: ResidenceInput): Promise<ResidenceView> {
  return await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(residences)
      .values({
        organizationId: actor.organizationId,
        name: input.name,
        address: input.address,
        timeZone: input.timeZone,
        bedCapacity: input.bedCapacity,
        narrLevel: input.narrLevel,
        programFocus: [...new Set(input.programFocus)],
      })
      .returning({ id: residences.id });
    await setPrograms(tx, actor.organizationId, row!.id, input.programIds);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'residence.create',
      subjectType: 'residence',
      subjectId: row!.id,
    });
    return await getResidence(tx, actor.organizationId, row!.id);
  });
}

/** Changes a residence and answers it. */
export async function updateResidence(
  db: Db,
  actor: Actor,
  id: string,
  input: Partial<ResidenceInput>,
): Promise<ResidenceView> {
  return await db.transaction(async (tx) => {
    const { programIds, ...fields } = input;
    const found = await tx
      .select({ id: residences.id })
      .from(residences)
      .where(and(eq(residences.id, id), eq(residences.organizationId, actor.organizationId)))
      .for('update');
    if (found.length === 0) throw notFound('residence');
    if (fields.programFocus) fields.programFocus = [...new Set(fields.programFocus)];
    if (Object.keys(fields).length > 0) {
      await tx
        .update(residences)
        .set(fields)
        .where(and(eq(residences.id, id), eq(residences.organizationId, actor.organizationId)));
    }
    if (programIds) await setPrograms(tx, actor.organizationId, id, programIds);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'residence.update',
      subjectType: 'residence',
      subjectId: id,
      detail: { fields: Object.keys(input).join(',') },
    });
    return await getResidence(tx, actor.organizationId, id);
  });
}
