// Our public Meeting Guide feed. Meeting-finder apps poll it often, so the rendered JSON is kept per
// organization until the directory changes (writes through this app clear it) or a minute passes
// (another app server may have changed it).
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { and, asc, eq } from 'drizzle-orm';
import { toFeedMeeting } from '../../../shared/domain/meeting-guide.ts';
import type { Db } from '../../platform/database/connect.ts';
import { organizations, outsideMeetings } from '../../platform/database/schema.ts';
import { toDirectoryMeeting } from './presenters.ts';

export type RenderedFeed = {
  organizationId: string;
  body: string;
  /** The same body gzipped once, for apps that accept it (most do): a 500-meeting feed shrinks ~10×. */
  gzipped: Buffer;
  etag: string;
  lastModified: Date;
  renderedAt: number;
};

const TTL_MS = 60_000;
const MAX_ENTRIES = 1000;
const caches = new WeakMap<Db, Map<string, RenderedFeed>>();

function cacheOf(db: Db): Map<string, RenderedFeed> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/** After any change to an organization's directory. */
export function forgetFeed(db: Db, organizationId: string): void {
  const cache = cacheOf(db);
  for (const [slug, entry] of cache) if (entry.organizationId === organizationId) cache.delete(slug);
}

/** The feed of an organization by its slug; null when no organization has that slug. */
export async function publicFeed(db: Db, slug: string, now = Date.now()): Promise<RenderedFeed | null> {
  const cache = cacheOf(db);
  const cached = cache.get(slug);
  if (cached && now - cached.renderedAt < TTL_MS) return cached;
  const [org] = await db
    .select({ id: organizations.id, meetingArea: organizations.meetingArea })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  if (!org) return null;
  const rows = await db
    .select()
    .from(outsideMeetings)
    .where(and(eq(outsideMeetings.organizationId, org.id), eq(outsideMeetings.isPublic, true)))
    .orderBy(asc(outsideMeetings.slug));
  const body = JSON.stringify(
    rows.map((row) => toFeedMeeting(toDirectoryMeeting(row), row.updatedAt, org.meetingArea)),
  );
  let lastModified = new Date(0);
  for (const row of rows) if (row.updatedAt > lastModified) lastModified = row.updatedAt;
  const entry: RenderedFeed = {
    organizationId: org.id,
    body,
    gzipped: zlib.gzipSync(body),
    etag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    lastModified,
    renderedAt: now,
  };
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(slug, entry);
  return entry;
}
