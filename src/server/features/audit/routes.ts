import { auditApi } from '../../../shared/contracts/audit.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { listAuditEvents } from './service.ts';

export function auditRoutes(app: App): void {
  route(app, auditApi.list, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, query }) => ({ events: await listAuditEvents(db, actor, query) }),
  });
}
