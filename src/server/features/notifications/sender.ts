// The push sender: after a notification is committed, web push to that person's devices, following their
// settings. Every process runs one; each notification is claimed by exactly one of them
// (`update … set pushed_at … where pushed_at is null … for update skip locked returning`), so a push goes
// out once however many processes heard about it. Decision 0018 explains the choices.
import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import webPush from 'web-push';
import { notificationPath, pushTiming } from '../../../shared/domain/notifications.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Executor } from '../../platform/database/executor.ts';
import {
  notificationSettings,
  notifications,
  pendingPushes,
  people,
  pushSubscriptions,
} from '../../platform/database/schema.ts';
import { OutboundError, type OutboundHooks, sendOutbound } from '../../platform/outbound.ts';
import { wakeDeliveryAt } from './delivery-queue.ts';
import { pushWords } from './push-words.ts';
import { checkEndpointShape } from './subscriptions.ts';
import { ensureVapidKeys, vapidSubject } from './vapid.ts';

/** A notification older than this when first seen is not pushed (the server was down): it is old news. */
export const PUSH_WINDOW_MINUTES = 15;
const BATCH = 200;
const SEND_TIMEOUT_MS = 10_000;
const PARALLEL_SENDS = 16;
/** A push service answers with a few bytes; more is not read. */
const PUSH_ANSWER_MAX_BYTES = 64_000;

export type PushOptions = {
  /** VAPID subject: mailto: or https: URL. */
  subject: string;
  allowPrivateEndpoints: boolean;
  /** Tests' resolver and address check (platform/outbound.ts). */
  outbound?: Partial<OutboundHooks>;
  /** How long a push service may take to answer (10 seconds unless a test says otherwise). */
  timeoutMs?: number;
};

/** Tries after the first that failed for a reason that may pass (decision 0033). */
export const MAX_RETRIES = 3;
/** 30 seconds, then 2 minutes, then 8: a push service that is down for a moment gets time to recover. */
export const retryDelayMs = (attempt: number): number => 30_000 * 4 ** (attempt - 1);

export function pushOptionsFrom(config: {
  pushContact?: string | undefined;
  publicUrl?: string | undefined;
  pushAllowPrivateEndpoints?: boolean;
}): PushOptions {
  return { subject: vapidSubject(config), allowPrivateEndpoints: config.pushAllowPrivateEndpoints === true };
}

export type PushReport = {
  claimed: number;
  /** Pushes a push service accepted (one per device). */
  delivered: number;
  /** Notifications held back by a muted topic or quiet hours. */
  heldBack: number;
  /** Of those, held back by quiet hours: they go out when quiet hours end. */
  deferred: number;
  /** Pushes that failed for a reason that may pass, to be tried again later. */
  retrying: number;
  /** Devices the push service says are gone (404/410), now forgotten. */
  removed: number;
  failed: number;
};

export type Claimed = {
  id: string;
  organization_id: string;
  person_id: string;
  kind: string;
  data: Record<string, unknown>;
};
export type Device = { id: string; personId: string; endpoint: string; p256dh: string; auth: string };

export type PushMessage = {
  title: string;
  body: string;
  url: string;
  tag: string;
  urgent: boolean;
  /** Replaces what the phone shows under the same tag, quietly (an alert resolved). */
  replace?: true;
};

/** 'gone': the push service no longer knows the device (404/410); 'retry': it failed for a reason that may pass. */
export type PushOutcome = 'delivered' | 'gone' | 'failed' | 'retry';

/** A timeout, a refused or dropped connection, a 5xx or a 429 may pass; anything else will not. */
const mayPass = (error: unknown): boolean =>
  error instanceof OutboundError && ['timeout', 'unreachable', 'incomplete'].includes(error.reason);

/** Sends one message to one device. */
export async function pushToDevice(
  db: Db,
  device: Pick<Device, 'endpoint' | 'p256dh' | 'auth'>,
  message: PushMessage,
  options: PushOptions,
): Promise<PushOutcome> {
  try {
    checkEndpointShape(device.endpoint, options.allowPrivateEndpoints);
  } catch {
    return 'failed';
  }
  const keys = await ensureVapidKeys(db);
  const details = webPush.generateRequestDetails(
    { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
    JSON.stringify(message),
    {
      vapidDetails: { subject: options.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
      contentEncoding: 'aes128gcm',
      // An alert is worth little an hour late; a reminder or a message keeps for half a day.
      TTL: message.urgent ? 15 * 60 : 12 * 60 * 60,
      urgency: message.urgent ? 'high' : 'normal',
    },
  );
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(details.headers)) {
    if (name.toLowerCase() !== 'content-length') headers[name] = String(value);
  }
  try {
    // Checked here, at send time, against what the endpoint's name resolves to now, and the push goes
    // to exactly that address (platform/outbound.ts).
    const response = await sendOutbound(
      details.endpoint,
      {
        method: 'POST',
        headers,
        body: details.body ? new Uint8Array(details.body) : null,
        timeoutMs: options.timeoutMs ?? SEND_TIMEOUT_MS,
        maxBytes: PUSH_ANSWER_MAX_BYTES,
      },
      { ...options.outbound, allowPrivate: options.allowPrivateEndpoints },
    );
    if (response.status === 404 || response.status === 410) return 'gone';
    if (response.status >= 500 || response.status === 429) return 'retry';
    return response.status >= 200 && response.status <= 299 ? 'delivered' : 'failed';
  } catch (error) {
    return mayPass(error) ? 'retry' : 'failed';
  }
}

// A claim is one set-based statement (update … where id in (select … for update skip locked)), which the
// builder cannot say: it is what makes each notification go out from exactly one process.
async function claimPending(db: Executor, now: Date): Promise<Claimed[]> {
  const result = await db.execute<Claimed>(sql`
    update notifications n set pushed_at = now()
    where n.pushed_at is null and n.id in (
      select id from notifications
      where pushed_at is null and created_at > ${now}::timestamptz - make_interval(mins => ${PUSH_WINDOW_MINUTES})
      order by created_at
      limit ${BATCH}
      for update skip locked
    )
    returning n.id, n.organization_id, n.person_id, n.kind, n.data`);
  return result.rows;
}

/** Old news is marked handled without a push, so the pending index stays small. */
async function retireStale(db: Executor, now: Date): Promise<void> {
  await db
    .update(notifications)
    .set({ pushedAt: sql`now()` })
    .where(
      and(
        isNull(notifications.pushedAt),
        lte(
          notifications.createdAt,
          sql`${now}::timestamptz - make_interval(mins => ${PUSH_WINDOW_MINUTES})`,
        ),
      ),
    );
}

/** Each person's language and settings, and the zone their quiet hours are read in (theirs, else their house's). */
export async function recipientsOf(db: Executor, personIds: string[]) {
  const rows = await db
    .select({
      personId: people.id,
      language: people.language,
      timeZone: sql<string>`coalesce(${people.timeZone}, (
        select r.time_zone from memberships m join residences r on r.id = m.residence_id
        where m.person_id = ${people.id} and hearth_membership_current(m)
        order by m.starts_on limit 1
      ), 'UTC')`,
      mutedTopics: notificationSettings.mutedTopics,
      quietFrom: notificationSettings.quietFrom,
      quietUntil: notificationSettings.quietUntil,
    })
    .from(people)
    .leftJoin(notificationSettings, eq(notificationSettings.personId, people.id))
    .where(inArray(people.id, personIds));
  return new Map(rows.map((r) => [r.personId, r]));
}

export async function devicesOf(db: Executor, personIds: string[]): Promise<Map<string, Device[]>> {
  const rows = await db
    .select({
      id: pushSubscriptions.id,
      personId: pushSubscriptions.personId,
      endpoint: pushSubscriptions.endpoint,
      p256dh: pushSubscriptions.p256dh,
      auth: pushSubscriptions.auth,
    })
    .from(pushSubscriptions)
    .where(inArray(pushSubscriptions.personId, personIds));
  const byPerson = new Map<string, Device[]>();
  for (const device of rows) {
    byPerson.set(device.personId, [...(byPerson.get(device.personId) ?? []), device]);
  }
  return byPerson;
}

type Recipient = Awaited<ReturnType<typeof recipientsOf>> extends Map<string, infer R> ? R : never;

/** What a notification says on a lock screen now, in the person's language. */
export function messageFor(notification: Claimed, person: Pick<Recipient, 'language'>): PushMessage {
  const words = pushWords(notification.kind, person.language, notification.data);
  return {
    ...words,
    url: notificationPath(notification.kind, notification.data),
    tag: notification.id,
    urgent: notification.data.urgent === true,
  };
}

/** One push to one device, and what became of it. */
export type Send = { notification: Claimed; device: Device; message: PushMessage; attempts: number };

/**
 * Sends a few at a time (an organization-wide notification must not open a thousand connections at
 * once), forgets gone devices, and keeps a try for later of each push that failed for a reason that may
 * pass, until it has been tried MAX_RETRIES times more.
 */
export async function sendEach(
  db: Db,
  sends: Send[],
  options: PushOptions,
  now: Date,
  report: PushReport,
): Promise<void> {
  const delivered: string[] = [];
  const gone: string[] = [];
  const again: Send[] = [];
  const queue = [...sends];
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL_SENDS, queue.length) }, async () => {
      for (let send = queue.shift(); send; send = queue.shift()) {
        const outcome = await pushToDevice(db, send.device, send.message, options);
        if (outcome === 'delivered') delivered.push(send.device.id);
        else if (outcome === 'gone') gone.push(send.device.id);
        else if (outcome === 'retry' && send.attempts < MAX_RETRIES) again.push(send);
        else report.failed += 1;
      }
    }),
  );
  report.delivered += delivered.length;
  report.removed += new Set(gone).size;
  report.retrying += again.length;
  if (gone.length > 0) {
    await db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, [...new Set(gone)]));
  }
  if (delivered.length > 0) {
    await db
      .update(pushSubscriptions)
      .set({ lastPushedAt: sql`now()` })
      .where(inArray(pushSubscriptions.id, [...new Set(delivered)]));
  }
  if (again.length > 0) {
    const rows = again.map(({ notification, device, message, attempts }) => ({
      organizationId: notification.organization_id,
      notificationId: notification.id,
      personId: notification.person_id,
      subscriptionId: device.id,
      purpose: message.replace ? ('replace' as const) : ('deliver' as const),
      attempts: attempts + 1,
      dueAt: new Date(now.getTime() + retryDelayMs(attempts + 1)),
    }));
    await waitForLater(db, rows);
  }
}

/** Keeps pushes for later, and asks the job queue to look when the first is due. */
export async function waitForLater(db: Executor, rows: (typeof pendingPushes.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(pendingPushes).values(rows);
  const first = Math.min(...rows.map((r) => r.dueAt.getTime()));
  await wakeDeliveryAt(new Date(first));
}

/** One round: claims what is pending, pushes what each person's settings allow, forgets gone devices. */
export async function sendPendingPushes(
  db: Db,
  options: PushOptions,
  now: Date = new Date(),
): Promise<PushReport> {
  const report: PushReport = emptyReport();
  const claimed = await claimPending(db, now);
  report.claimed = claimed.length;
  if (claimed.length === 0) return report;
  const personIds = [...new Set(claimed.map((n) => n.person_id))];
  const devices = await devicesOf(db, personIds);
  if (devices.size === 0) return report;
  const recipients = await recipientsOf(db, [...devices.keys()]);
  const sends: Send[] = [];
  const later: (typeof pendingPushes.$inferInsert)[] = [];
  for (const notification of claimed) {
    const mine = devices.get(notification.person_id);
    const person = recipients.get(notification.person_id);
    if (!mine || !person) continue;
    const { decision, dueAt } = pushTiming(
      { kind: notification.kind, urgent: notification.data.urgent === true },
      person,
      now,
    );
    if (decision !== 'send') {
      report.heldBack += 1;
      // Quiet hours only hold a push back until they end; a muted topic never comes by push.
      if (dueAt) {
        report.deferred += 1;
        later.push({
          organizationId: notification.organization_id,
          notificationId: notification.id,
          personId: notification.person_id,
          purpose: 'deliver',
          dueAt,
        });
      }
      continue;
    }
    const message = messageFor(notification, person);
    for (const device of mine) sends.push({ notification, device, message, attempts: 0 });
  }
  await waitForLater(db, later);
  await sendEach(db, sends, options, now, report);
  return report;
}

export const emptyReport = (): PushReport => ({
  claimed: 0,
  delivered: 0,
  heldBack: 0,
  deferred: 0,
  retrying: 0,
  removed: 0,
  failed: 0,
});

/** Rounds until nothing is pending; then the old news is retired. */
export async function drainPendingPushes(
  db: Db,
  options: PushOptions,
  now: Date = new Date(),
): Promise<PushReport> {
  const total: PushReport = emptyReport();
  for (;;) {
    const round = await sendPendingPushes(db, options, now);
    for (const key of Object.keys(total) as (keyof PushReport)[]) total[key] += round[key];
    if (round.claimed < BATCH) break;
  }
  await retireStale(db, now);
  return total;
}
