// Realtime: the WebSocket at GET /api/realtime. The server sends events addressed to the signed-in person
// (each with its sequence number), a "ready" message once what was missed has been replayed, and answers
// to subscriptions. The client may narrow what it receives to channels it is allowed to see.
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';

export { CHANNEL_KINDS, type ChannelKind } from '../domain/channels.ts';

/** The most channels one connection may narrow its delivery to. */
export const MAX_CHANNELS = 20;

/** The query of the connection: missed events after a seq, and channels to narrow delivery to. */
export const RealtimeQuerySchema = z.object({
  after: z.coerce
    .number({ message: 'must be a whole number (the last seq received)' })
    .int({ message: 'must be a whole number (the last seq received)' })
    .min(0, { message: 'must be a whole number (the last seq received)' })
    .optional(),
  channels: z
    .string()
    .max(2000, { message: 'must be at most 2000 characters' })
    .optional()
    .describe('Comma-separated channels, e.g. "house:<id>,organization:<id>"; none = everything for me'),
});

/** One event as the client receives it, presented for exactly this person when it was published. */
export type RealtimeEventMessage = {
  kind: 'event';
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  at: string;
};

/**
 * Sent once after connecting, when missed events (if `after` was given) have been sent. `lastSeq` is where
 * to reconnect from; `resync` says some missed events are no longer kept (or too many): refetch everything.
 */
export type RealtimeReadyMessage = {
  kind: 'ready';
  lastSeq: number;
  replayed: number;
  resync: boolean;
  channels: string[];
};

export type RealtimeSubscribedMessage = { kind: 'subscribed'; channels: string[] };
export type RealtimeRefusedMessage = {
  kind: 'refused';
  channel: string;
  reason: 'unknown_channel' | 'forbidden';
};

export type RealtimeServerMessage =
  | RealtimeEventMessage
  | RealtimeReadyMessage
  | RealtimeSubscribedMessage
  | RealtimeRefusedMessage;

/** What a client may send: change its channels (an empty list = everything addressed to me). */
export const RealtimeClientMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('subscribe'), channels: z.array(z.string().max(120)).max(20) }),
  z.object({ kind: z.literal('unsubscribe'), channels: z.array(z.string().max(120)).max(20) }),
]);
export type RealtimeClientMessage = z.infer<typeof RealtimeClientMessageSchema>;

/** WebSocket close codes with a meaning for the client. */
export const REALTIME_CLOSE = {
  /** The session ended (signed out, expired): do not reconnect until signed in again. */
  sessionEnded: 4401,
  /** The client could not keep up; reconnect with `after` and get what was missed. */
  tooSlow: 4408,
  /** Too many open connections for this person; the oldest is closed. */
  tooMany: 4429,
} as const;

/** Why a connection is refused before it becomes a WebSocket (decision 0027). */
export const realtimeReasons = defineReasons('realtime', {
  cross_site: { code: 'csrf_rejected', message: 'This connection came from another site and was refused.' },
  too_many_channels: { code: 'validation_failed', message: `must name at most ${MAX_CHANNELS} channels` },
  /** params: `{ channel }` (its first 60 characters) */
  unknown_channel: {
    code: 'validation_failed',
    message: 'is not a channel (organization:<id>, house:<id> or person:<id>)',
  },
  not_a_websocket: {
    code: 'bad_request',
    message: 'This address takes a WebSocket connection (a request with "Upgrade: websocket").',
  },
});
export type RealtimeReason = keyof typeof realtimeReasons;

export const realtimeApi = {
  connect: endpoint({
    method: 'GET',
    path: '/api/realtime',
    operationId: 'connectRealtime',
    summary: 'The WebSocket of live events for the signed-in person (missed ones with ?after=<seq>)',
    tags: ['realtime'],
    query: RealtimeQuerySchema,
    // The answer is the WebSocket itself (101 Switching Protocols), never a JSON body.
    responses: { 101: { mediaType: 'application/octet-stream' } },
    reasons: [
      'realtime.cross_site',
      'realtime.too_many_channels',
      'realtime.unknown_channel',
      'realtime.not_a_websocket',
    ],
  }),
} as const;
