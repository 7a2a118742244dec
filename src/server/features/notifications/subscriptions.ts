// A person's devices that receive web push: subscribing (the browser's PushSubscription), listing and
// removing them. A push endpoint belongs to one person: whoever subscribes a device last owns it.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { PushSubscribeInput, PushSubscriptionView } from '../../../shared/contracts/notifications.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { pushSubscriptions } from '../../platform/database/schema.ts';
import { notFound, refuse } from '../../platform/errors.ts';
import { checkUrlShape, OutboundError } from '../../platform/outbound.ts';

/**
 * Push services are public https servers. Anything else (http, loopback, a private network) would let a
 * person make Hearth post to an address of their choosing, so it is refused unless the operator allows
 * private endpoints (tests with a local receiver, closed networks). A name is checked again, with the
 * address it resolves to then, each time a push is sent (sender.ts, platform/outbound.ts).
 */
export function checkEndpointShape(endpoint: string, allowPrivate: boolean): void {
  const url = new URL(endpoint);
  if (!allowPrivate && url.protocol !== 'https:')
    throw refuse('notifications.endpoint_not_https', { field: 'endpoint' });
  try {
    checkUrlShape(url, { allowPrivate });
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    throw error.reason === 'not_http'
      ? refuse('notifications.endpoint_not_https', { field: 'endpoint' })
      : refuse('notifications.endpoint_private', { field: 'endpoint' });
  }
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
  db: Executor,
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

export async function listDevices(db: Executor, actor: Actor): Promise<PushSubscriptionView[]> {
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
export async function removeDevice(db: Executor, actor: Actor, id: string): Promise<void> {
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
