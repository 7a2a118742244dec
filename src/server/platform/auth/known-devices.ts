// Devices a person signed in from before: a random token in an httpOnly cookie, its hash stored per
// person. A correct password from a known device is never refused because of failures from elsewhere.
import { and, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { Executor } from '../database/executor.ts';
import { knownDevices } from '../database/schema.ts';
import { hashToken, newToken } from './secrets.ts';

export const DEVICE_COOKIE = 'hearth_device';
const DEVICE_DAYS = 365;
/** A person's newest devices are remembered; older ones go. */
const DEVICES_KEPT = 20;

/** The hash of this request's device cookie when it is a known device of one of these people. */
export async function knownDeviceOf(
  db: Executor,
  token: string | undefined,
  personIds: string[],
): Promise<{ personId: string; tokenHash: string } | null> {
  if (!token || personIds.length === 0) return null;
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ personId: knownDevices.personId })
    .from(knownDevices)
    .where(and(eq(knownDevices.tokenHash, tokenHash), inArray(knownDevices.personId, personIds)))
    .limit(1);
  return row ? { personId: row.personId, tokenHash } : null;
}

/** Remembers this device for the person; returns the token to set when it is a new one. */
export async function rememberDevice(
  db: Executor,
  person: { id: string; organizationId: string },
  knownTokenHash: string | null,
): Promise<string | null> {
  if (knownTokenHash) {
    await db
      .update(knownDevices)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(knownDevices.personId, person.id), eq(knownDevices.tokenHash, knownTokenHash)));
    return null;
  }
  const token = newToken();
  await db
    .insert(knownDevices)
    .values({ organizationId: person.organizationId, personId: person.id, tokenHash: hashToken(token) });
  const kept = db
    .select({ id: knownDevices.id })
    .from(knownDevices)
    .where(eq(knownDevices.personId, person.id))
    .orderBy(desc(knownDevices.lastUsedAt))
    .limit(DEVICES_KEPT);
  await db
    .delete(knownDevices)
    .where(and(eq(knownDevices.personId, person.id), notInArray(knownDevices.id, kept)));
  return token;
}

/** After a password reset no earlier device is trusted: whoever reset it may not be the only one who knew it. */
export async function forgetDevices(tx: Executor, personId: string): Promise<void> {
  await tx.delete(knownDevices).where(eq(knownDevices.personId, personId));
}

export function setDeviceCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(DEVICE_COOKIE, token, {
    path: '/api/auth',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: DEVICE_DAYS * 24 * 60 * 60,
  });
}
