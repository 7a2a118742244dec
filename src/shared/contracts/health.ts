// Whether Hearth answers: for load balancers, monitoring and the benchmark's bare route.
import { z } from 'zod';
import { endpoint } from './endpoint.ts';

export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['up', 'down']),
});
export const PingSchema = z.object({ ok: z.literal(true) });

export const healthApi = {
  health: endpoint({
    method: 'GET',
    path: '/api/health',
    operationId: 'getHealth',
    summary: 'Whether Hearth and its database are reachable',
    tags: ['health'],
    // 503 is an answer, not a refusal: the same body, saying the database is down.
    responses: { 200: HealthSchema, 503: HealthSchema },
  }),
  ping: endpoint({
    method: 'GET',
    path: '/api/ping',
    operationId: 'ping',
    summary: 'Whether the Hearth process answers (no database)',
    tags: ['health'],
    responses: { 200: PingSchema },
  }),
} as const;
