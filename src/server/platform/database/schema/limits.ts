// Abuse limits shared by every instance: request counters per named limit and window, and the devices
// a person has signed in from (a known device is never refused because of failures from elsewhere).
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, orgId } from './columns.ts';
import { organizations, people } from './foundation.ts';

/** Requests counted per limit and subject (a hash: never a person id or an address in clear) and window. */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull().default(1),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index('rate_limit_counters_expires_idx').on(t.expiresAt),
  ],
);

/** A browser that signed in as this person before: the hash of its device cookie. */
export const knownDevices = pgTable(
  'known_devices',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('known_devices_org_person_idx').on(t.organizationId, t.personId),
    index('known_devices_token_idx').on(t.tokenHash),
  ],
);
