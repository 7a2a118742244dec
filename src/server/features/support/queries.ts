// Reading support posts for a viewer: browse (what reaches me), mine (what I posted and answered), one post.
import { and, desc, eq, gt, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { PersonRef } from '../../../shared/contracts/decisions.ts';
import type { SupportRequestView } from '../../../shared/contracts/support.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { people, residences, supportRequests, supportResponses } from '../../platform/database/schema.ts';
import { displayNameOf } from '../people/presenters.ts';
import { canSeeSupportPost, isActive, type Viewer } from './policy.ts';
import { asPost, type LoadedPost, type PostRow, presentPost, type ResponseRow } from './presenters.ts';

/**
 * Posts with their author's name and house, newest first. `organizationId` null: every organization's
 * (the expiry job). `lock`: the posts' rows stay locked until the transaction ends, so the commands on
 * one post (and on its responses) happen one after another.
 */
export async function loadPostRows(
  db: Executor,
  organizationId: string | null,
  where: SQL | undefined,
  options: { limit?: number; lock?: boolean } = {},
): Promise<PostRow[]> {
  const query = db
    .select({
      p: supportRequests,
      firstName: people.firstName,
      lastName: people.lastName,
      nameStyle: people.nameStyle,
      residenceName: residences.name,
    })
    .from(supportRequests)
    .innerJoin(people, eq(people.id, supportRequests.authorId))
    .leftJoin(residences, eq(residences.id, supportRequests.residenceId))
    .where(and(organizationId ? eq(supportRequests.organizationId, organizationId) : undefined, where))
    .orderBy(desc(supportRequests.createdAt))
    .limit(options.limit ?? 200);
  const rows = options.lock ? await query.for('update', { of: supportRequests }) : await query;
  return rows.map(
    (r): PostRow => ({
      ...r.p,
      author: { personId: r.p.authorId, displayName: displayNameOf(r) },
      residenceName: r.residenceName,
    }),
  );
}

export async function loadResponseRows(db: Executor, organizationId: string, requestIds: string[]) {
  if (requestIds.length === 0) return new Map<string, ResponseRow[]>();
  const rows = await db
    .select({
      r: supportResponses,
      firstName: people.firstName,
      lastName: people.lastName,
      nameStyle: people.nameStyle,
    })
    .from(supportResponses)
    .innerJoin(people, eq(people.id, supportResponses.responderId))
    .where(
      and(
        eq(supportResponses.organizationId, organizationId),
        inArray(supportResponses.requestId, requestIds),
      ),
    )
    .orderBy(supportResponses.createdAt);
  const byRequest = new Map<string, ResponseRow[]>();
  for (const row of rows) {
    const list = byRequest.get(row.r.requestId) ?? [];
    list.push({ ...row.r, responder: { personId: row.r.responderId, displayName: displayNameOf(row) } });
    byRequest.set(row.r.requestId, list);
  }
  return byRequest;
}

/** One post (the first matching `where`) with all its responses, for the viewer; null when there is none. */
export async function loadPost(
  db: Executor,
  organizationId: string,
  viewer: Viewer,
  where: SQL,
  lock = false,
): Promise<LoadedPost | null> {
  const [row] = await loadPostRows(db, organizationId, where, { limit: 1, lock });
  if (!row) return null;
  const responses = (await loadResponseRows(db, organizationId, [row.id])).get(row.id) ?? [];
  return { row, responses, viewer };
}

/** Whether the viewer may see a loaded post at all (everyone else: as if it did not exist). */
export const isVisible = (post: LoadedPost) =>
  canSeeSupportPost(
    post.viewer,
    asPost(post.row),
    post.responses.map((r) => r.responderId),
  );

/** A person as their peers see them, for a response they are about to make. */
export async function personRefOf(db: Executor, personId: string): Promise<PersonRef> {
  const [person] = await db
    .select({ firstName: people.firstName, lastName: people.lastName, nameStyle: people.nameStyle })
    .from(people)
    .where(eq(people.id, personId));
  return { personId, displayName: person ? displayNameOf(person) : '' };
}

/**
 * `canSeeSupportPost` said in SQL, so a list's limit counts only the posts the viewer may see (the rule
 * in policy.ts still checks every row loaded; the two must agree, support.test.ts and the anonymity test
 * walk them).
 */
export function visibleTo(viewer: Viewer): SQL {
  const ids = (list: readonly string[]) => (list.length ? list : ['00000000-0000-0000-0000-000000000000']);
  return or(
    eq(supportRequests.authorId, viewer.personId),
    inArray(supportRequests.residenceId, ids(viewer.ledHouseIds)),
    sql`exists (select 1 from ${supportResponses} where ${supportResponses.organizationId} = ${supportRequests.organizationId} and ${supportResponses.requestId} = ${supportRequests.id} and ${supportResponses.responderId} = ${viewer.personId})`,
    and(eq(supportRequests.audience, 'house'), inArray(supportRequests.residenceId, ids(viewer.houseIds))),
    and(
      eq(supportRequests.audience, 'program'),
      inArray(supportRequests.residenceId, ids(viewer.programNeighbourIds)),
    ),
    viewer.isPeer ? eq(supportRequests.audience, 'organization') : undefined,
    viewer.isAlumni ? eq(supportRequests.audience, 'alumni') : undefined,
  )!;
}

/** Loads and presents posts, keeping only those the viewer may see. */
export async function presentVisible(
  db: Executor,
  actor: Actor,
  viewer: Viewer,
  where: SQL | undefined,
  keep: (view: SupportRequestView) => boolean = () => true,
): Promise<SupportRequestView[]> {
  const now = new Date();
  const rows = await loadPostRows(db, actor.organizationId, and(visibleTo(viewer), where));
  const responses = await loadResponseRows(
    db,
    actor.organizationId,
    rows.map((r) => r.id),
  );
  return rows
    .filter((row) => {
      const responderIds = (responses.get(row.id) ?? []).map((r) => r.responderId);
      return canSeeSupportPost(viewer, asPost(row), responderIds);
    })
    .map((row) => presentPost(row, responses.get(row.id) ?? [], viewer, now))
    .filter(keep);
}

/** What reaches me and is still open to help, newest first; my own posts are under "mine". */
export async function browsePosts(
  db: Executor,
  actor: Actor,
  viewer: Viewer,
  filter: { type?: 'request' | 'offer' | undefined; supportKind?: string | undefined },
) {
  const now = new Date();
  return await presentVisible(
    db,
    actor,
    viewer,
    and(
      // Active by effectiveState (an open or offered post past its expiry is expired), and not mine:
      // said here so the limit counts only what the list shows; `keep` below checks the same.
      ne(supportRequests.authorId, actor.personId),
      or(
        eq(supportRequests.state, 'accepted'),
        and(inArray(supportRequests.state, ['open', 'offered']), gt(supportRequests.expiresAt, now)),
      ),
      filter.type ? eq(supportRequests.type, filter.type) : undefined,
      filter.supportKind ? eq(supportRequests.supportKind, filter.supportKind) : undefined,
    ),
    (view) => !view.isMine && isActive(view.state),
  );
}

/** My posts (every state) and the posts I responded to. */
export async function myPosts(db: Executor, actor: Actor, viewer: Viewer) {
  const posts = await presentVisible(db, actor, viewer, eq(supportRequests.authorId, actor.personId));
  const answered = await db
    .select({ id: supportResponses.requestId })
    .from(supportResponses)
    .where(
      and(
        eq(supportResponses.organizationId, actor.organizationId),
        eq(supportResponses.responderId, actor.personId),
      ),
    );
  const responded =
    answered.length === 0
      ? []
      : await presentVisible(
          db,
          actor,
          viewer,
          inArray(
            supportRequests.id,
            answered.map((a) => a.id),
          ),
        );
  return { posts, responded };
}
