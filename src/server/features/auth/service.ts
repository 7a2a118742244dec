import { and, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { SessionView } from '../../../shared/contracts/auth.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
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
import { refuse } from '../../platform/errors.ts';
import { RateLimitedError } from '../../platform/rate-limits.ts';

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
    .where(or(eq(people.username, normalized), eq(sql`lower(${people.email})`, normalized)))
    .orderBy(desc(eq(people.username, normalized)), people.createdAt)
    .limit(MAX_CANDIDATES);
}

/** `at`: when it was made, on the app's clock. */
export type SignInAttempt = { login: string; address: string; deviceToken: string | undefined; at: Date };

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
  const wait = await signInWait(db, attempt.login, client, attempt.at);
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
    await recordSignInFailure(db, attempt.login, client, attempt.at);
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
    // One refusal for a wrong password and an unknown account: neither reveals which.
    throw refuse('auth.sign_in_failed');
  }
  await clearSignInFailures(db, attempt.login, client);
  const knownTokenHash = device?.personId === person.id ? device.tokenHash : null;
  return { id: person.id, organizationId: person.organizationId, knownTokenHash };
}

/** My signed-in devices, the one asking marked `current`. */
export async function listSessions(db: Db, actor: Actor, now: Date): Promise<SessionView[]> {
  const rows = await db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.organizationId, actor.organizationId),
        eq(sessions.personId, actor.personId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    device: s.device,
    current: s.id === actor.sessionId,
  }));
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
    await recordSignInFailure(db, attempt.login, client, attempt.at);
    throw refuse('auth.reset_code_invalid', { field: 'code' });
  }
  await clearSignInFailures(db, attempt.login, client);
  return person;
}
