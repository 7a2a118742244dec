// The rule of a membership's period (decision 0022), for rows already read: starts_on is the first day
// held, ends_on the day it ends and is no longer held; starts_at/ends_at are the instants those days begin
// in the house's time zone. Queries use the same rule in SQL (platform/database/current-membership.ts).

/** Held on this day of its house's calendar. */
export function heldOnDay(m: { startsOn: string; endsOn: string | null }, day: string): boolean {
  return m.startsOn <= day && (m.endsOn === null || m.endsOn > day);
}

/** Held at `at` (now by default). */
export function isCurrentAt(m: { startsAt: Date; endsAt: Date | null }, at: Date = new Date()): boolean {
  return m.startsAt.getTime() <= at.getTime() && (m.endsAt === null || m.endsAt.getTime() > at.getTime());
}
