import { healthApi } from '../../../shared/contracts/health.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';

/** How long health waits for the database: a frozen or unreachable one is "down" within this, not after it thaws. */
export const HEALTH_TIMEOUT_MS = 1000;

export function healthRoutes(app: App): void {
  route(app, healthApi.health, {
    policy: 'public',
    handler: async ({ reply }) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        // On the pool itself, not the builder: the query's own timeout drops a connection that does not
        // answer, and the timer also covers the wait for a free connection.
        const ping = { text: 'select 1', query_timeout: HEALTH_TIMEOUT_MS };
        await Promise.race([
          app.db.$client.query(ping),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('health timed out')), HEALTH_TIMEOUT_MS);
          }),
        ]);
        return { status: 'ok' as const, database: 'up' as const };
      } catch {
        reply.status(503);
        return { status: 'degraded' as const, database: 'down' as const };
      } finally {
        clearTimeout(timer);
      }
    },
  });

  // The app alone, without the database: load balancers' liveness checks and the benchmark's bare route.
  route(app, healthApi.ping, {
    policy: 'public',
    handler: () => ({ ok: true as const }),
  });
}
