// Wakes this process's push sender: a LISTEN on `hearth_push` (a database trigger NOTIFYs it when
// notifications are inserted, delivered at commit) plus a slow sweep in case a NOTIFY was missed while
// the connection was down. Started by main.ts; the integration tests start it themselves.
import pg from 'pg';
import type { Db } from '../../platform/database/connect.ts';
import { drainPendingPushes, type PushOptions } from './sender.ts';
import { ensureVapidKeys } from './vapid.ts';

export const PUSH_CHANNEL = 'hearth_push';

export type PushSender = {
  /** Resolves once the current round (if any) is done. */
  idle: () => Promise<void>;
  stop: () => Promise<void>;
};

export async function startPushSender(input: {
  db: Db;
  databaseUrl: string;
  options: PushOptions;
  log?: (line: string) => void;
  sweepMs?: number;
}): Promise<PushSender> {
  const { db, databaseUrl, options } = input;
  const log = input.log ?? (() => {});
  await ensureVapidKeys(db);
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  const wake = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await drainPendingPushes(db, options);
        } catch (error) {
          log(`Web push: ${error instanceof Error ? error.message : String(error)}`);
        }
      } while (again && !stopped);
      running = null;
    })();
  };

  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: databaseUrl });
    const reconnect = () => {
      if (stopped || client !== next) return;
      client = null;
      next.end().catch(() => {});
      retry = setTimeout(() => void connect(), 1000);
      retry.unref();
    };
    next.on('error', reconnect);
    next.on('end', reconnect);
    next.on('notification', (message) => {
      if (message.channel === PUSH_CHANNEL) wake();
    });
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${PUSH_CHANNEL}`);
      wake(); // whatever arrived while we were not listening
    } catch {
      reconnect();
    }
  };
  await connect();
  const sweep = setInterval(wake, input.sweepMs ?? 60_000);
  sweep.unref();

  return {
    idle: async () => {
      while (running) await running;
    },
    stop: async () => {
      stopped = true;
      clearInterval(sweep);
      if (retry) clearTimeout(retry);
      const last = client;
      client = null;
      await last?.end().catch(() => {});
      while (running) await running;
    },
  };
}
