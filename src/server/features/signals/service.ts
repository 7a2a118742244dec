// Early-warning signals to a house's peer leaders. raiseSignal is shared: check-ins raise craving, low
// mood and support requests; the journey raises a reset; an hourly job raises silence. Each raised signal
// is announced to the house's peer leaders (announce.ts).
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { OrganizationSettingsUpdateSchema } from '../../../shared/contracts/signals.ts';
import { DEFAULT_THRESHOLDS, type SignalKind, type SignalSeverity } from '../../../shared/domain/check-in.ts';
import { addDays, localDate as localDateIn } from '../../../shared/domain/dates.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { membershipHeldOn } from '../../platform/database/current-membership.ts';
import type { Executor } from '../../platform/database/executor.ts';
import {
  checkIns,
  memberships,
  organizationSettings,
  people,
  residences,
  signals,
} from '../../platform/database/schema.ts';
import { announceSignals, type RaisedSignal } from './announce.ts';
import type { Thresholds } from './presenters.ts';

export type RaiseSignalInput = {
  organizationId: string;
  personId: string;
  kind: SignalKind;
  severity: SignalSeverity;
  /** The person's own local date the signal is about (one signal per person, kind and day). */
  localDate: string;
};

/** The houses a person lives in on a date (resident memberships covering it). */
export async function residencesOf(
  db: Executor,
  organizationId: string,
  personId: string,
  date: string,
): Promise<string[]> {
  const rows = await db
    .select({ residenceId: memberships.residenceId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.personId, personId),
        eq(memberships.role, 'resident'),
        membershipHeldOn(date),
      ),
    );
  return [...new Set(rows.map((r) => r.residenceId).filter((r): r is string => r !== null))];
}

/**
 * Raises a signal for each house the person currently lives in (none when they live in no house), and
 * tells those houses' peer leaders (announce.ts). Idempotent: the same person, kind and local day raise
 * it once (insert … on conflict do nothing), and only a signal raised now is announced.
 */
export async function raiseSignal(db: Executor, input: RaiseSignalInput): Promise<void> {
  const houses = await residencesOf(db, input.organizationId, input.personId, input.localDate);
  if (houses.length === 0) return;
  const raised = await db
    .insert(signals)
    .values(
      houses.map((residenceId) => ({
        organizationId: input.organizationId,
        residenceId,
        personId: input.personId,
        kind: input.kind,
        severity: input.severity,
        localDate: input.localDate,
      })),
    )
    .onConflictDoNothing()
    .returning(raisedColumns);
  await announceSignals(db, raised as RaisedSignal[]);
}

/** What announcing a raised signal needs, as an insert returns it. */
export const raisedColumns = {
  id: signals.id,
  organizationId: signals.organizationId,
  residenceId: signals.residenceId,
  personId: signals.personId,
  kind: signals.kind,
  severity: signals.severity,
  raisedAt: signals.raisedAt,
};

/** An organization's thresholds (the defaults until an admin changes them). */
export async function thresholdsOf(db: Executor, organizationId: string): Promise<Thresholds> {
  const [row] = await db
    .select({
      cravingThreshold: organizationSettings.cravingThreshold,
      lowMoodThreshold: organizationSettings.lowMoodThreshold,
      silenceDays: organizationSettings.silenceDays,
    })
    .from(organizationSettings)
    .where(eq(organizationSettings.organizationId, organizationId));
  return row ?? { ...DEFAULT_THRESHOLDS };
}

/** An admin changes some of the organization's thresholds; the others keep their value. Audited. */
export async function saveThresholds(
  db: Db,
  actor: Actor,
  change: z.output<typeof OrganizationSettingsUpdateSchema>,
): Promise<Thresholds> {
  return await db.transaction(async (tx) => {
    const next = { ...(await thresholdsOf(tx, actor.organizationId)), ...change };
    await tx
      .insert(organizationSettings)
      .values({ organizationId: actor.organizationId, ...next, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: organizationSettings.organizationId,
        set: { ...next, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'organization_settings.update',
      subjectType: 'organization',
      subjectId: actor.organizationId,
      detail: { ...next },
    });
    return next;
  });
}

/**
 * For the hourly job: a 'silence' signal (medium) for each current resident who has not checked in on
 * any of the last `silence_days` whole local days before today (nor today) and has lived in the house
 * at least that long. Once per person per local day. Returns how many signals were raised.
 */
export async function raiseSilenceSignals(db: Db, now: Date): Promise<number> {
  // Each resident's today is a day of their own time zone (else their house's); their membership must
  // be held on it.
  const localToday = sql`(${now.toISOString()}::timestamptz at time zone coalesce(${people.timeZone}, ${residences.timeZone}))::date`;
  const rows = await db
    .select({
      organizationId: memberships.organizationId,
      personId: memberships.personId,
      residenceId: memberships.residenceId,
      startsOn: memberships.startsOn,
      personZone: people.timeZone,
      houseZone: residences.timeZone,
      silenceDays: sql<number>`coalesce(${organizationSettings.silenceDays}, ${DEFAULT_THRESHOLDS.silenceDays})`,
      lastCheckIn: sql<string | null>`(select max(${checkIns.localDate}) from ${checkIns}
        where ${checkIns.organizationId} = ${memberships.organizationId}
          and ${checkIns.personId} = ${memberships.personId})`,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(residences, eq(residences.id, memberships.residenceId))
    .leftJoin(organizationSettings, eq(organizationSettings.organizationId, memberships.organizationId))
    .where(and(eq(memberships.role, 'resident'), membershipHeldOn(localToday)));
  const values: (typeof signals.$inferInsert)[] = [];
  for (const r of rows) {
    if (!r.residenceId) continue;
    const today = localDateIn(r.personZone ?? r.houseZone, now);
    const days = Number(r.silenceDays);
    // Lived in the house for the whole window, and no check-in within it.
    const windowStart = addDays(today, -days);
    if (addDays(r.startsOn, days) > today) continue;
    if (r.lastCheckIn !== null && r.lastCheckIn >= windowStart) continue;
    values.push({
      organizationId: r.organizationId,
      residenceId: r.residenceId,
      personId: r.personId,
      kind: 'silence',
      severity: 'medium',
      localDate: today,
    });
  }
  if (values.length === 0) return 0;
  let raised = 0;
  for (let i = 0; i < values.length; i += 500) {
    const inserted = await db
      .insert(signals)
      .values(values.slice(i, i + 500))
      .onConflictDoNothing()
      .returning(raisedColumns);
    await announceSignals(db, inserted as RaisedSignal[]);
    raised += inserted.length;
  }
  return raised;
}
