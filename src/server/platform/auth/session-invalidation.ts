// Hears the database announce that a person's sessions changed (channel hearth_sessions, sent by
// triggers at commit: drizzle/0007_session_cache_notify.sql) and makes this process's session memory
// forget them. Its own LISTEN connection (platform/database/listener.ts). While that connection is down
// the memory is switched off and emptied until listening again, so no stale session is ever trusted.
import type pg from 'pg';
import { DatabaseListener } from '../database/listener.ts';
import type { SessionCache } from './sessions.ts';

export const SESSIONS_CHANNEL = 'hearth_sessions';

/** A person's id, or `organization:<id>` when what every session of an organization carries changed. */
function forget(cache: SessionCache, payload: string): void {
  if (!payload) return;
  if (payload.startsWith(ORGANIZATION_PREFIX))
    cache.forgetOrganization(payload.slice(ORGANIZATION_PREFIX.length));
  else cache.forgetPerson(payload);
}
const ORGANIZATION_PREFIX = 'organization:';

export type SessionInvalidation = { stop: () => Promise<void> };

export function listenForSessionChanges(
  connection: pg.ClientConfig,
  cache: SessionCache,
  log: { warn: (obj: object, msg: string) => void },
): SessionInvalidation {
  const listener = new DatabaseListener(
    connection,
    {
      channels: { [SESSIONS_CHANNEL]: (payload) => forget(cache, payload) },
      onListening: () => cache.setListening(true),
      onLost: () => cache.setListening(false),
    },
    log,
    'session change listener',
  );
  void listener.startAndKeepTrying();
  return {
    stop: async () => {
      cache.setListening(false);
      await listener.stop();
    },
  };
}
