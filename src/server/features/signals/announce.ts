// Telling a house's peer leaders that a signal was raised, or that signals they see changed: a
// notification (pushed within each person's settings) and a live event, to the peer leaders of the
// signal's house today and nobody else. Both carry the person's display name and the signal's kind —
// never what the person wrote, which stays in their check-in.
import { and, eq, inArray } from 'drizzle-orm';
import type { SignalKind, SignalSeverity } from '../../../shared/domain/check-in.ts';
import { formatDisplayName } from '../../../shared/domain/display-name.ts';
import type { NameStyle } from '../../../shared/domain/vocabulary.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { people } from '../../platform/database/schema.ts';
import { notifyPeople } from '../../platform/notify.ts';
import { peerLeaderIds, publish } from '../../platform/realtime/publish.ts';

export type RaisedSignal = {
  id: string;
  organizationId: string;
  residenceId: string;
  personId: string;
  kind: SignalKind;
  severity: SignalSeverity;
  raisedAt: Date;
};

/** The live event a house's peer leaders get when a signal is raised (and its notification's data). */
export const SIGNAL_RAISED = 'signals.raised';
/** The live event when signals of a person were noted or un-noted: screens read them again. */
export const SIGNALS_CHANGED = 'signals.changed';

async function displayNames(
  db: Executor,
  organizationId: string,
  ids: string[],
): Promise<Map<string, string>> {
  const rows = await db
    .select({
      id: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      nameStyle: people.nameStyle,
    })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), inArray(people.id, ids)));
  return new Map(
    rows.map((r) => [r.id, formatDisplayName(r.firstName, r.lastName, r.nameStyle as NameStyle)]),
  );
}

/**
 * Announces signals just raised (in the caller's transaction, when it has one: heard of at commit). One
 * notification per signal (deduplicated by its id) and one live event, to the house's peer leaders.
 */
export async function announceSignals(db: Executor, raised: readonly RaisedSignal[]): Promise<void> {
  if (raised.length === 0) return;
  const leadersOf = new Map<string, string[]>();
  const byOrganization = Map.groupBy(raised, (s) => s.organizationId);
  for (const [organizationId, list] of byOrganization) {
    const names = await displayNames(db, organizationId, [...new Set(list.map((s) => s.personId))]);
    for (const signal of list) {
      let leaders = leadersOf.get(signal.residenceId);
      if (!leaders) {
        leaders = await peerLeaderIds(db, signal.residenceId);
        leadersOf.set(signal.residenceId, leaders);
      }
      // A peer leader who is also the person (an unusual house) is not told about themselves.
      const recipients = leaders.filter((id) => id !== signal.personId);
      if (recipients.length === 0) continue;
      const facts = {
        signalId: signal.id,
        residenceId: signal.residenceId,
        personId: signal.personId,
        personName: names.get(signal.personId) ?? null,
        signalKind: signal.kind,
        severity: signal.severity,
      };
      await notifyPeople(db, {
        organizationId,
        personIds: recipients,
        kind: 'signal',
        data: facts,
        dedupeKey: `signal:${signal.id}`,
      });
      await publish(db, {
        organizationId,
        recipients,
        type: SIGNAL_RAISED,
        payload: { ...facts, raisedAt: signal.raisedAt.toISOString() },
      });
    }
  }
}

/** Tells the house's peer leaders that a person's signals were noted or un-noted, so screens refresh. */
export async function announceSignalsChanged(
  db: Executor,
  change: { organizationId: string; residenceId: string; personId: string; signalIds: string[]; by: string },
): Promise<void> {
  const recipients = (await peerLeaderIds(db, change.residenceId)).filter((id) => id !== change.personId);
  await publish(db, {
    organizationId: change.organizationId,
    recipients: [...new Set([...recipients, change.by])],
    type: SIGNALS_CHANGED,
    payload: {
      residenceId: change.residenceId,
      personId: change.personId,
      signalIds: change.signalIds,
      byPersonId: change.by,
    },
  });
}
