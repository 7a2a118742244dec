// The support ledger as people see it: mine (what I gave and received, from requests and meeting
// commitments), and for peer leaders and admins counts by kind per house per week — no names, no texts.
import { and, desc, eq, gte, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PersonRef } from '../../../shared/contracts/decisions.ts';
import type { HouseLedger, MyLedger } from '../../../shared/contracts/support.ts';
import type { SupportKind } from '../../../shared/domain/vocabulary.ts';
import { SUPPORT_KINDS } from '../../../shared/domain/vocabulary.ts';
import { recordAudit } from '../../platform/audit.ts';
import { type Actor, hasRole, residencesWithRole } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { people, residences, supportLedger, supportRequests } from '../../platform/database/schema.ts';
import { displayNameOf } from '../people/presenters.ts';

const giver = alias(people, 'giver');
const receiver = alias(people, 'receiver');

const startOfMonthUtc = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

type LedgerRow = Awaited<ReturnType<typeof myLedgerRows>>[number];

async function myLedgerRows(db: Executor, actor: Actor) {
  return await db
    .select({
      l: supportLedger,
      anonymous: supportRequests.anonymous,
      requestType: supportRequests.type,
      giverFirst: giver.firstName,
      giverLast: giver.lastName,
      giverStyle: giver.nameStyle,
      receiverFirst: receiver.firstName,
      receiverLast: receiver.lastName,
      receiverStyle: receiver.nameStyle,
    })
    .from(supportLedger)
    .innerJoin(giver, eq(giver.id, supportLedger.giverId))
    .leftJoin(receiver, eq(receiver.id, supportLedger.receiverId))
    .leftJoin(supportRequests, eq(supportRequests.id, supportLedger.supportRequestId))
    .where(
      and(
        eq(supportLedger.organizationId, actor.organizationId),
        or(eq(supportLedger.giverId, actor.personId), eq(supportLedger.receiverId, actor.personId)),
      ),
    )
    .orderBy(desc(supportLedger.at))
    .limit(500);
}

/** The person I helped, as my ledger names them: someone who asked anonymously stays unnamed. */
function receiverShown(r: LedgerRow): PersonRef | null {
  const hidden = r.anonymous === true && r.requestType === 'request';
  if (!r.l.receiverId || r.receiverFirst === null || hidden) return null;
  return {
    personId: r.l.receiverId,
    displayName: displayNameOf({
      firstName: r.receiverFirst,
      lastName: r.receiverLast ?? '',
      nameStyle: r.receiverStyle ?? 'first_last_initial',
    }),
  };
}

/** The person who helped me: someone who offered anonymously stays unnamed. */
function giverShown(r: LedgerRow): PersonRef | null {
  if (r.anonymous === true && r.requestType === 'offer') return null;
  return {
    personId: r.l.giverId,
    displayName: displayNameOf({ firstName: r.giverFirst, lastName: r.giverLast, nameStyle: r.giverStyle }),
  };
}

export async function myLedger(db: Executor, actor: Actor, now: Date = new Date()): Promise<MyLedger> {
  const rows = await myLedgerRows(db, actor);
  const entry = (r: LedgerRow, other: PersonRef | null) => ({
    id: r.l.id,
    supportKind: r.l.supportKind as SupportKind,
    source: r.l.source,
    at: r.l.at.toISOString(),
    other,
  });
  const given = rows.filter((r) => r.l.giverId === actor.personId).map((r) => entry(r, receiverShown(r)));
  const received = rows.filter((r) => r.l.receiverId === actor.personId).map((r) => entry(r, giverShown(r)));
  const since = startOfMonthUtc(now).getTime();
  const thisMonth = (e: { at: string }) => Date.parse(e.at) >= since;
  return {
    given,
    received,
    peopleHelpedThisMonth: new Set(
      rows
        .filter((r) => r.l.giverId === actor.personId && r.l.at.getTime() >= since && r.l.receiverId)
        .map((r) => r.l.receiverId),
    ).size,
    givenThisMonth: given.filter(thisMonth).length,
    receivedThisMonth: received.filter(thisMonth).length,
  };
}

/** The houses whose counts a viewer may see: an admin every house of the organization, a peer leader theirs. */
export async function housesForCounts(db: Executor, actor: Actor): Promise<{ id: string; name: string }[]> {
  const all = hasRole(actor, 'org_admin');
  const led = residencesWithRole(actor, 'peer_leader');
  if (!all && led.length === 0) return [];
  return await db
    .select({ id: residences.id, name: residences.name })
    .from(residences)
    .where(
      and(eq(residences.organizationId, actor.organizationId), all ? undefined : inArray(residences.id, led)),
    )
    .orderBy(residences.name);
}

/** Counts of help given, by kind, per house and ISO week (Monday, UTC), for the last `weeks` weeks. */
export async function houseLedger(
  db: Executor,
  actor: Actor,
  weeks: number,
  now: Date = new Date(),
): Promise<HouseLedger> {
  const houses = await housesForCounts(db, actor);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'support_ledger.counts',
    subjectType: 'support_ledger',
    detail: { houses: houses.length, weeks },
  });
  if (houses.length === 0) return { weeks: [] };
  const since = new Date(now.getTime() - weeks * 7 * 24 * 60 * 60 * 1000);
  const week = sql<string>`to_char(date_trunc('week', ${supportLedger.at} at time zone 'UTC'), 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      residenceId: supportLedger.residenceId,
      week,
      kind: supportLedger.supportKind,
      n: sql<number>`count(*)::int`,
    })
    .from(supportLedger)
    .where(
      and(
        eq(supportLedger.organizationId, actor.organizationId),
        inArray(
          supportLedger.residenceId,
          houses.map((h) => h.id),
        ),
        gte(supportLedger.at, since),
      ),
    )
    .groupBy(supportLedger.residenceId, week, supportLedger.supportKind);
  const names = new Map(houses.map((h) => [h.id, h.name]));
  const cells = new Map<string, HouseLedger['weeks'][number]>();
  for (const r of rows) {
    if (!r.residenceId) continue;
    const key = `${r.residenceId}|${r.week}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        residenceId: r.residenceId,
        residenceName: names.get(r.residenceId) ?? '',
        weekStart: r.week,
        ...(Object.fromEntries(SUPPORT_KINDS.map((k) => [k, 0])) as Record<SupportKind, number>),
      };
      cells.set(key, cell);
    }
    cell[r.kind as SupportKind] += r.n;
  }
  return {
    weeks: [...cells.values()].sort(
      (a, b) => b.weekStart.localeCompare(a.weekStart) || a.residenceName.localeCompare(b.residenceName),
    ),
  };
}
