// Invitations: a single-use code (also as a link) with an expiry, an intended role and residence.
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { InvitationInputSchema, InvitationView } from '../../../shared/contracts/invitations.ts';
import type { Role } from '../../../shared/domain/vocabulary.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { hashToken, newHumanCode, normalizeHumanCode } from '../../platform/auth/secrets.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { invitations, organizations, residences } from '../../platform/database/schema.ts';
import { notFound, refuse } from '../../platform/errors.ts';
import { createPersonWithAccount, type NewAccount } from '../people/accounts.ts';
import { assertResidenceFitsRole, grantMembership } from '../people/memberships.ts';

type InvitationInput = z.infer<typeof InvitationInputSchema>;
type Row = typeof invitations.$inferSelect;

export function presentInvitation(row: Row, residenceName: string | null): InvitationView {
  return {
    id: row.id,
    role: row.role as Role,
    residenceId: row.residenceId,
    residenceName,
    note: row.note,
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function createInvitation(db: Db, actor: Actor, input: InvitationInput) {
  assertResidenceFitsRole(input.role, input.residenceId);
  let residenceName: string | null = null;
  if (input.residenceId) {
    const [r] = await db
      .select({ name: residences.name })
      .from(residences)
      .where(and(eq(residences.id, input.residenceId), eq(residences.organizationId, actor.organizationId)));
    if (!r) throw refuse('people.unknown_residence', { field: 'residenceId' });
    residenceName = r.name;
  }
  const code = newHumanCode();
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(invitations)
      .values({
        organizationId: actor.organizationId,
        codeHash: hashToken(code),
        role: input.role,
        residenceId: input.residenceId,
        bed: input.bed,
        note: input.note,
        createdBy: actor.personId,
        expiresAt: new Date(Date.now() + input.expiresInDays * 24 * 60 * 60 * 1000),
      })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'invitation.create',
      subjectType: 'invitation',
      subjectId: created!.id,
      detail: { role: input.role },
    });
    return created!;
  });
  return { ...presentInvitation(row, residenceName), code };
}

export async function listInvitations(db: Db, organizationId: string): Promise<InvitationView[]> {
  const rows = await db
    .select({ i: invitations, residenceName: residences.name })
    .from(invitations)
    .leftJoin(residences, eq(residences.id, invitations.residenceId))
    .where(
      and(
        eq(invitations.organizationId, organizationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invitations.createdAt))
    .limit(200);
  return rows.map((r) => presentInvitation(r.i, r.residenceName));
}

export async function revokeInvitation(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.id, id),
          eq(invitations.organizationId, actor.organizationId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id });
    if (updated.length === 0) throw notFound('invitation');
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'invitation.revoke',
      subjectType: 'invitation',
      subjectId: id,
    });
  });
}

/** Finds a usable invitation by its code, or says clearly why it can't be used. */
async function findUsable(db: Executor, code: string, now: Date, lock = false) {
  const query = db
    .select({ i: invitations, residenceName: residences.name, organizationName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(residences, eq(residences.id, invitations.residenceId))
    .where(eq(invitations.codeHash, hashToken(normalizeHumanCode(code))));
  const [found] = lock ? await query.for('update', { of: invitations }) : await query;
  if (!found) throw refuse('invitations.code_not_found');
  if (found.i.acceptedAt) throw refuse('invitations.already_used');
  if (found.i.revokedAt) throw refuse('invitations.withdrawn');
  if (found.i.expiresAt.getTime() <= now.getTime()) throw refuse('invitations.expired');
  return found;
}

export async function previewInvitation(db: Db, code: string, now: Date) {
  const found = await findUsable(db, code, now);
  return {
    organizationName: found.organizationName,
    role: found.i.role as Role,
    residenceName: found.residenceName,
  };
}

export async function acceptInvitation(db: Db, code: string, account: NewAccount, now: Date) {
  return await db.transaction(async (tx) => {
    const found = await findUsable(tx, code, now, true);
    const inv = found.i;
    const person = await createPersonWithAccount(tx, inv.organizationId, account);
    await grantMembership(tx, { organizationId: inv.organizationId, personId: person.id }, person.id, {
      role: inv.role as Role,
      residenceId: inv.residenceId,
      bed: inv.bed,
    });
    await tx
      .update(invitations)
      .set({ acceptedAt: now, acceptedBy: person.id })
      .where(eq(invitations.id, inv.id));
    await recordAudit(tx, {
      organizationId: inv.organizationId,
      actorId: person.id,
      action: 'invitation.accept',
      subjectType: 'invitation',
      subjectId: inv.id,
    });
    return person;
  });
}
