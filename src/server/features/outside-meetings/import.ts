// Importing a Meeting Guide feed: fetched from its address (with a time and size limit, public hosts
// only unless configured) or uploaded, merged by slug in one transaction, with a report of every row
// that could not be used and why.
import dns from 'node:dns/promises';
import net from 'node:net';
import { sql } from 'drizzle-orm';
import type { ImportReport } from '../../../shared/contracts/outside-meetings.ts';
import { type ImportDefaults, parseFeed } from '../../../shared/domain/meeting-guide.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { outsideMeetings } from '../../platform/database/schema.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { forgetFeed } from './feed.ts';

export const FEED_MAX_BYTES = 5_000_000;
export const FEED_TIMEOUT_MS = 10_000;
const REPORT_LIMIT = 500;
const CHUNK = 500;

export function isPrivateAddress(address: string): boolean {
  if (net.isIPv4(address)) {
    const [a, b] = address.split('.').map(Number) as [number, number];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      a >= 224
    );
  }
  const lower = address.toLowerCase();
  if (lower.startsWith('::ffff:')) return isPrivateAddress(lower.slice(7));
  return lower === '::' || lower === '::1' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower);
}

const unreachable = (message: string) =>
  new AppError('bad_request', `url: ${message}`, [{ field: 'url', message }]);

/** The feed's text, or a 400 naming what went wrong (not found, too slow, too large, not allowed). */
export async function fetchFeed(
  url: string,
  allowPrivateHosts: boolean,
  timeoutMs = FEED_TIMEOUT_MS,
): Promise<string> {
  const target = new URL(url);
  if (!allowPrivateHosts) {
    const host = target.hostname.replace(/^\[|\]$/g, '');
    const addresses = net.isIP(host)
      ? [host]
      : await dns
          .lookup(host, { all: true })
          .then((list) => list.map((a) => a.address))
          .catch(() => {
            throw unreachable('could not be found');
          });
    if (addresses.some(isPrivateAddress)) throw unreachable('points at a private network address');
  }
  let response: Response;
  try {
    response = await fetch(target, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: allowPrivateHosts ? 'follow' : 'error',
      headers: { accept: 'application/json' },
    });
  } catch (error) {
    const name = (error as Error).name;
    throw unreachable(name === 'TimeoutError' ? 'did not answer within 10 seconds' : 'could not be reached');
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw unreachable(`answered with status ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > FEED_MAX_BYTES) {
    await response.body?.cancel();
    throw new AppError('payload_too_large', 'url: the feed is larger than 5 MB', [
      { field: 'url', message: 'the feed is larger than 5 MB' },
    ]);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > FEED_MAX_BYTES) {
        await reader.cancel();
        throw new AppError('payload_too_large', 'url: the feed is larger than 5 MB', [
          { field: 'url', message: 'the feed is larger than 5 MB' },
        ]);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreachable('stopped sending before the feed was complete');
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The feed as a list of rows; not JSON or not a list → 400 and nothing is written. */
export function readFeedText(text: string, field: 'feed' | 'url'): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('bad_request', `${field}: is not JSON`, [{ field, message: 'is not JSON' }]);
  }
  if (!Array.isArray(value)) throw invalid(field, 'must be a JSON list of meetings (a Meeting Guide feed)');
  return value;
}

/** Valid rows go in together, in one transaction; rows that could not be used are listed, not written. */
export async function importFeed(
  db: Db,
  actor: Actor,
  rows: unknown[],
  defaults: ImportDefaults,
  sourceUrl: string | null,
): Promise<ImportReport> {
  const parsed = parseFeed(rows, defaults);
  let inserted = 0;
  let updated = 0;
  await db.transaction(async (tx) => {
    for (let i = 0; i < parsed.meetings.length; i += CHUNK) {
      const values = parsed.meetings.slice(i, i + CHUNK).map(({ meeting }) => ({
        ...meeting,
        organizationId: actor.organizationId,
        source: 'import',
        sourceUrl,
        isPublic: false,
      }));
      const result = await tx
        .insert(outsideMeetings)
        .values(values)
        .onConflictDoUpdate({
          target: [outsideMeetings.organizationId, outsideMeetings.slug],
          // What the feed says wins; what the organization curated (published, program focus, fellowship) stays.
          set: {
            name: sql`excluded.name`,
            days: sql`excluded.days`,
            time: sql`excluded.time`,
            endTime: sql`excluded.end_time`,
            timeZone: sql`excluded.time_zone`,
            types: sql`excluded.types`,
            languages: sql`case when cardinality(excluded.languages) > 0 then excluded.languages else ${outsideMeetings.languages} end`,
            notes: sql`excluded.notes`,
            location: sql`excluded.location`,
            locationNotes: sql`excluded.location_notes`,
            formattedAddress: sql`excluded.formatted_address`,
            region: sql`excluded.region`,
            conferenceUrl: sql`excluded.conference_url`,
            conferenceUrlNotes: sql`excluded.conference_url_notes`,
            conferencePhone: sql`excluded.conference_phone`,
            conferencePhoneNotes: sql`excluded.conference_phone_notes`,
            groupName: sql`excluded.group_name`,
            url: sql`excluded.url`,
            sourceUrl: sql`excluded.source_url`,
            updatedAt: sql`now()`,
          },
        })
        .returning({ inserted: sql<boolean>`(xmax = 0)` });
      for (const r of result) {
        if (r.inserted) inserted++;
        else updated++;
      }
    }
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'outside_meeting.import',
      subjectType: 'organization',
      subjectId: actor.organizationId,
      detail: {
        total: parsed.total,
        inserted,
        updated,
        skipped: parsed.skipped.length,
        fromUrl: sourceUrl !== null,
      },
    });
  });
  forgetFeed(db, actor.organizationId);
  const skippedRows = new Set(parsed.skipped.map((p) => p.index));
  return {
    total: parsed.total,
    inserted,
    updated,
    skippedCount: skippedRows.size,
    skipped: parsed.skipped.slice(0, REPORT_LIMIT),
    adjustedCount: parsed.adjusted.length,
    adjusted: parsed.adjusted.slice(0, REPORT_LIMIT),
  };
}
