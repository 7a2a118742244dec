// What the journey shows: my clocks in full to me; to others only a name, a milestone and a date.
import type {
  CelebrationView,
  ClockView,
  Journey,
  UpcomingMilestoneView,
} from '../../../shared/contracts/journey.ts';
import { type Milestone, milestoneFromKey, nextMilestone } from '../../../shared/domain/milestones.ts';
import {
  daysBetween,
  daysInRecovery,
  type RecoveryAudience,
  recoveryBreakdown,
} from '../../../shared/domain/recovery-time.ts';
import { stageOf } from '../../../shared/domain/stages.ts';
import { displayNameOf } from '../people/presenters.ts';
import type { ClockRow, StretchRow } from './service.ts';

type EventRow = {
  id: string;
  stretchId: string;
  milestone: string;
  reachedOn: string;
  congratulations: number;
};

const milestoneView = (m: Milestone) => ({ key: m.key, unit: m.unit, count: m.count });

function stretchDays(s: StretchRow, today: string): number {
  return daysInRecovery(s.startsOn, s.endsOn ?? today);
}

export function presentClock(
  clock: ClockRow,
  stretches: StretchRow[],
  events: EventRow[],
  today: string,
): ClockView | null {
  const own = stretches
    .filter((s) => s.clockId === clock.id)
    .sort((a, b) => (a.startsOn < b.startsOn ? 1 : -1));
  const current = own.find((s) => s.endsOn === null);
  if (!current) return null;
  const next = nextMilestone(current.startsOn, today);
  const days = own.map((s) => stretchDays(s, today));
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
    longestDays: Math.max(0, ...days),
    totalDays: days.reduce((sum, d) => sum + d, 0),
    resets: own.length - 1,
    stretches: own.map((s) => ({
      id: s.id,
      startsOn: s.startsOn,
      endsOn: s.endsOn,
      days: stretchDays(s, today),
    })),
  };
}

export function presentJourney(
  data: { clocks: ClockRow[]; stretches: StretchRow[]; events: EventRow[] },
  zone: { timeZone: string; stageVisibleTo: string },
  today: string,
): Journey {
  const clocks = data.clocks
    .map((c) => presentClock(c, data.stretches, data.events, today))
    .filter((c): c is ClockView => c !== null);
  return {
    timeZone: zone.timeZone,
    today,
    stage: clocks[0]?.current.stage ?? null,
    stageVisibleTo: zone.stageVisibleTo as RecoveryAudience,
    clocks,
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
