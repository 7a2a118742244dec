// Realtime: every event a client may receive over the WebSocket, kept with a sequence number for a
// window so a client that reconnects gets what it missed. Recipients are resolved when the event is
// published (person ids), so delivery and replay never decide visibility again: an event is already
// presented for exactly the people in `recipients`.
import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgId } from './columns.ts';
import { organizations } from './foundation.ts';

export const realtimeEvents = pgTable(
  'realtime_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    organizationId: orgId().references(() => organizations.id, { onDelete: 'cascade' }),
    /** The people who receive this event, as presented in `payload`. */
    recipients: uuid('recipients').array().notNull(),
    /** e.g. support.request.created, chat.message, reach_out.alert, notification */
    type: text('type').notNull(),
    /** What the recipients may see — never more. */
    payload: jsonb('payload').notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('realtime_events_org_created_idx').on(t.organizationId, t.createdAt),
    index('realtime_events_recipients_idx').using('gin', t.recipients),
  ],
);
