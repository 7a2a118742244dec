// Pino options: request logs carry method, route and status only — never bodies, cookies, names or IPs.
import type { FastifyLoggerOptions, PinoLoggerOptions } from 'fastify/types/logger.js';
import type { Config } from './config.ts';

export function loggerOptions(config: Pick<Config, 'logLevel'>): FastifyLoggerOptions & PinoLoggerOptions {
  return {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      remove: true,
    },
    serializers: {
      req: (req: { method: string; routeOptions?: { url?: string }; url: string }) => ({
        method: req.method,
        route: req.routeOptions?.url ?? req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
