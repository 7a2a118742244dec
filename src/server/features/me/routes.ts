import { meApi } from '../../../shared/contracts/people.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { dismissWelcome, loadMe, updateMe } from './service.ts';

export function meRoutes(app: App): void {
  route(app, meApi.get, {
    policy: 'signedIn',
    handler: async ({ db, actor }) => await loadMe(db, actor),
  });
  route(app, meApi.updateProfile, {
    policy: 'signedIn',
    handler: async ({ db, actor, body }) => await updateMe(db, actor, body),
  });
  route(app, meApi.dismissWelcome, {
    policy: 'signedIn',
    handler: async ({ db, actor }) => await dismissWelcome(db, actor),
  });
  route(app, meApi.updatePrivacy, {
    policy: 'signedIn',
    handler: async ({ db, actor, body }) => await updateMe(db, actor, body),
  });
}
