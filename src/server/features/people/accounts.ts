// Creating a person with their sign-in, used by first-run setup and by accepting an invitation.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { NewAccountSchema } from '../../../shared/contracts/auth.ts';
import { hashPassword } from '../../platform/auth/secrets.ts';
import type { Executor, Tx } from '../../platform/database/executor.ts';
import { people } from '../../platform/database/schema.ts';
import { refuse } from '../../platform/errors.ts';

export type NewAccount = z.infer<typeof NewAccountSchema>;

/**
 * A username signs in, so it is unique. An email is not checked at all: whether an address already has an
 * account, here or in another organization, is nobody's business (decision 0025).
 */
export async function assertLoginFree(db: Executor, account: Pick<NewAccount, 'username'>): Promise<void> {
  const taken = await db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.username, account.username))
    .limit(1);
  if (taken.length > 0) throw refuse('people.username_taken', { field: 'username' });
}

export async function createPersonWithAccount(
  tx: Tx,
  organizationId: string,
  account: NewAccount,
): Promise<{ id: string; organizationId: string }> {
  await assertLoginFree(tx, account);
  const passwordHash = await hashPassword(account.password);
  const [row] = await tx
    .insert(people)
    .values({
      organizationId,
      firstName: account.firstName,
      lastName: account.lastName ?? '',
      pronouns: account.pronouns ?? null,
      language: account.language,
      username: account.username,
      email: account.email ?? null,
      passwordHash,
    })
    .returning({ id: people.id, organizationId: people.organizationId });
  return row!;
}

export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return base || 'organization';
}
