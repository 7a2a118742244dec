import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { LIMIT_MESSAGES } from '../../../shared/contracts/limits.ts';
import { recordAudit } from '../../platform/audit.ts';
import { forgetDevices, knownDeviceOf } from '../../platform/auth/known-devices.ts';
import {
  decoyPasswordHash,
  hashPassword,
  hashToken,
  normalizeHumanCode,
  verifyPassword,
} from '../../platform/auth/secrets.ts';
import {
  clearSignInFailures,
  recordSignInFailure,
  type SignInClient,
  signInWait,
} from '../../platform/auth/sign-in-limits.ts';
import type { Db } from '../../platform/database/connect.ts';
import { passwordResetCodes, people, sessions } from '../../platform/database/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { RateLimitedError } from '../../platform/rate-limits.ts';

/** One message for a wrong password and an unknown account: neither reveals which. */
export const SIGN_IN_FAILED =
  'That username or password did not match. After several tries, sign-in slows down for a little while.';
/** Past several failures from this device or address, for any login, known or not. */
export const SIGN_IN_PAUSED = LIMIT_MESSAGES.signIn;

/** An email is not unique (decision 0025): every account with it is a candidate, a username first. */
const MAX_CANDIDATES = 5;

type Candidate = { id: string; organizationId: string; passwordHash: string; byUsername: boolean };

async function findByLogin(db: Db, login: string): Promise<Candidate[]> {
  const normalized = login.trim().toLowerCase();
  return await db
    .select({
      id: people.id,
      organizationId: people.organizationId,
      passwordHash: people.passwordHash,
      byUsername: sql<boolean>`${people.username} = ${normalized}`,
    })
    .from(people)
    .where(sql`${people.username} = ${normalized} or lower(${people.email}) = ${normalized}`)
    .orderBy(sql`${people.username} = ${normalized} desc`, people.createdAt)
    .limit(MAX_CANDIDATES);
}

export type SignInAttempt = { login: string; address: string; deviceToken: string | undefined };

/** The candidates for a login and who is trying: a known device of one of them, or an address. */
async function identify(db: Db, attempt: SignInAttempt) {
  const candidates = await findByLogin(db, attempt.login);
  // A device is trusted only for the one account a login names: with an email several accounts share,
  // anyone could make their own device "known" for it by giving their account that email.
  const named =
    candidates[0] && (candidates[0].byUsername || candidates.length === 1) ? [candidates[0].id] : [];
  const device = await knownDeviceOf(db, attempt.deviceToken, named);
  const client: SignInClient = device
    ? { kind: 'device', tokenHash: device.tokenHash }
    : { kind: 'address', address: attempt.address };
  const wait = await signInWait(db, attempt.login, client);
  if (wait > 0) throw new RateLimitedError('limits.sign_in', wait);
  return { candidates, client, device };
}

export async function signIn(db: Db, attempt: SignInAttempt, password: string) {
  const { candidates, client, device } = await identify(db, attempt);
  let person: Candidate | null = null;
  for (const candidate of candidates) {
    if (await verifyPassword(candidate.passwordHash, password)) {
      person = candidate;
      break;
    }
  }
  if (candidates.length === 0) await verifyPassword(await decoyPasswordHash(), password);
  if (!person) {
    await recordSignInFailure(db, attempt.login, client);
    for (const candidate of candidates) {
      await recordAudit(db, {
        organizationId: candidate.organizationId,
        actorId: null,
        action: 'auth.sign_in',
        subjectType: 'person',
        subjectId: candidate.id,
        outcome: 'failed',
      });
    }
    throw new AppError('sign_in_failed', SIGN_IN_FAILED);
  }
  await clearSignInFailures(db, attempt.login, client);
  const knownTokenHash = device?.personId === person.id ? device.tokenHash : null;
  return { id: person.id, organizationId: person.organizationId, knownTokenHash };
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

/** Resets a password with a code an admin or peer leader issued; signs out every session and device. */
export async function resetPassword(db: Db, attempt: SignInAttempt, code: string, newPassword: string) {
  const { candidates, client } = await identify(db, attempt);
  const codeHash = hashToken(normalizeHumanCode(code));
  const passwordHash = await hashPassword(newPassword);
  const ids = candidates.map((c) => c.id);
  const person =
    ids.length === 0
      ? null
      : await db.transaction(async (tx) => {
          const [used] = await tx
            .update(passwordResetCodes)
            .set({ usedAt: new Date() })
            .where(
              and(
                inArray(passwordResetCodes.personId, ids),
                eq(passwordResetCodes.codeHash, codeHash),
                isNull(passwordResetCodes.usedAt),
                gt(passwordResetCodes.expiresAt, new Date()),
              ),
            )
            .returning({ personId: passwordResetCodes.personId });
          const found = used && candidates.find((c) => c.id === used.personId);
          if (!found) return null;
          await tx.update(people).set({ passwordHash }).where(eq(people.id, found.id));
          await tx
            .update(sessions)
            .set({ revokedAt: new Date() })
            .where(and(eq(sessions.personId, found.id), isNull(sessions.revokedAt)));
          await forgetDevices(tx, found.id);
          await recordAudit(tx, {
            organizationId: found.organizationId,
            actorId: found.id,
            action: 'auth.reset_password',
            subjectType: 'person',
            subjectId: found.id,
          });
          return { id: found.id, organizationId: found.organizationId };
        });
  if (!person) {
    await recordSignInFailure(db, attempt.login, client);
    throw new AppError('reset_code_invalid', RESET_FAILED, [{ field: 'code', message: 'did not work' }]);
  }
  await clearSignInFailures(db, attempt.login, client);
  return person;
}
