// "Send me a test": one push to each of my devices right now, so a person sees what a push looks like
// and that this phone receives them. Nothing is added to the notifications list.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { people, pushSubscriptions } from '../../platform/database/schema.ts';
import { testPushWords } from './push-words.ts';
import { type PushOptions, pushToDevice } from './sender.ts';

export async function sendTestPush(db: Db, actor: Actor, options: PushOptions): Promise<{ devices: number }> {
  const devices = await db
    .select()
    .from(pushSubscriptions)
    .where(
      and(
        eq(pushSubscriptions.organizationId, actor.organizationId),
        eq(pushSubscriptions.personId, actor.personId),
      ),
    );
  if (devices.length === 0) return { devices: 0 };
  const [person] = await db
    .select({ language: people.language })
    .from(people)
    .where(eq(people.id, actor.personId));
  const message = {
    ...testPushWords(person?.language ?? 'en'),
    url: '/settings/notifications',
    tag: 'hearth-test',
    urgent: false,
  };
  const outcomes = await Promise.all(devices.map((d) => pushToDevice(db, d, message, options)));
  const gone = devices.filter((_, i) => outcomes[i] === 'gone').map((d) => d.id);
  if (gone.length > 0) await db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, gone));
  const delivered = devices.filter((_, i) => outcomes[i] === 'delivered').map((d) => d.id);
  if (delivered.length > 0) {
    await db
      .update(pushSubscriptions)
      .set({ lastPushedAt: sql`now()` })
      .where(inArray(pushSubscriptions.id, delivered));
  }
  return { devices: delivered.length };
}
