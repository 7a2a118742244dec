// What the journey tells its person: a milestone reached, and a peer's congratulations. Only ever the
// clock's own person hears of it (a clock kept to "only me" tells nobody else anything), in the list
// always and by push as their settings say (the "celebrations" topic, quiet hours). Never the clock's label.
import { addDays } from '../../../shared/domain/recovery-time.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { notifyPeople } from '../../platform/notify.ts';
import { nameOf } from '../reach-out/views.ts';
import type { ReachedMilestone } from './service.ts';

/** Milestones found this long after their day (a clock started with an old date) are history, not news. */
const NEWS_DAYS = 7;

export async function notifyMilestonesReached(
  db: Executor,
  reached: readonly ReachedMilestone[],
  today: string,
): Promise<void> {
  const since = addDays(today, -NEWS_DAYS);
  for (const event of reached) {
    if (event.reachedOn < since) continue;
    await notifyPeople(db, {
      organizationId: event.organizationId,
      personIds: [event.personId],
      kind: 'milestone_reached',
      data: { milestoneEventId: event.id, milestone: event.milestone, reachedOn: event.reachedOn },
      dedupeKey: `milestone_reached:${event.id}`,
    });
  }
}

/** A peer congratulated the person on a milestone: they hear who, once per peer and milestone. */
export async function notifyCongratulation(
  db: Executor,
  actor: Actor,
  event: { id: string; personId: string; milestone: string },
): Promise<void> {
  await notifyPeople(db, {
    organizationId: actor.organizationId,
    personIds: [event.personId],
    kind: 'congratulations',
    data: {
      milestoneEventId: event.id,
      milestone: event.milestone,
      personName: await nameOf(db, actor.personId),
    },
    dedupeKey: `congratulations:${event.id}:${actor.personId}`,
  });
}
