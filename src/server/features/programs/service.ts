// Programs: the specialized tracks (a women's program, a veterans' program) an organization runs.
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ProgramInputSchema,
  ProgramUpdateSchema,
  ProgramView,
} from '../../../shared/contracts/programs.ts';
import type { ProgramFocus } from '../../../shared/domain/vocabulary.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { programs } from '../../platform/database/schema.ts';
import { notFound } from '../../platform/errors.ts';

const present = (p: typeof programs.$inferSelect): ProgramView => ({
  id: p.id,
  name: p.name,
  description: p.description,
  focus: p.focus as ProgramFocus[],
});

export async function listPrograms(db: Db, organizationId: string): Promise<ProgramView[]> {
  const rows = await db
    .select()
    .from(programs)
    .where(eq(programs.organizationId, organizationId))
    .orderBy(asc(programs.name));
  return rows.map(present);
}

export async function createProgram(
  db: Db,
  actor: Actor,
  input: z.output<typeof ProgramInputSchema>,
): Promise<ProgramView> {
  return await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(programs)
      .values({ organizationId: actor.organizationId, ...input, focus: [...new Set(input.focus)] })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'program.create',
      subjectType: 'program',
      subjectId: created!.id,
    });
    return present(created!);
  });
}

export async function updateProgram(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof ProgramUpdateSchema>,
): Promise<ProgramView> {
  return await db.transaction(async (tx) => {
    const where = and(eq(programs.id, id), eq(programs.organizationId, actor.organizationId));
    const [found] = await tx.select().from(programs).where(where);
    if (!found) throw notFound('program');
    const [updated] =
      Object.keys(input).length > 0 ? await tx.update(programs).set(input).where(where).returning() : [found];
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'program.update',
      subjectType: 'program',
      subjectId: found.id,
    });
    return present(updated!);
  });
}
