import { and, desc, eq, lt } from 'drizzle-orm';
import { AuditListSchema, AuditQuerySchema } from '../../../shared/contracts/audit.ts';
import { recordAudit } from '../../platform/audit.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import { auditEvents, people } from '../../platform/database/schema.ts';
import type { App } from '../../platform/types.ts';
import { displayNameOf } from '../people/presenters.ts';

export function auditRoutes(app: App): void {
  app.get(
    '/api/audit',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'The audit log of my organization, newest first',
        tags: ['audit'],
        querystring: AuditQuerySchema,
        response: { 200: AuditListSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { limit, before } = request.query;
      const rows = await app.db
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
            before ? lt(auditEvents.at, new Date(before)) : undefined,
          ),
        )
        .orderBy(desc(auditEvents.at))
        .limit(limit);
      await recordAudit(app.db, {
        organizationId: actor.organizationId,
        actorId: actor.personId,
        action: 'audit.read',
        subjectType: 'audit_log',
      });
      return {
        events: rows.map(({ e, firstName, lastName, nameStyle }) => ({
          id: e.id,
          at: e.at.toISOString(),
          actorId: e.actorId,
          actorName:
            firstName !== null
              ? displayNameOf({
                  firstName,
                  lastName: lastName ?? '',
                  nameStyle: nameStyle ?? 'first_last_initial',
                })
              : null,
          action: e.action,
          subjectType: e.subjectType,
          subjectId: e.subjectId,
          outcome: e.outcome as 'allowed' | 'denied' | 'failed',
        })),
      };
    },
  );
}
