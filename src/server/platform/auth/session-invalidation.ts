// Hears the database announce that a person's sessions changed (channel hearth_sessions, sent by
// triggers at commit: drizzle/0007_session_cache_notify.sql) and makes this process's session memory
// forget them. Its own connection, so it never holds one of the pool's. When the connection drops the
// memory is switched off and emptied until listening again, so no stale session is ever trusted.
import pg from 'pg';
import type { SessionCache } from './sessions.ts';

export const SESSIONS_CHANNEL = 'hearth_sessions';

export type SessionInvalidation = { stop: () => Promise<void> };

export function listenForSessionChanges(
  connection: pg.ClientConfig,
  cache: SessionCache,
  log: { warn: (obj: object, msg: string) => void },
): SessionInvalidation {
  let client: pg.Client | null = null;
  let stopped = false;
  let retryMs = 200;
  let timer: NodeJS.Timeout | null = null;

  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ ...connection, options: '-c TimeZone=UTC' });
    client = next;
    const lost = (error?: Error) => {
      cache.setListening(false);
      next.removeAllListeners();
      next.on('error', () => {});
      next.end().catch(() => {});
      if (client === next) client = null;
      if (stopped) return;
      if (error) log.warn({ err: error.message }, 'session change listener lost; retrying');
      timer = setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
    next.on('error', lost);
    next.on('end', () => lost());
    next.on('notification', (message) => {
      if (message.channel === SESSIONS_CHANNEL && message.payload) cache.forgetPerson(message.payload);
    });
    try {
      await next.connect();
      await next.query(`listen ${SESSIONS_CHANNEL}`);
      if (stopped) {
        await next.end();
        return;
      }
      retryMs = 200;
      cache.setListening(true);
    } catch (error) {
      lost(error as Error);
    }
  };
  void connect();

  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      cache.setListening(false);
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners();
        current.on('error', () => {});
        await current.end().catch(() => {});
      }
    },
  };
}
