// A signal as a house's peer leaders see it: who, which kind, how severe, when — never private words.
import type {
  LeaderDayPersonView,
  LeaderDayView,
  OrganizationSettingsView,
  SignalView,
} from '../../../shared/contracts/signals.ts';
import {
  type SignalKind,
  type SignalSeverity,
  type SupportKind,
  THRESHOLD_RANGES,
} from '../../../shared/domain/check-in.ts';
import { formatDisplayName } from '../../../shared/domain/display-name.ts';
import type { NameStyle } from '../../../shared/domain/vocabulary.ts';
import type { LeaderDay } from './leader-day.ts';

export type SignalRow = {
  id: string;
  residenceId: string;
  personId: string;
  firstName: string;
  lastName: string;
  nameStyle: string;
  kind: string;
  severity: string;
  localDate: string;
  raisedAt: Date;
  supportKind: string | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  acknowledgement: string | null;
  byFirstName: string | null;
  byLastName: string | null;
  byNameStyle: string | null;
};

export function presentSignal(row: SignalRow): SignalView {
  return {
    id: row.id,
    residenceId: row.residenceId,
    personId: row.personId,
    displayName: formatDisplayName(row.firstName, row.lastName, row.nameStyle as NameStyle),
    kind: row.kind as SignalKind,
    severity: row.severity as SignalSeverity,
    localDate: row.localDate,
    raisedAt: row.raisedAt.toISOString(),
    // Only the kind of support asked for; the check-in's own words stay with the resident.
    supportKind: row.kind === 'support_request' ? (row.supportKind as SupportKind | null) : null,
    acknowledgement: row.acknowledgedAt
      ? {
          byPersonId: row.acknowledgedBy,
          byName:
            row.byFirstName !== null
              ? formatDisplayName(
                  row.byFirstName,
                  row.byLastName ?? '',
                  (row.byNameStyle ?? 'first_last_initial') as NameStyle,
                )
              : '',
          at: row.acknowledgedAt.toISOString(),
          note: row.acknowledgement ?? '',
        }
      : null,
  };
}

export type Thresholds = { cravingThreshold: number; lowMoodThreshold: number; silenceDays: number };

/** An organization's thresholds, with the range each may take. */
export const presentThresholds = (t: Thresholds): OrganizationSettingsView => ({
  cravingThreshold: t.cravingThreshold,
  lowMoodThreshold: t.lowMoodThreshold,
  silenceDays: t.silenceDays,
  ranges: THRESHOLD_RANGES,
});

const SEVERITY_RANK: Record<SignalSeverity, number> = { low: 0, medium: 1, high: 2 };

/**
 * The peer leader's day: per house, one entry per person with their open signals newest first, marked new
 * when raised after the leader last looked; people with something newer first. Kinds only, never words.
 */
export function presentLeaderDay(day: LeaderDay): LeaderDayView {
  return {
    houses: day.houses.map((house) => {
      const since = house.lastSeenAt;
      const byPerson = new Map<string, LeaderDayPersonView>();
      for (const row of day.signals) {
        if (row.residenceId !== house.id) continue;
        const isNew = since === null || row.raisedAt > since;
        const severity = row.severity as SignalSeverity;
        let person = byPerson.get(row.personId);
        if (!person) {
          person = {
            personId: row.personId,
            displayName: formatDisplayName(row.firstName, row.lastName, row.nameStyle as NameStyle),
            severity,
            latestAt: row.raisedAt.toISOString(),
            isNew: false,
            signals: [],
          };
          byPerson.set(row.personId, person);
        }
        if (SEVERITY_RANK[severity] > SEVERITY_RANK[person.severity]) person.severity = severity;
        person.isNew ||= isNew;
        person.signals.push({
          id: row.id,
          kind: row.kind as SignalKind,
          severity,
          localDate: row.localDate,
          raisedAt: row.raisedAt.toISOString(),
          supportKind: row.kind === 'support_request' ? (row.supportKind as SupportKind | null) : null,
          isNew,
        });
      }
      // Rows come newest first, so each person's first signal is their latest, and the map's order is theirs.
      return {
        residenceId: house.id,
        residenceName: house.name,
        newSince: since ? since.toISOString() : null,
        people: [...byPerson.values()],
      };
    }),
  };
}
