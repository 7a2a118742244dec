// Realtime channels (the WebSocket's, shared/contracts/realtime.ts): the whole organization, one house, or
// the person themself ("everything addressed to me"), named "<kind>:<uuid>".
export const CHANNEL_KINDS = ['organization', 'house', 'person'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "house:<uuid>" → its parts; null when it is not a channel name at all. */
export function parseChannel(name: string): { kind: ChannelKind; id: string } | null {
  const [kind, id, ...rest] = name.split(':');
  if (rest.length > 0 || !id || !UUID.test(id)) return null;
  if (!(CHANNEL_KINDS as readonly string[]).includes(kind ?? '')) return null;
  return { kind: kind as ChannelKind, id: id.toLowerCase() };
}
