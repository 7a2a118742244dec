import { z } from 'zod';
import type { App } from '../../platform/types.ts';

/** How long health waits for the database: a frozen or unreachable one is "down" within this, not after it thaws. */
export const HEALTH_TIMEOUT_MS = 1000;

const HealthSchema = z.object({ status: z.enum(['ok', 'degraded']), database: z.enum(['up', 'down']) });
const PingSchema = z.object({ ok: z.literal(true) });

export function healthRoutes(app: App): void {
  app.get(
    '/api/health',
    {
      config: { policy: 'public' },
      schema: {
        summary: 'Whether Hearth and its database are reachable',
        tags: ['health'],
        response: { 200: HealthSchema, 503: HealthSchema },
      },
    },
    async (_request, reply) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        // The query's own timeout drops a connection that does not answer; the timer also covers the
        // wait for a free connection of the pool.
        const ping = { text: 'select 1', query_timeout: HEALTH_TIMEOUT_MS };
        await Promise.race([
          app.db.$client.query(ping),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('health timed out')), HEALTH_TIMEOUT_MS);
          }),
        ]);
        return { status: 'ok' as const, database: 'up' as const };
      } catch {
        return reply.status(503).send({ status: 'degraded', database: 'down' });
      } finally {
        clearTimeout(timer);
      }
    },
  );

  // The app alone, without the database: load balancers' liveness checks and the benchmark's bare route.
  app.get(
    '/api/ping',
    {
      config: { policy: 'public' },
      schema: {
        summary: 'Whether the Hearth process answers (no database)',
        tags: ['health'],
        response: { 200: PingSchema },
      },
    },
    async () => ({ ok: true as const }),
  );
}
