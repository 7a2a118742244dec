// The one definition of "a current membership" for queries (decision 0022): the SQL functions of
// migration 0020, so no query writes its own date comparison. In raw SQL write
// `hearth_membership_current(m)` with the table's alias (or `memberships`).
import { type SQL, sql } from 'drizzle-orm';
import { memberships } from './schema.ts';

/** The membership row is held now (or at `at`): from its start until its end, on this database's clock. */
export const isCurrentMembership = (at?: Date): SQL =>
  at === undefined
    ? sql`hearth_membership_current(${memberships})`
    : sql`hearth_membership_current(${memberships}, ${at.toISOString()}::timestamptz)`;

/** The membership row is held on this day of its house's calendar (ends_on is not held). */
export const membershipHeldOn = (day: string | SQL): SQL =>
  sql`hearth_membership_held_on(${memberships}, ${day}::date)`;

/** The same rule for a row already read (shared with the web app). */
export { heldOnDay, isCurrentAt } from '../../../shared/domain/memberships.ts';
