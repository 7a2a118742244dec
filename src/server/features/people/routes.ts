import { and, asc, eq, isNull } from 'drizzle-orm';
import { IdParamsSchema, OkSchema } from '../../../shared/contracts/common.ts';
import { EndMembershipSchema, GrantMembershipSchema } from '../../../shared/contracts/memberships.ts';
import { PersonListSchema, PersonSummarySchema, ResetCodeSchema } from '../../../shared/contracts/people.ts';
import { recordAudit } from '../../platform/audit.ts';
import { hashToken, newHumanCode } from '../../platform/auth/secrets.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import { isCurrentMembership } from '../../platform/database/current-membership.ts';
import { memberships, passwordResetCodes, people } from '../../platform/database/schema.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { canIssueResetCode } from '../../platform/policies.ts';
import type { App } from '../../platform/types.ts';
import { counselorAssignmentRoutes } from './counselor-assignments.ts';
import { endMembership, grantMembership } from './memberships.ts';
import { presentPersonForAdmin } from './presenters.ts';
import { membershipsByPerson } from './queries.ts';

const RESET_CODE_HOURS = 24;

export function peopleRoutes(app: App): void {
  app.get(
    '/api/people',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'Everyone in my organization with their roles',
        tags: ['people'],
        response: { 200: PersonListSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await app.db
        .select()
        .from(people)
        .where(eq(people.organizationId, actor.organizationId))
        .orderBy(asc(people.firstName), asc(people.lastName));
      const ms = await membershipsByPerson(
        app.db,
        actor.organizationId,
        rows.map((r) => r.id),
      );
      await recordAudit(app.db, {
        organizationId: actor.organizationId,
        actorId: actor.personId,
        action: 'people.list',
        subjectType: 'person',
        detail: { count: rows.length },
      });
      return { people: rows.map((p) => presentPersonForAdmin(p, ms.get(p.id) ?? [])) };
    },
  );

  app.get(
    '/api/people/:id',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'One person with their roles',
        tags: ['people'],
        params: IdParamsSchema,
        response: { 200: PersonSummarySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const [p] = await app.db
        .select()
        .from(people)
        .where(and(eq(people.id, request.params.id), eq(people.organizationId, actor.organizationId)));
      if (!p) throw notFound('person');
      const ms = await membershipsByPerson(app.db, actor.organizationId, [p.id]);
      await recordAudit(app.db, {
        organizationId: actor.organizationId,
        actorId: actor.personId,
        action: 'person.read',
        subjectType: 'person',
        subjectId: p.id,
      });
      return presentPersonForAdmin(p, ms.get(p.id) ?? []);
    },
  );

  app.post(
    '/api/people/:id/memberships',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'Give a role: move a resident in, name a peer leader, counselor or admin',
        tags: ['people'],
        params: IdParamsSchema,
        body: GrantMembershipSchema.omit({ personId: true }),
        response: { 201: PersonSummarySchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await app.db.transaction((tx) => grantMembership(tx, actor, request.params.id, request.body));
      app.sessionCache.clear();
      const [p] = await app.db.select().from(people).where(eq(people.id, request.params.id));
      const ms = await membershipsByPerson(app.db, actor.organizationId, [request.params.id]);
      return reply.status(201).send(presentPersonForAdmin(p!, ms.get(request.params.id) ?? []));
    },
  );

  app.post(
    '/api/memberships/:id/end',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'End a role: move a resident out (optionally as alumni)',
        tags: ['people'],
        params: IdParamsSchema,
        body: EndMembershipSchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await app.db.transaction((tx) => endMembership(tx, actor, request.params.id, request.body));
      app.sessionCache.clear();
      return { ok: true as const };
    },
  );

  app.post(
    '/api/people/:id/reset-code',
    {
      config: { policy: 'houseStaff' },
      schema: {
        summary: 'Issue a one-time password-reset code (admin, or the peer leader of their house)',
        tags: ['people'],
        params: IdParamsSchema,
        response: { 201: ResetCodeSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const [target] = await app.db
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.id, request.params.id), eq(people.organizationId, actor.organizationId)));
      if (!target) throw notFound('person');
      const houses = await app.db
        .select({ residenceId: memberships.residenceId })
        .from(memberships)
        .where(
          and(
            eq(memberships.organizationId, actor.organizationId),
            eq(memberships.personId, target.id),
            eq(memberships.role, 'resident'),
            isCurrentMembership(),
          ),
        );
      if (
        !canIssueResetCode(
          actor,
          houses.map((h) => h.residenceId!),
        )
      ) {
        await recordAudit(app.db, {
          organizationId: actor.organizationId,
          actorId: actor.personId,
          action: 'person.reset_code',
          subjectType: 'person',
          subjectId: target.id,
          outcome: 'denied',
        });
        throw forbidden();
      }
      const code = newHumanCode();
      const expiresAt = new Date(Date.now() + RESET_CODE_HOURS * 60 * 60 * 1000);
      await app.db.transaction(async (tx) => {
        await tx
          .update(passwordResetCodes)
          .set({ usedAt: new Date() })
          .where(and(eq(passwordResetCodes.personId, target.id), isNull(passwordResetCodes.usedAt)));
        await tx.insert(passwordResetCodes).values({
          organizationId: actor.organizationId,
          personId: target.id,
          codeHash: hashToken(code),
          issuedBy: actor.personId,
          expiresAt,
        });
        await recordAudit(tx, {
          organizationId: actor.organizationId,
          actorId: actor.personId,
          action: 'person.reset_code',
          subjectType: 'person',
          subjectId: target.id,
        });
      });
      return reply.status(201).send({ code, expiresAt: expiresAt.toISOString() });
    },
  );

  counselorAssignmentRoutes(app);
}
