// First-run setup: a one-time token printed on the console lets the operator create the organization.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { SetupRequest } from '../../../shared/contracts/setup.ts';
import { localDate } from '../../../shared/domain/dates.ts';
import { recordAudit } from '../../platform/audit.ts';
import { hashToken, newToken } from '../../platform/auth/secrets.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { memberships, organizations, setupTokens } from '../../platform/database/schema.ts';
import { refuse } from '../../platform/errors.ts';
import { createPersonWithAccount, slugify } from '../people/accounts.ts';

export async function isSetupNeeded(db: Executor): Promise<boolean> {
  const rows = await db.select({ id: organizations.id }).from(organizations).limit(1);
  return rows.length === 0;
}

/** A fresh token for this start; any earlier unused one stops working. Null once set up. */
export async function issueSetupToken(db: Db): Promise<string | null> {
  if (!(await isSetupNeeded(db))) return null;
  const token = newToken(24);
  await db.transaction(async (tx) => {
    await tx.delete(setupTokens).where(isNull(setupTokens.usedAt));
    await tx.insert(setupTokens).values({ tokenHash: hashToken(token) });
  });
  return token;
}

export async function completeSetup(
  db: Db,
  request: SetupRequest,
): Promise<{ id: string; organizationId: string }> {
  return await db.transaction(async (tx) => {
    // Serialize concurrent attempts: only one organization is created by setup (the builder has no LOCK).
    await tx.execute(sql`lock table setup_tokens in exclusive mode`);
    if (!(await isSetupNeeded(tx))) throw refuse('setup.not_available');
    const used = await tx
      .update(setupTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(setupTokens.tokenHash, hashToken(request.token)), isNull(setupTokens.usedAt)))
      .returning({ id: setupTokens.id });
    if (used.length === 0) throw refuse('setup.link_invalid', { field: 'token' });
    const [org] = await tx
      .insert(organizations)
      .values({ name: request.organizationName, slug: slugify(request.organizationName) })
      .returning({ id: organizations.id });
    const admin = await createPersonWithAccount(tx, org!.id, request.admin);
    await tx.insert(memberships).values({
      organizationId: org!.id,
      personId: admin.id,
      role: 'org_admin',
      startsOn: localDate('UTC'),
    });
    await recordAudit(tx, {
      organizationId: org!.id,
      actorId: admin.id,
      action: 'setup.complete',
      subjectType: 'organization',
      subjectId: org!.id,
    });
    return admin;
  });
}
