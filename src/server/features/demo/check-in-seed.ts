// Demo check-ins, signals and BARC-10 scores: months of plausible days for every current resident —
// gaps, a few hard weeks, some requests for support, a few signals already acknowledged, and monthly
// BARC-10 totals trending mostly up. Deterministic (the seed's own random generator), bulk inserts.
import { and, eq, isNull } from 'drizzle-orm';
import { type SupportKind, TRIGGERS } from '../../../shared/domain/check-in.ts';
import { addDays, localDate } from '../../../shared/domain/dates.ts';
import type { Db } from '../../platform/database/connect.ts';
import {
  barc10Assessments,
  checkIns,
  memberships,
  residences,
  signals,
} from '../../platform/database/schema.ts';

type Tx = Pick<Db, 'select' | 'insert'>;
const CHECK_IN_DAYS = 120;
const BARC_DAYS = 330;
const GRATITUDE = [
  'Coffee with my roommate',
  'A call from my daughter',
  'Made it to my meeting',
  'Sunshine on the walk to work',
  'My sponsor picked up',
  'A good dinner at the house',
  'Paid a bill on time',
  null,
  null,
];
const INTENTIONS = [
  'Go to the evening meeting',
  'Call my sponsor',
  'Finish the job application',
  'Rest',
  null,
  null,
];
const NOTES = [
  'Talked with her after dinner',
  'Went for a walk together',
  'Sat with him at the meeting',
  'Called and made a plan for tomorrow',
  'Checked in over coffee',
];
const SUPPORT: SupportKind[] = ['emotional', 'informational', 'instrumental', 'affiliational'];

const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, n));

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
}

export async function seedCheckIns(tx: Tx, organizationId: string, random: () => number): Promise<void> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const current = await tx
    .select({
      personId: memberships.personId,
      residenceId: memberships.residenceId,
      startsOn: memberships.startsOn,
      timeZone: residences.timeZone,
    })
    .from(memberships)
    .innerJoin(residences, eq(residences.id, memberships.residenceId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.role, 'resident'),
        isNull(memberships.endsOn),
      ),
    )
    .orderBy(memberships.startsOn, memberships.personId);
  const leaders = await tx
    .select({ personId: memberships.personId, residenceId: memberships.residenceId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'peer_leader')));
  const leaderOf = new Map(leaders.map((l) => [l.residenceId, l.personId]));

  const checkInRows: (typeof checkIns.$inferInsert)[] = [];
  const signalRows: (typeof signals.$inferInsert)[] = [];
  const barcRows: (typeof barc10Assessments.$inferInsert)[] = [];

  for (const resident of current) {
    const residenceId = resident.residenceId!;
    const today = localDate(resident.timeZone);
    const leader = leaderOf.get(residenceId) ?? null;
    const signal = (kind: string, severity: string, date: string) => {
      const age = (Date.parse(today) - Date.parse(date)) / 86_400_000;
      const acknowledged = leader !== null && leader !== resident.personId && age > 2 && random() < 0.7;
      const raisedAt = new Date(`${date}T${String(14 + Math.floor(random() * 7))}:00:00Z`);
      signalRows.push({
        organizationId,
        residenceId,
        personId: resident.personId,
        kind,
        severity,
        localDate: date,
        raisedAt,
        ...(acknowledged
          ? {
              acknowledgedAt: new Date(raisedAt.getTime() + (2 + random() * 20) * 3_600_000),
              acknowledgedBy: leader,
              acknowledgement: pick(NOTES),
            }
          : {}),
      });
    };

    // Daily check-ins up to yesterday (today is left for the person to do in the demo).
    const first = [resident.startsOn, addDays(today, -CHECK_IN_DAYS)].sort().at(-1)!;
    const baseMood = 2.6 + random() * 1.4;
    const baseCraving = 1 + random() * 3;
    const hardWeekStarts = [Math.floor(random() * CHECK_IN_DAYS), Math.floor(random() * CHECK_IN_DAYS)];
    let missed = 0;
    let skipRun = 0;
    for (let date = first; date < today; date = addDays(date, 1)) {
      if (skipRun > 0 || random() < 0.12) {
        if (skipRun === 0 && random() < 0.15) skipRun = 2 + Math.floor(random() * 4);
        if (skipRun > 0) skipRun--;
        missed++;
        if (missed === 3 && date >= addDays(today, -60)) signal('silence', 'medium', date);
        continue;
      }
      missed = 0;
      const daysAgo = (Date.parse(today) - Date.parse(date)) / 86_400_000;
      const hard = hardWeekStarts.some(
        (s) => CHECK_IN_DAYS - daysAgo >= s && CHECK_IN_DAYS - daysAgo < s + 7,
      );
      const progress = (CHECK_IN_DAYS - daysAgo) / CHECK_IN_DAYS; // slowly better over the months
      const mood = Math.round(
        clamp(baseMood + progress * 0.6 + (random() - 0.5) * 1.6 - (hard ? 1.6 : 0), 1, 5),
      );
      const craving = Math.round(
        clamp(baseCraving - progress * 1.2 + (random() - 0.5) * 3 + (hard ? 4.5 : 0), 0, 10),
      );
      const wantsSupport = random() < (hard ? 0.35 : 0.04);
      const triggers = random() < (hard ? 0.9 : 0.35) ? [pick(TRIGGERS.slice(0, 9))] : [];
      if (hard && random() < 0.4) triggers.push(pick(TRIGGERS.slice(0, 9)));
      checkInRows.push({
        organizationId,
        personId: resident.personId,
        localDate: date,
        mood,
        craving,
        sleepHours: Math.round(clamp(7 + (random() - 0.5) * 3 - (hard ? 1.5 : 0), 3, 11) * 2) / 2,
        triggers: [...new Set(triggers)],
        gratitude: pick(GRATITUDE),
        intention: pick(INTENTIONS),
        wantsSupport,
        supportKind: wantsSupport ? pick(SUPPORT) : null,
        reflection:
          random() < 0.4 ? (hard ? pick(['hard', 'very_hard']) : pick(['easy', 'okay', 'okay'])) : null,
        idempotencyKey: `demo-${resident.personId}-${date}`,
        createdAt: new Date(`${date}T${String(12 + Math.floor(random() * 10))}:30:00Z`),
        updatedAt: new Date(`${date}T23:00:00Z`),
      });
      if (date >= addDays(today, -60)) {
        if (craving >= 8) signal('craving', 'high', date);
        if (mood <= 1) signal('low_mood', 'high', date);
        if (wantsSupport) signal('support_request', 'medium', date);
      }
    }

    // Monthly BARC-10, mostly trending up; the last one a few weeks ago or more (sometimes due).
    const barcFirst = [resident.startsOn, addDays(today, -BARC_DAYS)].sort().at(-1)!;
    let total = 26 + random() * 12;
    for (
      let date = addDays(barcFirst, 3);
      date < addDays(today, -5);
      date = addDays(date, 28 + Math.floor(random() * 8))
    ) {
      total = clamp(total + 1.5 + (random() - 0.35) * 5, 10, 58);
      const answers = Array.from({ length: 10 }, () =>
        Math.round(clamp(total / 10 + (random() - 0.5) * 2, 1, 6)),
      );
      barcRows.push({
        organizationId,
        personId: resident.personId,
        answers,
        total: answers.reduce((a, b) => a + b, 0),
        localDate: date,
        completedAt: new Date(`${date}T19:00:00Z`),
      });
    }
  }

  await insertChunks(checkInRows, (chunk) => tx.insert(checkIns).values(chunk));
  await insertChunks(signalRows, (chunk) => tx.insert(signals).values(chunk).onConflictDoNothing());
  await insertChunks(barcRows, (chunk) => tx.insert(barc10Assessments).values(chunk));
}
