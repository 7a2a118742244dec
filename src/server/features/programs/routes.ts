import { and, asc, eq } from 'drizzle-orm';
import { IdParamsSchema } from '../../../shared/contracts/common.ts';
import {
  ProgramInputSchema,
  ProgramListSchema,
  ProgramSchema,
  ProgramUpdateSchema,
} from '../../../shared/contracts/programs.ts';
import type { ProgramFocus } from '../../../shared/domain/vocabulary.ts';
import { recordAudit } from '../../platform/audit.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import { programs } from '../../platform/database/schema.ts';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/types.ts';

const present = (p: typeof programs.$inferSelect) => ({
  id: p.id,
  name: p.name,
  description: p.description,
  focus: p.focus as ProgramFocus[],
});

export function programRoutes(app: App): void {
  app.get(
    '/api/programs',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Programs (specialized tracks) of my organization',
        tags: ['programs'],
        response: { 200: ProgramListSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await app.db
        .select()
        .from(programs)
        .where(eq(programs.organizationId, actor.organizationId))
        .orderBy(asc(programs.name));
      return { programs: rows.map(present) };
    },
  );
  app.post(
    '/api/programs',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'Create a program',
        tags: ['programs'],
        body: ProgramInputSchema,
        response: { 201: ProgramSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await app.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(programs)
          .values({
            organizationId: actor.organizationId,
            ...request.body,
            focus: [...new Set(request.body.focus)],
          })
          .returning();
        await recordAudit(tx, {
          organizationId: actor.organizationId,
          actorId: actor.personId,
          action: 'program.create',
          subjectType: 'program',
          subjectId: created!.id,
        });
        return created!;
      });
      return reply.status(201).send(present(row));
    },
  );
  app.patch(
    '/api/programs/:id',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'Change a program',
        tags: ['programs'],
        params: IdParamsSchema,
        body: ProgramUpdateSchema,
        response: { 200: ProgramSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return await app.db.transaction(async (tx) => {
        const where = and(
          eq(programs.id, request.params.id),
          eq(programs.organizationId, actor.organizationId),
        );
        const [found] = await tx.select().from(programs).where(where);
        if (!found) throw notFound('program');
        const [updated] =
          Object.keys(request.body).length > 0
            ? await tx.update(programs).set(request.body).where(where).returning()
            : [found];
        await recordAudit(tx, {
          organizationId: actor.organizationId,
          actorId: actor.personId,
          action: 'program.update',
          subjectType: 'program',
          subjectId: found.id,
        });
        return present(updated!);
      });
    },
  );
}
