// People of an organization as its admins see them, and the password-reset codes staff issue.
import { and, asc, eq, exists, ilike, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { PeopleQuerySchema, PersonSummary } from '../../../shared/contracts/people.ts';
import { encodePeopleCursor, parsePeopleCursor } from '../../../shared/domain/people-cursor.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { hashToken, newHumanCode } from '../../platform/auth/secrets.ts';
import type { Db } from '../../platform/database/connect.ts';
import { isCurrentMembership } from '../../platform/database/current-membership.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { memberships, passwordResetCodes, people } from '../../platform/database/schema.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { endMembership, type GrantInput, grantMembership } from './memberships.ts';
import { canIssueResetCode } from './policy.ts';
import { presentPersonForAdmin } from './presenters.ts';
import { membershipsByPerson } from './queries.ts';

const RESET_CODE_HOURS = 24;

/** A page of the admin's organization's people with their roles, in name order; the read is audited. */
export async function listPeople(
  db: Db,
  actor: Actor,
  query: z.infer<typeof PeopleQuerySchema>,
): Promise<{ people: PersonSummary[]; next: string | null }> {
  const after = query.after ? parsePeopleCursor(query.after) : null;
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, '\\$&')}%` : null;
  const holdsRole =
    query.role || query.residenceId
      ? exists(
          db
            .select({ one: sql`1` })
            .from(memberships)
            .where(
              and(
                eq(memberships.organizationId, people.organizationId),
                eq(memberships.personId, people.id),
                query.role ? eq(memberships.role, query.role) : undefined,
                query.residenceId ? eq(memberships.residenceId, query.residenceId) : undefined,
                isCurrentMembership(),
              ),
            ),
        )
      : undefined;
  const rows = await db
    .select()
    .from(people)
    .where(
      and(
        eq(people.organizationId, actor.organizationId),
        after
          ? sql`(${people.firstName}, ${people.lastName}, ${people.id}) > (${after.firstName}, ${after.lastName}, ${after.id}::uuid)`
          : undefined,
        pattern
          ? or(
              ilike(people.firstName, pattern),
              ilike(people.lastName, pattern),
              ilike(people.username, pattern),
            )
          : undefined,
        holdsRole,
      ),
    )
    .orderBy(asc(people.firstName), asc(people.lastName), asc(people.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const [ms] = await Promise.all([
    membershipsByPerson(
      db,
      actor.organizationId,
      page.map((r) => r.id),
    ),
    recordAudit(db, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'people.list',
      subjectType: 'person',
      detail: { count: page.length },
    }),
  ]);
  const last = page.at(-1);
  return {
    people: page.map((p) => presentPersonForAdmin(p, ms.get(p.id) ?? [])),
    next: rows.length > query.limit && last ? encodePeopleCursor(last) : null,
  };
}

/** One person of the organization as an admin sees them. */
async function loadPerson(db: Executor, organizationId: string, id: string): Promise<PersonSummary> {
  const [p] = await db
    .select()
    .from(people)
    .where(and(eq(people.id, id), eq(people.organizationId, organizationId)));
  if (!p) throw notFound('person');
  const ms = await membershipsByPerson(db, organizationId, [p.id]);
  return presentPersonForAdmin(p, ms.get(p.id) ?? []);
}

export async function getPerson(db: Db, actor: Actor, id: string): Promise<PersonSummary> {
  const person = await loadPerson(db, actor.organizationId, id);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'person.read' as const,
    subjectType: 'person' as const,
    subjectId: person.id,
  });
  return person;
}

/** Gives a role and answers the person with it. */
export async function grantRole(db: Db, actor: Actor, personId: string, input: GrantInput) {
  return await db.transaction(async (tx) => {
    await grantMembership(tx, actor, personId, input);
    return await loadPerson(tx, actor.organizationId, personId);
  });
}

export async function endRole(
  db: Db,
  actor: Actor,
  membershipId: string,
  input: Parameters<typeof endMembership>[3],
) {
  await db.transaction((tx) => endMembership(tx, actor, membershipId, input));
}

/** The houses a person lives in today: where a peer leader may reset their password. */
async function housesOf(db: Executor, organizationId: string, personId: string): Promise<string[]> {
  const rows = await db
    .select({ residenceId: memberships.residenceId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.personId, personId),
        eq(memberships.role, 'resident'),
        isCurrentMembership(),
      ),
    );
  return rows.flatMap((r) => (r.residenceId ? [r.residenceId] : []));
}

/** A one-time code valid for a day; any earlier unused code of theirs stops working. */
export async function issueResetCode(db: Db, actor: Actor, personId: string) {
  const [target] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.organizationId, actor.organizationId)));
  if (!target) throw notFound('person');
  const audit = {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'person.reset_code' as const,
    subjectType: 'person' as const,
    subjectId: target.id,
  };
  if (!canIssueResetCode(actor, await housesOf(db, actor.organizationId, target.id))) {
    await recordAudit(db, { ...audit, outcome: 'denied' });
    throw forbidden();
  }
  const code = newHumanCode();
  const expiresAt = new Date(Date.now() + RESET_CODE_HOURS * 60 * 60 * 1000);
  await db.transaction(async (tx) => {
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
    await recordAudit(tx, audit);
  });
  return { code, expiresAt: expiresAt.toISOString() };
}
