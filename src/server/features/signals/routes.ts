// Early-warning signals over HTTP: a house's signals for its peer leaders and admins, acknowledging one,
// the peer leader's day (decision 0032), and the organization's thresholds for its admins.
import { signalApi } from '../../../shared/contracts/signals.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { acknowledgeSignal, listHouseSignals } from './house-signals.ts';
import { acknowledgePerson, leaderDay, markSignalsSeen, undoAcknowledge } from './leader-day.ts';
import { presentLeaderDay, presentSignal, presentThresholds } from './presenters.ts';
import { saveThresholds, thresholdsOf } from './service.ts';

export function signalRoutes(app: App): void {
  route(app, signalApi.list, {
    policy: 'houseStaff',
    handler: async ({ db, actor, params, query }) => ({
      signals: (await listHouseSignals(db, actor, params.id, query.status === 'open')).map(presentSignal),
    }),
  });
  route(app, signalApi.acknowledge, {
    policy: 'houseStaff',
    handler: async ({ db, actor, params, body }) =>
      presentSignal(await acknowledgeSignal(db, actor, params.id, body.note)),
  });
  route(app, signalApi.today, {
    policy: 'houseStaff',
    handler: async ({ db, actor }) => presentLeaderDay(await leaderDay(db, actor)),
  });
  route(app, signalApi.seen, {
    policy: 'houseStaff',
    handler: async ({ db, actor, params, body }) => ({
      lastSeenAt: (await markSignalsSeen(db, actor, params.id, new Date(body.upTo))).toISOString(),
    }),
  });
  route(app, signalApi.acknowledgePerson, {
    policy: 'houseStaff',
    handler: async ({ db, actor, params, body }) => {
      const done = await acknowledgePerson(db, actor, params.id, params.personId, body.note);
      return { signals: done.signals.map(presentSignal), undoUntil: done.undoUntil.toISOString() };
    },
  });
  route(app, signalApi.undoAcknowledge, {
    policy: 'houseStaff',
    handler: async ({ db, actor, body }) => ({
      signals: (await undoAcknowledge(db, actor, body.ids)).map(presentSignal),
    }),
  });
  route(app, signalApi.settings, {
    policy: 'orgAdmin',
    handler: async ({ db, actor }) => presentThresholds(await thresholdsOf(db, actor.organizationId)),
  });
  route(app, signalApi.updateSettings, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, body }) => presentThresholds(await saveThresholds(db, actor, body)),
  });
}
