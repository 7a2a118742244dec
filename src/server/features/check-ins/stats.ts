// A house's check-ins by ISO week, for its peer leaders' charts: rates and averages, no individual rows.
import { sql } from 'drizzle-orm';
import type { CheckInStatsView } from '../../../shared/contracts/check-ins.ts';
import { addDays, localDate } from '../../../shared/domain/dates.ts';
import type { Db } from '../../platform/database/connect.ts';

/** A week in which fewer different residents checked in is shown without figures (nobody stands out). */
export const MINIMUM_PEOPLE_PER_WEEK = 3;

/** Monday of the ISO week of a date. */
export function isoWeekStart(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
  return addDays(date, -weekday);
}

/** ISO week label, like 2026-W48. */
export function isoWeekLabel(weekStart: string): string {
  const thursday = new Date(`${addDays(weekStart, 3)}T00:00:00Z`);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export async function houseCheckInStats(
  db: Db,
  organizationId: string,
  residence: { id: string; timeZone: string },
  weeks: number,
  now: Date = new Date(),
): Promise<CheckInStatsView> {
  const today = localDate(residence.timeZone, now);
  const from = addDays(isoWeekStart(today), -7 * (weeks - 1));
  // Each day a person lived in the house (up to today) is a resident-day; a check-in that day counts.
  const result = await db.execute<{
    week_start: string;
    resident_days: number;
    check_ins: number;
    people: number;
    average_mood: number | null;
  }>(sql`
    with days as (
      select d::date as day from generate_series(${from}::date, ${today}::date, interval '1 day') as d
    ),
    resident_days as (
      select days.day, m.person_id from days
      join memberships m on m.organization_id = ${organizationId} and m.residence_id = ${residence.id}
        and m.role = 'resident' and hearth_membership_held_on(m, days.day)
    )
    select to_char(date_trunc('week', rd.day), 'YYYY-MM-DD') as week_start,
      count(*)::int as resident_days,
      count(c.id)::int as check_ins,
      count(distinct c.person_id)::int as people,
      avg(c.mood)::float8 as average_mood
    from resident_days rd
    left join check_ins c on c.organization_id = ${organizationId} and c.person_id = rd.person_id
      and c.local_date = rd.day
    group by 1 order by 1`);
  const byWeek = new Map(result.rows.map((r) => [r.week_start, r]));
  const out: CheckInStatsView['weeks'] = [];
  for (let i = 0; i < weeks; i++) {
    const weekStart = addDays(from, 7 * i);
    const row = byWeek.get(weekStart);
    const residentDays = row?.resident_days ?? 0;
    const suppressed = (row?.people ?? 0) < MINIMUM_PEOPLE_PER_WEEK;
    out.push({
      isoWeek: isoWeekLabel(weekStart),
      weekStart,
      residentDays,
      checkIns: suppressed ? 0 : (row?.check_ins ?? 0),
      checkInRate: suppressed || residentDays === 0 ? null : round((row?.check_ins ?? 0) / residentDays, 3),
      averageMood: suppressed || row?.average_mood == null ? null : round(row.average_mood, 2),
      suppressed,
    });
  }
  return { residenceId: residence.id, minimumPeople: MINIMUM_PEOPLE_PER_WEEK, weeks: out };
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
