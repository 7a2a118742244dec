// First-run setup: a one-time token printed on the console lets the operator create the organization.
import { isNull, sql } from 'drizzle-orm';
import type { SetupRequest } from '../../../shared/contracts/setup.ts';
import { localDate } from '../../../shared/domain/dates.ts';
import { recordAudit } from '../../platform/audit.ts';
import { hashToken, newToken } from '../../platform/auth/secrets.ts';
import type { Db } from '../../platform/database/connect.ts';
import { memberships, organizations, setupTokens } from '../../platform/database/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { createPersonWithAccount, slugify } from '../people/accounts.ts';

export async function isSetupNeeded(db: Db): Promise<boolean> {
  const { rows } = await db.$client.query('select 1 from organizations limit 1');
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
    // Serialize concurrent attempts: only one organization is created by setup.
    await tx.execute(sql`lock table setup_tokens in exclusive mode`);
    const existing = await tx.select({ id: organizations.id }).from(organizations).limit(1);
    if (existing.length > 0) {
      throw new AppError('setup_not_available', 'Hearth is already set up. Please sign in.');
    }
    const used = await tx
      .update(setupTokens)
      .set({ usedAt: new Date() })
      .where(sql`${setupTokens.tokenHash} = ${hashToken(request.token)} and ${setupTokens.usedAt} is null`)
      .returning({ id: setupTokens.id });
    if (used.length === 0) {
      throw new AppError(
        'forbidden',
        'That setup link is not valid. Use the newest link Hearth printed when it started.',
        [{ field: 'token', message: 'is not valid' }],
      );
    }
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
