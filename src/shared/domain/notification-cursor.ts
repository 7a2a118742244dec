// Where a page of my notifications continues from (`nextBefore` of the page before, `before` of the
// next request): the last one's time to the microsecond and its id, as URL-safe base64 of a JSON array.
// The id breaks ties, so notifications made in the same millisecond are never skipped at a page's edge.
// Here, not in contracts/notifications.ts, so that contract module stays data and schemas only
// (scripts/contracts-for-web.ts, decision 0029).
import { z } from 'zod';

export const NotificationCursorSchema = z.object({
  at: z.iso.datetime({ offset: true, precision: 6 }),
  id: z.uuid(),
});
export type NotificationCursor = z.infer<typeof NotificationCursorSchema>;

const fromBase64Url = (text: string): string =>
  new TextDecoder().decode(
    Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
  );

export const encodeNotificationCursor = (c: NotificationCursor): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify([c.at, c.id]))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

export const parseNotificationCursor = (text: string): NotificationCursor | null => {
  try {
    const [at, id] = JSON.parse(fromBase64Url(text)) as unknown[];
    const parsed = NotificationCursorSchema.safeParse({ at, id });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};
