// A signal as a house's peer leaders see it: who, which kind, how severe, when — never private words.
import type { OrganizationSettingsView, SignalView } from '../../../shared/contracts/signals.ts';
import {
  type SignalKind,
  type SignalSeverity,
  type SupportKind,
  THRESHOLD_RANGES,
} from '../../../shared/domain/check-in.ts';
import { formatDisplayName } from '../../../shared/domain/display-name.ts';
import type { NameStyle } from '../../../shared/domain/vocabulary.ts';

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
