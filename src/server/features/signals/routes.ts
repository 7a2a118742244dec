// Early-warning signals over HTTP: a house's signals for its peer leaders and admins, acknowledging one,
// and the organization's thresholds for its admins.
import { signalApi } from '../../../shared/contracts/signals.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { acknowledgeSignal, listHouseSignals } from './house-signals.ts';
import { presentSignal, presentThresholds } from './presenters.ts';
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
  route(app, signalApi.settings, {
    policy: 'orgAdmin',
    handler: async ({ db, actor }) => presentThresholds(await thresholdsOf(db, actor.organizationId)),
  });
  route(app, signalApi.updateSettings, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, body }) => presentThresholds(await saveThresholds(db, actor, body)),
  });
}
