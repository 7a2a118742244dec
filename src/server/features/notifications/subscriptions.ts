// A person's devices that receive web push: subscribing (the browser's PushSubscription), listing and
// removing them. A push endpoint belongs to one person: whoever subscribes a device last owns it.
import dns from 'node:dns/promises';
import net from 'node:net';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { PushSubscribeInput, PushSubscriptionView } from '../../../shared/contracts/notifications.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { pushSubscriptions } from '../../platform/database/schema.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { isPrivateAddress } from '../outside-meetings/import.ts';

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

/**
 * Push services are public https servers. Anything else (http, loopback, a private network) would let a
 * person make Hearth post to an address of their choosing, so it is refused unless the operator allows
 * private endpoints (tests with a local receiver, closed networks).
 */
export function checkEndpointShape(endpoint: string, allowPrivate: boolean): void {
  const url = new URL(endpoint);
  if (allowPrivate) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw invalid('endpoint', 'must be an https:// push service URL');
    }
    return;
  }
  const host = hostOf(url);
  if (url.protocol !== 'https:') throw invalid('endpoint', 'must be an https:// push service URL');
  if (host === 'localhost' || host.endsWith('.localhost') || (net.isIP(host) && isPrivateAddress(host))) {
    throw invalid('endpoint', 'must be a public push service, not a private network address');
  }
}

/** At send time too: a name that now resolves to a private address is not posted to. */
export async function endpointIsReachable(endpoint: string, allowPrivate: boolean): Promise<boolean> {
  try {
    checkEndpointShape(endpoint, allowPrivate);
  } catch {
    return false;
  }
  if (allowPrivate) return true;
  const host = hostOf(new URL(endpoint));
  if (net.isIP(host)) return !isPrivateAddress(host);
  const addresses = await dns.lookup(host, { all: true }).catch(() => []);
  return addresses.length > 0 && !addresses.some((a) => isPrivateAddress(a.address));
}

function present(row: typeof pushSubscriptions.$inferSelect): PushSubscriptionView {
  return {
    id: row.id,
    endpoint: row.endpoint,
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    lastPushedAt: row.lastPushedAt?.toISOString() ?? null,
  };
}

export async function subscribeDevice(
  db: Db,
  actor: Actor,
  input: PushSubscribeInput,
  allowPrivate: boolean,
): Promise<PushSubscriptionView> {
  checkEndpointShape(input.endpoint, allowPrivate);
  const values = {
    organizationId: actor.organizationId,
    personId: actor.personId,
    endpoint: input.endpoint,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    label: input.label ?? '',
  };
  const [row] = await db
    .insert(pushSubscriptions)
    .values(values)
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: { ...values, createdAt: sql`now()`, lastPushedAt: null },
    })
    .returning();
  if (!row) throw new Error('The subscription was not stored.');
  return present(row);
}

export async function listDevices(db: Db, actor: Actor): Promise<PushSubscriptionView[]> {
  const rows = await db
    .select()
    .from(pushSubscriptions)
    .where(
      and(
        eq(pushSubscriptions.organizationId, actor.organizationId),
        eq(pushSubscriptions.personId, actor.personId),
      ),
    )
    .orderBy(desc(pushSubscriptions.createdAt));
  return rows.map(present);
}

/** Only one of my own devices; anyone else's is not found. */
export async function removeDevice(db: Db, actor: Actor, id: string): Promise<void> {
  const [row] = await db
    .delete(pushSubscriptions)
    .where(
      and(
        eq(pushSubscriptions.id, id),
        eq(pushSubscriptions.organizationId, actor.organizationId),
        eq(pushSubscriptions.personId, actor.personId),
      ),
    )
    .returning({ id: pushSubscriptions.id });
  if (!row) throw notFound('device');
}
