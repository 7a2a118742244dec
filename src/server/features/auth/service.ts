import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import {
  decoyPasswordHash,
  hashPassword,
  hashToken,
  normalizeHumanCode,
  verifyPassword,
} from '../../platform/auth/secrets.ts';
import {
  clearSignInFailures,
  isSignInPaused,
  recordSignInFailure,
} from '../../platform/auth/sign-in-limits.ts';
import type { Db } from '../../platform/database/connect.ts';
import { passwordResetCodes, people, sessions } from '../../platform/database/schema.ts';
import { AppError } from '../../platform/errors.ts';

/** One message for a wrong password, an unknown account and a paused login: none reveals which. */
export const SIGN_IN_FAILED =
  'That username or password did not match. After several tries, sign-in pauses for 15 minutes.';

async function findByLogin(db: Db, login: string) {
  const normalized = login.trim().toLowerCase();
  const [row] = await db
    .select({ id: people.id, organizationId: people.organizationId, passwordHash: people.passwordHash })
    .from(people)
    .where(sql`${people.username} = ${normalized} or lower(${people.email}) = ${normalized}`)
    .limit(1);
  return row ?? null;
}

export async function signIn(db: Db, login: string, password: string, client: string) {
  if (await isSignInPaused(db, login, client)) {
    await verifyPassword(await decoyPasswordHash(), password);
    throw new AppError('sign_in_failed', SIGN_IN_FAILED);
  }
  const person = await findByLogin(db, login);
  const ok = await verifyPassword(person?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!person || !ok) {
    await recordSignInFailure(db, login, client);
    if (person) {
      await recordAudit(db, {
        organizationId: person.organizationId,
        actorId: null,
        action: 'auth.sign_in',
        subjectType: 'person',
        subjectId: person.id,
        outcome: 'failed',
      });
    }
    throw new AppError('sign_in_failed', SIGN_IN_FAILED);
  }
  await clearSignInFailures(db, login);
  return { id: person.id, organizationId: person.organizationId };
}

export async function listSessions(db: Db, personId: string, organizationId: string) {
  return await db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.organizationId, organizationId),
        eq(sessions.personId, personId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, new Date()),
      ),
    )
    .orderBy(sql`${sessions.lastSeenAt} desc`);
}

export async function revokeSession(
  db: Db,
  personId: string,
  organizationId: string,
  sessionId: string,
): Promise<boolean> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.personId, personId),
        eq(sessions.organizationId, organizationId),
        isNull(sessions.revokedAt),
      ),
    )
    .returning({ id: sessions.id });
  return revoked.length > 0;
}

const RESET_FAILED = 'That code did not work for this account. Ask your peer leader or admin for a new one.';

/** Resets a password with a code an admin or peer leader issued; signs out every session. */
export async function resetPassword(
  db: Db,
  login: string,
  code: string,
  newPassword: string,
  client: string,
) {
  if (await isSignInPaused(db, login, client)) throw new AppError('reset_code_invalid', RESET_FAILED);
  const person = await findByLogin(db, login);
  const codeHash = hashToken(normalizeHumanCode(code));
  const passwordHash = await hashPassword(newPassword);
  const done = person
    ? await db.transaction(async (tx) => {
        const used = await tx
          .update(passwordResetCodes)
          .set({ usedAt: new Date() })
          .where(
            and(
              eq(passwordResetCodes.personId, person.id),
              eq(passwordResetCodes.codeHash, codeHash),
              isNull(passwordResetCodes.usedAt),
              gt(passwordResetCodes.expiresAt, new Date()),
            ),
          )
          .returning({ id: passwordResetCodes.id });
        if (used.length === 0) return false;
        await tx.update(people).set({ passwordHash }).where(eq(people.id, person.id));
        await tx
          .update(sessions)
          .set({ revokedAt: new Date() })
          .where(and(eq(sessions.personId, person.id), isNull(sessions.revokedAt)));
        await recordAudit(tx, {
          organizationId: person.organizationId,
          actorId: person.id,
          action: 'auth.reset_password',
          subjectType: 'person',
          subjectId: person.id,
        });
        return true;
      })
    : false;
  if (!done) {
    await recordSignInFailure(db, login, client);
    throw new AppError('reset_code_invalid', RESET_FAILED, [{ field: 'code', message: 'did not work' }]);
  }
}
