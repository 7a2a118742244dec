// Channels a client may narrow its events to, and who may ask for which. A channel never widens what a
// person receives (recipients are decided when an event is published); it only filters. Still, asking for
// a channel one may not see is refused, so nobody can probe another house or organization.

import { and, eq } from 'drizzle-orm';
import type { RealtimeRefusedMessage } from '../../../shared/contracts/realtime.ts';
import { parseChannel } from '../../../shared/domain/channels.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../database/connect.ts';
import { residences } from '../database/schema.ts';
import { canViewHouse, isOrgAdmin } from '../policies.ts';

export type ChannelCheck = { ok: true; channel: string } | RealtimeRefusedMessage;

/** Whether this person may use this channel: their organization, a house they see, themself. */
export async function authoriseChannel(db: Db, actor: Actor, name: string): Promise<ChannelCheck> {
  const parsed = parseChannel(name.trim());
  if (!parsed) return { kind: 'refused', channel: name, reason: 'unknown_channel' };
  const channel = `${parsed.kind}:${parsed.id}`;
  const refuse: RealtimeRefusedMessage = { kind: 'refused', channel: name, reason: 'forbidden' };
  switch (parsed.kind) {
    case 'organization':
      return parsed.id === actor.organizationId ? { ok: true, channel } : refuse;
    case 'person':
      return parsed.id === actor.personId ? { ok: true, channel } : refuse;
    case 'house': {
      if (!canViewHouse(actor, parsed.id)) return refuse;
      // An admin sees every house, but only of their own organization.
      if (isOrgAdmin(actor)) {
        const rows = await db
          .select({ id: residences.id })
          .from(residences)
          .where(and(eq(residences.id, parsed.id), eq(residences.organizationId, actor.organizationId)));
        if (rows.length === 0) return refuse;
      }
      return { ok: true, channel };
    }
  }
}

/** Whether an event falls in one of the channels (none = everything addressed to the person). */
export function inChannels(
  channels: ReadonlySet<string>,
  event: { organizationId: string; residenceId: string | null },
): boolean {
  if (channels.size === 0) return true;
  for (const channel of channels) {
    const colon = channel.indexOf(':');
    const kind = channel.slice(0, colon);
    const id = channel.slice(colon + 1);
    if (kind === 'person') return true;
    if (kind === 'organization' && id === event.organizationId) return true;
    if (kind === 'house' && id === event.residenceId) return true;
  }
  return false;
}
