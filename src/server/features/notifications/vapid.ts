// The server's VAPID keys: made once, at first start, and kept in the database so every Hearth process
// signs pushes with the same key the browsers subscribed with.
import { sql } from 'drizzle-orm';
import webPush from 'web-push';
import type { Db } from '../../platform/database/connect.ts';
import { pushVapidKeys } from '../../platform/database/schema.ts';

export type VapidKeys = { publicKey: string; privateKey: string };

const known = new WeakMap<Db, VapidKeys>();

/** The keys, made now if this is the first start (two processes racing keep the first one's). */
export async function ensureVapidKeys(db: Db): Promise<VapidKeys> {
  const cached = known.get(db);
  if (cached) return cached;
  const fresh = webPush.generateVAPIDKeys();
  await db
    .insert(pushVapidKeys)
    .values({ id: 1, publicKey: fresh.publicKey, privateKey: fresh.privateKey })
    .onConflictDoNothing();
  const [row] = await db
    .select({ publicKey: pushVapidKeys.publicKey, privateKey: pushVapidKeys.privateKey })
    .from(pushVapidKeys)
    .where(sql`${pushVapidKeys.id} = 1`);
  if (!row) throw new Error('The VAPID keys could not be stored.');
  known.set(db, row);
  return row;
}

/** Who push services may contact: the configured address, else an https public URL, else a placeholder. */
export function vapidSubject(config: {
  pushContact?: string | undefined;
  publicUrl?: string | undefined;
}): string {
  if (config.pushContact) return config.pushContact;
  if (config.publicUrl?.startsWith('https://') && !new URL(config.publicUrl).hostname.endsWith('localhost')) {
    return config.publicUrl;
  }
  return 'mailto:push@hearth.invalid';
}
