// Where a page of people continues from (`next` of the page before, `after` of the next request): the
// last one's name and id, as URL-safe base64 of a JSON array. Here, not in contracts/people.ts, so that
// contract module stays data and schemas only (scripts/contracts-for-web.ts, decision 0029).
import { z } from 'zod';

export const PeopleCursorSchema = z.object({ firstName: z.string(), lastName: z.string(), id: z.uuid() });
export type PeopleCursor = z.infer<typeof PeopleCursorSchema>;

const decodeCursor = (text: string): unknown => {
  try {
    const [firstName, lastName, id] = JSON.parse(
      new TextDecoder().decode(
        Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
      ),
    ) as unknown[];
    return { firstName, lastName, id };
  } catch {
    return null;
  }
};

export const encodePeopleCursor = (c: PeopleCursor): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify([c.firstName, c.lastName, c.id]))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

export const parsePeopleCursor = (text: string): PeopleCursor | null => {
  const parsed = PeopleCursorSchema.safeParse(decodeCursor(text));
  return parsed.success ? parsed.data : null;
};
