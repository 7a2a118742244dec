// Importing a Meeting Guide feed: fetched from its address (with a time and size limit, public hosts
// only unless configured: platform/outbound.ts) or uploaded, merged by slug in one transaction, with a report of every row
// that could not be used and why.
import { sql } from 'drizzle-orm';
import type { ImportInput, ImportReport } from '../../../shared/contracts/outside-meetings.ts';
import { type ImportDefaults, parseFeed } from '../../../shared/domain/meeting-guide.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { outsideMeetings } from '../../platform/database/schema.ts';
import { refuse } from '../../platform/errors.ts';
import {
  OutboundError,
  type OutboundFailure,
  type OutboundPolicy,
  type OutboundResponse,
  sendOutbound,
} from '../../platform/outbound.ts';
import { forgetFeed } from './feed.ts';

export const FEED_MAX_BYTES = 5_000_000;
export const FEED_TIMEOUT_MS = 10_000;
const REPORT_LIMIT = 500;
const CHUNK = 500;

// What the admin hears. A status or an error from the other side is never passed on: on a private
// network it would tell which internal services exist.
const FAILURES = {
  not_http: 'outside_meetings.feed_not_http',
  not_found: 'outside_meetings.feed_not_found',
  private_address: 'outside_meetings.feed_private_address',
  unreachable: 'outside_meetings.feed_unreachable',
  timeout: 'outside_meetings.feed_timeout',
  incomplete: 'outside_meetings.feed_incomplete',
  redirect: 'outside_meetings.feed_unreadable',
  too_large: 'outside_meetings.feed_too_large',
} as const satisfies Record<OutboundFailure, string>;

/** The feed's text, or a 400 naming what went wrong (not found, too slow, too large, not allowed). */
export async function fetchFeed(
  url: string,
  policy: OutboundPolicy,
  timeoutMs = FEED_TIMEOUT_MS,
): Promise<string> {
  let response: OutboundResponse;
  try {
    response = await sendOutbound(
      url,
      { headers: { accept: 'application/json' }, timeoutMs, maxBytes: FEED_MAX_BYTES, maxRedirects: 5 },
      policy,
    );
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    throw refuse(FAILURES[error.reason], { field: 'url' });
  }
  if (response.status < 200 || response.status > 299)
    throw refuse('outside_meetings.feed_unreadable', { field: 'url' });
  return response.body.toString('utf8');
}

/** The feed as a list of rows; not JSON or not a list → 400 and nothing is written. */
export function readFeedText(text: string, field: 'feed' | 'url'): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw refuse('outside_meetings.feed_not_json', { field });
  }
  if (!Array.isArray(value)) throw refuse('outside_meetings.feed_not_a_list', { field });
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
            approximate: sql`excluded.approximate`,
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

/** An import as an admin asks for it: from the feed's address (fetched under `policy`) or an uploaded file. */
export async function importFromInput(
  db: Db,
  actor: Actor,
  input: ImportInput,
  policy: OutboundPolicy,
): Promise<ImportReport> {
  const { url, feed, timeZone, fellowship } = input;
  const text = url ? await fetchFeed(url, policy) : (feed ?? '');
  const rows = readFeedText(text, url ? 'url' : 'feed');
  return await importFeed(db, actor, rows, { timeZone, fellowship: fellowship ?? 'aa' }, url ?? null);
}
