import { z } from 'zod';
import type { App } from '../../platform/types.ts';

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
      try {
        await app.db.$client.query('select 1');
        return { status: 'ok' as const, database: 'up' as const };
      } catch {
        return reply.status(503).send({ status: 'degraded', database: 'down' });
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
