// What a check-in looks like to its owner — the only person who ever sees one.
import type { CheckInView } from '../../../shared/contracts/check-ins.ts';
import type { Reflection, SupportKind, Trigger } from '../../../shared/domain/check-in.ts';
import type { checkIns } from '../../platform/database/schema.ts';

export function presentCheckIn(row: typeof checkIns.$inferSelect, today: string): CheckInView {
  return {
    id: row.id,
    localDate: row.localDate,
    mood: row.mood,
    craving: row.craving,
    sleepHours: row.sleepHours,
    triggers: row.triggers as Trigger[],
    triggerOther: row.triggerOther,
    gratitude: row.gratitude,
    intention: row.intention,
    wantsSupport: row.wantsSupport,
    supportKind: row.supportKind as SupportKind | null,
    reflection: row.reflection as Reflection | null,
    editable: row.localDate === today,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
