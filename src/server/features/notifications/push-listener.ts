// Wakes this process's push sender: a LISTEN on `hearth_push` (platform/database/listener.ts) (a database trigger NOTIFYs it when
// notifications are inserted, delivered at commit) plus a slow sweep in case a NOTIFY was missed while
// the connection was down. Started by main.ts; the integration tests start it themselves.
import type { Db } from '../../platform/database/connect.ts';
import { DatabaseListener } from '../../platform/database/listener.ts';
import { describeError } from '../../platform/errors.ts';
import { drainDuePushes } from './pending.ts';
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
          // A replacement (an alert resolved) is due at once; later waits are the jobs' (jobs.ts).
          await drainDuePushes(db, options, new Date());
        } catch (error) {
          log(`Web push: ${describeError(error)}`);
        }
      } while (again && !stopped);
      running = null;
    })();
  };

  // Its own LISTEN connection; after a drop it comes back by itself and drains what arrived meanwhile.
  const listener = new DatabaseListener(
    { connectionString: databaseUrl },
    { channels: { [PUSH_CHANNEL]: wake }, onListening: wake },
    { warn: (_obj, msg) => log(`Web push: ${msg}`) },
    'push listener',
  );
  await listener.startAndKeepTrying(1000);
  const sweep = setInterval(wake, input.sweepMs ?? 60_000);
  sweep.unref();

  return {
    idle: async () => {
      while (running) await running;
    },
    stop: async () => {
      stopped = true;
      clearInterval(sweep);
      await listener.stop();
      while (running) await running;
    },
  };
}
