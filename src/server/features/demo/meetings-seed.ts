// Demo house meetings: every demo house meets on Sunday evenings. The last six weeks are closed
// meetings with attendance, chairs and secretaries taking turns, agendas (some items raised without
// a name) and short minutes; the next eight weeks are on the schedule, the next one with an item
// already raised. Deterministic: its own seeded generator. The decisions seed adds votes and
// commitments to these closed meetings afterwards.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { STANDING_KINDS } from '../../../shared/contracts/meetings.ts';
import { localDate } from '../../../shared/domain/dates.ts';
import { addDays, expandOccurrences } from '../../../shared/domain/recurrence.ts';
import { nextTurns } from '../../../shared/domain/rotation.ts';
import { membershipHeldOn } from '../../platform/database/current-membership.ts';
import type { Executor } from '../../platform/database/executor.ts';
import {
  agendaItems,
  houseMeetingSeries,
  houseMeetingSettings,
  houseMeetings,
  meetingAttendance,
  memberships,
  notifications,
  residences,
} from '../../platform/database/schema.ts';
import { MEETING_REMINDER } from '../meetings/notifications.ts';
import { materialiseSeriesIn, STANDING_TITLES } from '../meetings/schedule.ts';
import { seededRandom } from './seed.ts';

const PROBLEMS: { title: string; details: string; minutes: string }[] = [
  {
    title: 'The kitchen is a mess on weekends',
    details: 'Dishes pile up from Friday night to Sunday.',
    minutes: 'Agreed a weekend kitchen rota; each of us rinses our own plates before bed.',
  },
  {
    title: 'My sponsor moved away',
    details: 'Looking for a new sponsor and a home group nearby.',
    minutes: 'Two housemates offered to bring them to their home groups this week.',
  },
  {
    title: 'Noise after 10 pm',
    details: '',
    minutes: 'Reminder of quiet hours; headphones after 10 on weeknights.',
  },
  {
    title: 'Rides to the Tuesday night meeting',
    details: 'The bus stops running at 9.',
    minutes: 'A housemate with a car will drive; others chip in for gas.',
  },
  {
    title: 'Someone keeps eating my food',
    details: '',
    minutes: 'Labels on shelves; anyone short on food this week can ask the house, no shame in it.',
  },
  {
    title: 'Nervous about a job interview on Friday',
    details: '',
    minutes: 'Practice interview on Thursday evening with two housemates.',
  },
  {
    title: 'Bathroom schedule in the mornings',
    details: 'Four of us start work at 7.',
    minutes: 'Morning slots of 15 minutes, early starters first; posted on the bathroom door.',
  },
  {
    title: 'A newcomer feels left out',
    details: 'Raised so we can all do better.',
    minutes: 'The house will invite everyone to Sunday dinner and the Saturday walk.',
  },
];
const BUSINESS_MINUTES = [
  'Rent is due on the 1st; the fund has enough for the new vacuum cleaner.',
  'The smoke detectors were tested. House phone list updated.',
  'Welcome to our newest housemate. Officer terms end next month.',
  'Landlord visit on Wednesday; common rooms tidy by Tuesday night.',
];
const CHORES_MINUTES = [
  'Chore chart rotated; trash goes out Monday night.',
  'Yard work on Saturday morning, everyone for an hour.',
  'Bathrooms were great this week. Kitchen floor needs more care.',
];
const UPCOMING_PROBLEMS = ['Cleaning the fridge before the holidays', 'Planning a house game night'];

async function residentsOf(tx: Executor, organizationId: string, residenceId: string, on: string) {
  return await tx
    .select({ personId: memberships.personId, movedInOn: memberships.startsOn, role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.residenceId, residenceId),
        inArray(memberships.role, ['resident', 'peer_leader']),
        membershipHeldOn(on),
      ),
    )
    .orderBy(asc(memberships.startsOn), asc(memberships.personId));
}

export async function seedMeetings(
  tx: Executor,
  organizationId: string,
  now: Date = new Date(),
): Promise<void> {
  const random = seededRandom(3_2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const houses = await tx
    .select({ id: residences.id, timeZone: residences.timeZone })
    .from(residences)
    .where(eq(residences.organizationId, organizationId))
    .orderBy(asc(residences.name));
  let problemTurn = 0;
  for (const house of houses) {
    const today = localDate(house.timeZone, now);
    const people = await residentsOf(tx, organizationId, house.id, today);
    const residents = people.filter((p) => p.role === 'resident');
    const members = [...new Set(people.map((p) => p.personId))];
    const leaderId = people.find((p) => p.role === 'peer_leader')?.personId ?? null;
    if (residents.length === 0) continue;
    await tx
      .insert(houseMeetingSettings)
      .values({ residenceId: house.id, organizationId, reminderMinutes: 120 })
      .onConflictDoNothing();
    const [series] = await tx
      .insert(houseMeetingSeries)
      .values({
        organizationId,
        residenceId: house.id,
        title: 'House meeting',
        rrule: 'FREQ=WEEKLY;BYDAY=SU',
        startsOn: addDays(today, -49),
        startTime: '19:00',
        durationMinutes: 60,
        timeZone: house.timeZone,
        location: 'Living room',
        createdBy: leaderId,
      })
      .returning();
    const past = expandOccurrences(series!, addDays(today, -45), addDays(today, -1)).slice(-6);
    const turns = nextTurns(residents, null, past.length);
    for (const [index, occurrence] of past.entries()) {
      const turn = turns[index]!;
      const opened = new Date(occurrence.startsAt.getTime() + 2 * 60_000);
      const [meeting] = await tx
        .insert(houseMeetings)
        .values({
          organizationId,
          residenceId: house.id,
          seriesId: series!.id,
          kind: 'regular',
          title: series!.title,
          startsAt: occurrence.startsAt,
          localDate: occurrence.localDate,
          location: series!.location,
          state: 'closed',
          chairId: turn.chairId,
          secretaryId: turn.secretaryId,
          openedAt: opened,
          closedAt: new Date(occurrence.startsAt.getTime() + 58 * 60_000),
          remindedAt: new Date(occurrence.startsAt.getTime() - 120 * 60_000),
          createdBy: leaderId,
          createdAt: new Date(occurrence.startsAt.getTime() - 28 * 86_400_000),
        })
        .returning();
      await tx.insert(meetingAttendance).values(
        members.map((personId) => {
          const r = random();
          const isRunning = personId === turn.chairId || personId === turn.secretaryId;
          const status = isRunning || r < 0.78 ? 'present' : r < 0.9 ? 'excused' : 'absent';
          return {
            organizationId,
            meetingId: meeting!.id,
            personId,
            status,
            markedBy: turn.secretaryId,
            markedAt: opened,
          };
        }),
      );
      const standing = STANDING_KINDS.map((kind, i) => ({
        organizationId,
        residenceId: house.id,
        meetingId: meeting!.id,
        kind,
        title: STANDING_TITLES[kind],
        position: i + 1,
        minutes:
          kind === 'business'
            ? pick(BUSINESS_MINUTES)
            : kind === 'chores'
              ? pick(CHORES_MINUTES)
              : 'We celebrated the milestones housemates chose to share.',
      }));
      const raised = Array.from({ length: 1 + (random() < 0.5 ? 1 : 0) }, (_, k) => {
        const problem = PROBLEMS[problemTurn++ % PROBLEMS.length]!;
        return {
          organizationId,
          residenceId: house.id,
          meetingId: meeting!.id,
          kind: 'problem',
          title: problem.title,
          details: problem.details,
          authorId: pick(residents).personId,
          // About one in three is raised without a name.
          anonymous: random() < 0.35,
          position: STANDING_KINDS.length + k + 1,
          minutes: problem.minutes,
          createdAt: new Date(occurrence.startsAt.getTime() - (1 + k) * 86_400_000),
        };
      });
      await tx.insert(agendaItems).values([...standing, ...raised]);
    }
    // The next eight weeks, chairs continuing the rotation; the next meeting already has an item.
    await materialiseSeriesIn(tx, series!.id, now);
    const [next] = await tx
      .select({ id: houseMeetings.id, startsAt: houseMeetings.startsAt })
      .from(houseMeetings)
      .where(and(eq(houseMeetings.seriesId, series!.id), eq(houseMeetings.state, 'upcoming')))
      .orderBy(asc(houseMeetings.startsAt))
      .limit(1);
    if (next) {
      await tx.insert(agendaItems).values({
        organizationId,
        residenceId: house.id,
        meetingId: next.id,
        kind: 'problem',
        title: pick(UPCOMING_PROBLEMS),
        authorId: pick(residents).personId,
        anonymous: random() < 0.5,
        position: STANDING_KINDS.length + 1,
      });
      // Everyone has been reminded of it, so Today shows the reminder (the job will not send it again).
      await tx.insert(notifications).values(
        members.map((personId) => ({
          organizationId,
          personId,
          kind: MEETING_REMINDER,
          data: { meetingId: next.id, startsAt: next.startsAt.toISOString() },
          dedupeKey: `${MEETING_REMINDER}:${next.id}`,
        })),
      );
      await tx.update(houseMeetings).set({ remindedAt: now }).where(eq(houseMeetings.id, next.id));
    }
  }
}
