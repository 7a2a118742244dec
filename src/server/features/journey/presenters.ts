// What the journey shows: my clocks in full to me; to others only a name, a milestone and a date.
import type {
  CelebrationView,
  ClockView,
  Journey,
  PastClockView,
  UpcomingMilestoneView,
} from '../../../shared/contracts/journey.ts';
import { localDate } from '../../../shared/domain/dates.ts';
import { type Milestone, milestoneFromKey, nextMilestone } from '../../../shared/domain/milestones.ts';
import {
  daysBetween,
  daysInRecovery,
  type RecoveryAudience,
  recoveryBreakdown,
} from '../../../shared/domain/recovery-time.ts';
import { stageOf } from '../../../shared/domain/stages.ts';
import { displayNameOf } from '../people/presenters.ts';
import type { JourneyClock, JourneyData, JourneyEvent, JourneyStretch } from './read.ts';

type EventRow = JourneyEvent;
type StretchRow = Pick<JourneyStretch, 'id' | 'clockId' | 'startsOn' | 'endsOn'>;
type ClockRow = Pick<JourneyClock, 'id' | 'label' | 'visibleTo'>;

const milestoneView = (m: Milestone) => ({ key: m.key, unit: m.unit, count: m.count });

function stretchDays(s: StretchRow, today: string): number {
  return daysInRecovery(s.startsOn, s.endsOn ?? today);
}

const newestFirst = (stretches: StretchRow[], clockId: string) =>
  stretches.filter((s) => s.clockId === clockId).sort((a, b) => (a.startsOn < b.startsOn ? 1 : -1));

function historyOf(own: StretchRow[], today: string) {
  const days = own.map((s) => stretchDays(s, today));
  return {
    longestDays: Math.max(0, ...days),
    totalDays: days.reduce((sum, d) => sum + d, 0),
    resets: Math.max(0, own.length - 1),
    stretches: own.map((s, i) => ({ id: s.id, startsOn: s.startsOn, endsOn: s.endsOn, days: days[i]! })),
  };
}

export function presentClock(
  clock: ClockRow,
  stretches: StretchRow[],
  events: EventRow[],
  today: string,
): ClockView | null {
  const own = newestFirst(stretches, clock.id);
  const current = own.find((s) => s.endsOn === null);
  if (!current) return null;
  const next = nextMilestone(current.startsOn, today);
  return {
    id: clock.id,
    label: clock.label,
    visibleTo: clock.visibleTo as RecoveryAudience,
    current: {
      stretchId: current.id,
      startsOn: current.startsOn,
      days: daysInRecovery(current.startsOn, today),
      breakdown: recoveryBreakdown(current.startsOn, today),
      stage: stageOf(current.startsOn, today),
    },
    nextMilestone: { ...milestoneView(next), date: next.date, daysTo: next.daysTo },
    reachedMilestones: events
      .filter((e) => e.stretchId === current.id)
      .flatMap((e) => {
        const m = milestoneFromKey(e.milestone);
        return m
          ? [
              {
                id: e.id,
                milestone: milestoneView(m),
                reachedOn: e.reachedOn,
                congratulations: e.congratulations,
              },
            ]
          : [];
      })
      .sort((a, b) => (a.reachedOn < b.reachedOn ? 1 : -1)),
    ...historyOf(own, today),
  };
}

/** The later of two calendar dates (YYYY-MM-DD strings sort as dates). */
function laterDate(a: string, b: string): string {
  if (a > b) return a;
  return b;
}

/**
 * A clock I put away: its history as it stood that day. The stretch that was running when it was archived
 * is shown ending on that day (the row itself stays open, so bringing the clock back loses nothing).
 */
export function presentPastClock(
  clock: ClockRow & { archivedAt: string },
  stretches: StretchRow[],
  timeZone: string,
): PastClockView {
  const archivedOn = localDate(timeZone, new Date(clock.archivedAt));
  const own = newestFirst(stretches, clock.id).map((s) =>
    s.endsOn === null ? { ...s, endsOn: laterDate(s.startsOn, archivedOn) } : s,
  );
  return {
    id: clock.id,
    label: clock.label,
    visibleTo: clock.visibleTo as RecoveryAudience,
    archivedOn,
    ...historyOf(own, archivedOn),
  };
}

export function presentJourney(data: JourneyData, today: string): Journey {
  const clocks = data.clocks
    .filter((c) => c.archivedAt === null)
    .map((c) => presentClock(c, data.stretches, data.events, today))
    .filter((c): c is ClockView => c !== null);
  const pastClocks = data.clocks
    .flatMap((c) => (c.archivedAt === null ? [] : [{ ...c, archivedAt: c.archivedAt }]))
    .map((c) => presentPastClock(c, data.stretches, data.timeZone))
    .sort((a, b) => (a.archivedOn < b.archivedOn ? 1 : a.archivedOn > b.archivedOn ? -1 : 0));
  return {
    timeZone: data.timeZone,
    today,
    stage: clocks[0]?.current.stage ?? null,
    stageVisibleTo: data.stageVisibleTo as RecoveryAudience,
    clocks,
    pastClocks,
  };
}

type PersonNameRow = { personId: string; firstName: string; lastName: string; nameStyle: string };

export function presentCelebration(
  person: PersonNameRow,
  event: EventRow & { mine: boolean },
  viewerId: string,
): CelebrationView | null {
  const m = milestoneFromKey(event.milestone);
  if (!m) return null;
  return {
    id: event.id,
    personId: person.personId,
    displayName: displayNameOf(person),
    milestone: milestoneView(m),
    reachedOn: event.reachedOn,
    congratulations: event.congratulations,
    congratulatedByMe: event.mine,
    isMe: person.personId === viewerId,
  };
}

export function presentUpcoming(
  person: PersonNameRow,
  m: Milestone & { date: string },
  today: string,
): UpcomingMilestoneView {
  return {
    personId: person.personId,
    displayName: displayNameOf(person),
    milestone: milestoneView(m),
    date: m.date,
    daysTo: daysBetween(today, m.date),
  };
}

/** Newest first; on the same day by name. */
export function presentCelebrations(
  found: { person: PersonNameRow; event: EventRow & { mine: boolean } }[],
  viewerId: string,
): { celebrations: CelebrationView[] } {
  const celebrations = found
    .flatMap(({ person, event }) => {
      const view = presentCelebration(person, event, viewerId);
      return view ? [view] : [];
    })
    .sort((a, b) =>
      a.reachedOn < b.reachedOn
        ? 1
        : a.reachedOn > b.reachedOn
          ? -1
          : a.displayName.localeCompare(b.displayName),
    );
  return { celebrations };
}

/** Soonest first; on the same day by name. */
export function presentUpcomingMilestones(
  found: { person: PersonNameRow; milestone: Milestone & { date: string }; today: string }[],
): { upcoming: UpcomingMilestoneView[] } {
  const upcoming = found
    .map(({ person, milestone, today }) => presentUpcoming(person, milestone, today))
    .sort((a, b) => a.daysTo - b.daysTo || a.displayName.localeCompare(b.displayName));
  return { upcoming };
}
