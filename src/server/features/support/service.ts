// Commands of peer support on posts, each in one transaction with its audit entry, its events and
// notifications: posting, reading one post, responding, withdrawing a post, and expiry. The steps on a
// response (accepting, taking it back, "this helped") are in responses.ts. A command loads its post and
// the post's responses once, locked, changes them in place from what each write returns, and hands the
// loaded post back for the route to present.

import { and, eq, inArray, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { NewSupportRequestSchema, SupportState } from '../../../shared/contracts/support.ts';
import type { AuditAction } from '../../../shared/domain/audit-actions.ts';
import { recordAudit } from '../../platform/audit.ts';
import { type Actor, residencesWithRole } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Executor, Tx } from '../../platform/database/executor.ts';
import { supportRequests, supportResponses } from '../../platform/database/schema.ts';
import { notFound, refuse } from '../../platform/errors.ts';
import { programNeighbourIds, viewerOf } from './audience.ts';
import { announcePost, announceResponseStep } from './events.ts';
import { canPost, effectiveState, isActive, isAuthorOf, refusalToRespond } from './policy.ts';
import { asPost, type LoadedPost, type ResponseRow } from './presenters.ts';
import { isVisible, loadPost, loadPostRows, personRefOf } from './queries.ts';

type NewPost = z.output<typeof NewSupportRequestSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A step on a post, audited. The author's own steps on an anonymous post are audited without a name, as
 * agenda items raised without one are: the audit log must not undo what the author chose.
 */
export async function audit(
  tx: Executor,
  actor: Actor,
  action: AuditAction,
  post: { id: string; authorId: string; anonymous: boolean },
  detail?: Record<string, string>,
) {
  const withoutName = post.anonymous && post.authorId === actor.personId;
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actorId: withoutName ? null : actor.personId,
    action,
    subjectType: 'support_request',
    subjectId: post.id,
    ...(detail || withoutName ? { detail: { ...detail, ...(withoutName ? { anonymous: true } : {}) } } : {}),
  });
}

const auditDeniedRead = (db: Executor, actor: Actor, requestId: string) =>
  recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'support_request.read',
    subjectType: 'support_request',
    subjectId: requestId,
    outcome: 'denied',
  });

/** Which post a command is about: the post itself, or the post one of its responses answers. */
export type PostTarget = { postId: string } | { responseId: string };

function whereOf(db: Executor, actor: Actor, target: PostTarget): SQL {
  if ('postId' in target) return eq(supportRequests.id, target.postId);
  const ofResponse = db
    .select({ id: supportResponses.requestId })
    .from(supportResponses)
    .where(
      and(
        eq(supportResponses.id, target.responseId),
        eq(supportResponses.organizationId, actor.organizationId),
      ),
    );
  return inArray(supportRequests.id, ofResponse);
}

/**
 * Runs a command on one post in a transaction, with the post loaded once and locked. A post the actor may
 * not see is a 404; the denied attempt is audited after the rollback, so it stays in the audit log.
 */
export async function onPost<T>(
  db: Db,
  actor: Actor,
  target: PostTarget,
  command: (tx: Tx, post: LoadedPost) => Promise<T>,
): Promise<T> {
  let denied: string | null = null;
  try {
    return await db.transaction(async (tx) => {
      const viewer = await viewerOf(tx, actor);
      const post = await loadPost(tx, actor.organizationId, viewer, whereOf(tx, actor, target), true);
      if (!post && 'responseId' in target) throw notFound('offer');
      if (!post || !isVisible(post)) {
        denied = post?.row.id ?? (target as { postId: string }).postId;
        throw notFound('support request');
      }
      return await command(tx, post);
    });
  } catch (error) {
    if (denied) await auditDeniedRead(db, actor, denied);
    throw error;
  }
}

/** Puts a response as its write returned it into the loaded post (oldest response first). */
export function keepResponse(
  post: LoadedPost,
  saved: typeof supportResponses.$inferSelect,
  responder: ResponseRow['responder'],
): ResponseRow {
  const response: ResponseRow = { ...saved, responder };
  post.responses = [...post.responses.filter((r) => r.id !== saved.id), response].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  );
  return response;
}

/** A post's state from its responses while it is active: someone accepted → accepted; offered → offered. */
export async function settleState(tx: Tx, post: LoadedPost): Promise<void> {
  const current = post.row.state as SupportState;
  if (!isActive(current)) return;
  const live = post.responses.filter((r) => r.state === 'offered' || r.state === 'accepted');
  const next: SupportState = live.some((r) => r.state === 'accepted')
    ? 'accepted'
    : live.length > 0
      ? 'offered'
      : 'open';
  if (next === current) return;
  await tx.update(supportRequests).set({ state: next }).where(eq(supportRequests.id, post.row.id));
  post.row.state = next;
}

/** Everyone who ever responded to the post (they keep seeing it). */
export const responderIds = (post: LoadedPost) => post.responses.map((r) => r.responderId);

/** Which house a post belongs to, and whether its audience can be reached from there. */
async function houseForPost(tx: Tx, actor: Actor, audience: NewPost['audience']): Promise<string | null> {
  const house =
    residencesWithRole(actor, 'resident')[0] ?? residencesWithRole(actor, 'peer_leader')[0] ?? null;
  if (audience === 'house' || audience === 'program') {
    if (!house) throw refuse('support.no_house', { field: 'audience' });
    if (
      audience === 'program' &&
      (await programNeighbourIds(tx, actor.organizationId, [house])).length === 0
    ) {
      throw refuse('support.no_program', { field: 'audience' });
    }
  }
  return house;
}

export async function createPost(
  db: Db,
  actor: Actor,
  input: NewPost,
  now: Date = new Date(),
): Promise<{ post: LoadedPost; created: boolean }> {
  const viewer = await viewerOf(db, actor);
  if (!canPost(viewer)) throw refuse('support.not_peer');
  return await db.transaction(async (tx) => {
    const residenceId = await houseForPost(tx, actor, input.audience);
    const days = input.expiresInDays ?? (input.type === 'offer' ? 30 : 7);
    const [inserted] = await tx
      .insert(supportRequests)
      .values({
        organizationId: actor.organizationId,
        authorId: actor.personId,
        residenceId,
        type: input.type,
        supportKind: input.supportKind,
        body: input.body,
        audience: input.audience,
        anonymous: input.anonymous,
        expiresAt: new Date(now.getTime() + days * DAY_MS),
        idempotencyKey: input.idempotencyKey ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: supportRequests.id });
    if (!inserted) {
      // The same key again: the first post, unchanged, and nothing announced twice.
      const first = await loadPost(
        tx,
        actor.organizationId,
        viewer,
        and(
          eq(supportRequests.authorId, actor.personId),
          eq(supportRequests.idempotencyKey, input.idempotencyKey ?? ''),
        ) as SQL,
      );
      // Only the idempotency key is unique among posts, and posts are never deleted.
      if (!first) throw new Error('A post with this idempotency key conflicted but was not found.');
      return { post: first, created: false };
    }
    await audit(
      tx,
      actor,
      'support_request.create',
      { id: inserted.id, authorId: actor.personId, anonymous: input.anonymous },
      { type: input.type, supportKind: input.supportKind, audience: input.audience },
    );
    const post = (await loadPost(tx, actor.organizationId, viewer, eq(supportRequests.id, inserted.id)))!;
    await announcePost(tx, post.row, post.row.author, 'support.request.created', {
      notifyKind: 'support_request',
    });
    return { post, created: true };
  });
}

/** One post with its responses, for the actor; a post they may not see is a 404 (and audited). */
export async function readPost(db: Db, actor: Actor, id: string): Promise<LoadedPost> {
  const viewer = await viewerOf(db, actor);
  const post = await loadPost(db, actor.organizationId, viewer, eq(supportRequests.id, id));
  if (!post || !isVisible(post)) {
    await auditDeniedRead(db, actor, id);
    throw notFound('support request');
  }
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'support_request.read',
    subjectType: 'support_request',
    subjectId: post.row.id,
  });
  return post;
}

/** "I can help" on a request, "I'd like this" on a standing offer. Twice is once. */
export async function respondToPost(
  db: Db,
  actor: Actor,
  requestId: string,
  note: string | undefined,
  now: Date = new Date(),
) {
  return await onPost(db, actor, { postId: requestId }, async (tx, post) => {
    const { row } = post;
    const refusal = refusalToRespond(post.viewer, asPost(row), effectiveState(row, now));
    if (refusal) throw refuse(refusal, refusal === 'support.not_peer' ? {} : { field: 'id' });
    const mine = post.responses.find((r) => r.responderId === actor.personId);
    if (mine && mine.state !== 'withdrawn') return { post, created: false };
    const [saved] = mine
      ? await tx
          .update(supportResponses)
          .set({ state: 'offered', note: note || mine.note, withdrawnAt: null, createdAt: now })
          .where(eq(supportResponses.id, mine.id))
          .returning()
      : await tx
          .insert(supportResponses)
          .values({
            organizationId: actor.organizationId,
            requestId: row.id,
            responderId: actor.personId,
            note: note || null,
          })
          .returning();
    const response = keepResponse(post, saved!, mine?.responder ?? (await personRefOf(tx, actor.personId)));
    await settleState(tx, post);
    await audit(tx, actor, 'support_response.create', row);
    await announceResponseStep(tx, {
      post: row,
      responseId: response.id,
      to: row.authorId,
      type: 'support.response.created',
      notifyKind: 'support_offer',
      other: response.responder,
    });
    await announcePost(tx, row, row.author, 'support.request.updated', { extra: [actor.personId] });
    return { post, created: true };
  });
}

/** The author takes a post back; everyone who responded hears of it. */
export async function withdrawPost(db: Db, actor: Actor, requestId: string) {
  return await onPost(db, actor, { postId: requestId }, async (tx, post) => {
    const { row } = post;
    if (!isAuthorOf(post.viewer, asPost(row))) throw refuse('support.not_author');
    if (row.state === 'withdrawn') return post;
    if (!isActive(row.state as SupportState)) throw refuse('support.closed', { field: 'id' });
    const [updated] = await tx
      .update(supportRequests)
      .set({ state: 'withdrawn', closedAt: new Date() })
      .where(
        and(eq(supportRequests.id, row.id), inArray(supportRequests.state, ['open', 'offered', 'accepted'])),
      )
      .returning();
    if (!updated) throw refuse('support.closed', { field: 'id' });
    Object.assign(row, updated);
    await audit(tx, actor, 'support_request.withdraw', row);
    const live = post.responses.filter((r) => r.state === 'offered' || r.state === 'accepted');
    for (const r of live) {
      await announceResponseStep(tx, {
        post: row,
        responseId: r.id,
        to: r.responderId,
        type: 'support.request.withdrawn',
        notifyKind: 'support_withdrawn',
        other: row.anonymous ? null : row.author,
      });
    }
    await announcePost(tx, row, row.author, 'support.request.updated', {
      extra: live.map((r) => r.responderId),
    });
    return post;
  });
}

/** Every 15 minutes: open posts past their expiry are expired, and their authors (and responders) hear of it. */
export async function expireSupportPosts(db: Db, now: Date = new Date()): Promise<number> {
  return await db.transaction(async (tx) => {
    const expired = await tx
      .update(supportRequests)
      .set({ state: 'expired', closedAt: now })
      .where(and(inArray(supportRequests.state, ['open', 'offered']), lte(supportRequests.expiresAt, now)))
      .returning({ id: supportRequests.id });
    if (expired.length === 0) return 0;
    const ids = expired.map((e) => e.id);
    const rows = await loadPostRows(tx, null, inArray(supportRequests.id, ids), { limit: ids.length });
    const responses = await tx
      .select({ requestId: supportResponses.requestId, responderId: supportResponses.responderId })
      .from(supportResponses)
      .where(inArray(supportResponses.requestId, ids));
    for (const row of rows) {
      await announceResponseStep(tx, {
        post: row,
        responseId: null,
        to: row.authorId,
        type: 'support.request.expired',
        notifyKind: 'support_expired',
        other: null,
        dedupeKey: `support_expired:${row.id}`,
      });
      await announcePost(tx, row, row.author, 'support.request.updated', {
        extra: responses.filter((r) => r.requestId === row.id).map((r) => r.responderId),
      });
    }
    return expired.length;
  });
}
