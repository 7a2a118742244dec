// Commands of peer support, each in one transaction with its audit entry, its events and notifications:
// posting, responding, accepting, withdrawing, "this helped" (→ the support ledger) and expiry.
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { PersonRef } from '../../../shared/contracts/decisions.ts';
import {
  type NewSupportRequestSchema,
  SUPPORT_MESSAGES,
  type SupportRequestView,
  type SupportState,
} from '../../../shared/contracts/support.ts';
import { recordAudit } from '../../platform/audit.ts';
import { type Actor, residencesWithRole } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { supportLedger, supportRequests, supportResponses } from '../../platform/database/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { programNeighbourIds, viewerOf } from './audience.ts';
import { announcePost, announceResponseStep } from './events.ts';
import { canSeeSupportPost, type Viewer } from './policy.ts';
import { asPost, effectiveState, isActive, type PostRow, presentPost } from './presenters.ts';
import { loadPostRows, loadResponseRows } from './queries.ts';
import { openSupportThread } from './threads.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type NewPost = z.output<typeof NewSupportRequestSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A step on a post, audited. The author's own steps on an anonymous post are audited without a name, as
 * agenda items raised without one are: the audit log must not undo what the author chose.
 */
async function audit(
  tx: Tx,
  actor: Actor,
  action: string,
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

/** One post with its responses, presented for the actor; others' posts they can't see are a 404. */
export async function loadPostFor(db: Db | Tx, actor: Actor, id: string, viewer?: Viewer) {
  const v = viewer ?? (await viewerOf(db, actor));
  const [row] = await loadPostRows(db, actor.organizationId, eq(supportRequests.id, id), 1);
  const responses = row
    ? ((await loadResponseRows(db, actor.organizationId, [row.id])).get(row.id) ?? [])
    : [];
  if (
    !row ||
    !canSeeSupportPost(
      v,
      asPost(row),
      responses.map((r) => r.responderId),
    )
  ) {
    await recordAudit(db, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'support_request.read',
      subjectType: 'support_request',
      subjectId: id,
      outcome: 'denied',
    });
    throw notFound('support request');
  }
  return { row, responses, viewer: v, view: presentPost(row, responses, v, new Date()) };
}

/** Outside the command's transaction, so a denied attempt stays in the audit log after the rollback. */
async function guardPost(db: Db, actor: Actor, requestId: string) {
  await loadPostFor(db, actor, requestId);
}

async function guardResponse(db: Db, actor: Actor, responseId: string) {
  const [found] = await db
    .select({ requestId: supportResponses.requestId })
    .from(supportResponses)
    .where(
      and(eq(supportResponses.id, responseId), eq(supportResponses.organizationId, actor.organizationId)),
    );
  if (!found) throw notFound('offer');
  await loadPostFor(db, actor, found.requestId);
}

/** A post's state from its responses while it is active: someone accepted → accepted; offered → offered. */
async function settleState(tx: Tx, row: PostRow): Promise<SupportState> {
  const current = row.state as SupportState;
  if (!isActive(current)) return current;
  const live = await tx
    .select({ state: supportResponses.state })
    .from(supportResponses)
    .where(
      and(eq(supportResponses.requestId, row.id), inArray(supportResponses.state, ['offered', 'accepted'])),
    );
  const next: SupportState = live.some((r) => r.state === 'accepted')
    ? 'accepted'
    : live.length > 0
      ? 'offered'
      : 'open';
  if (next !== current) {
    await tx.update(supportRequests).set({ state: next }).where(eq(supportRequests.id, row.id));
    row.state = next;
  }
  return next;
}

async function responderIdsOf(tx: Tx, requestId: string) {
  const rows = await tx
    .select({ id: supportResponses.responderId })
    .from(supportResponses)
    .where(eq(supportResponses.requestId, requestId));
  return rows.map((r) => r.id);
}

/** Which house a post belongs to, and whether its audience can be reached from there. */
async function houseForPost(tx: Tx, actor: Actor, audience: NewPost['audience']): Promise<string | null> {
  const house =
    residencesWithRole(actor, 'resident')[0] ?? residencesWithRole(actor, 'peer_leader')[0] ?? null;
  if (audience === 'house' || audience === 'program') {
    if (!house) throw invalid('audience', SUPPORT_MESSAGES.noHouse);
    if (
      audience === 'program' &&
      (await programNeighbourIds(tx, actor.organizationId, [house])).length === 0
    ) {
      throw invalid('audience', SUPPORT_MESSAGES.noProgram);
    }
  }
  return house;
}

export async function createPost(
  db: Db,
  actor: Actor,
  input: NewPost,
): Promise<{ view: SupportRequestView; created: boolean }> {
  const viewer = await viewerOf(db, actor);
  if (!viewer.isPeer) throw new AppError('forbidden', SUPPORT_MESSAGES.notPeer);
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
        expiresAt: new Date(Date.now() + days * DAY_MS),
        idempotencyKey: input.idempotencyKey ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: supportRequests.id });
    if (!inserted) {
      // The same key again: the first post, unchanged, and nothing announced twice.
      const [first] = await tx
        .select({ id: supportRequests.id })
        .from(supportRequests)
        .where(
          and(
            eq(supportRequests.authorId, actor.personId),
            eq(supportRequests.idempotencyKey, input.idempotencyKey ?? ''),
          ),
        );
      if (!first) throw conflict('This was already posted.');
      return { view: (await loadPostFor(tx, actor, first.id, viewer)).view, created: false };
    }
    await audit(
      tx,
      actor,
      'support_request.create',
      { id: inserted.id, authorId: actor.personId, anonymous: input.anonymous },
      {
        type: input.type,
        supportKind: input.supportKind,
        audience: input.audience,
      },
    );
    const { row, view } = await loadPostFor(tx, actor, inserted.id, viewer);
    await announcePost(tx, row, row.author, 'support.request.created', { notifyKind: 'support_request' });
    return { view, created: true };
  });
}

/** "I can help" on a request, "I'd like this" on a standing offer. Twice is once. */
export async function respondToPost(db: Db, actor: Actor, requestId: string, note: string | undefined) {
  await guardPost(db, actor, requestId);
  return await db.transaction(async (tx) => {
    const { row, viewer } = await loadPostFor(tx, actor, requestId);
    if (row.authorId === actor.personId)
      throw new AppError('bad_request', SUPPORT_MESSAGES.ownPost, [
        { field: 'id', message: SUPPORT_MESSAGES.ownPost },
      ]);
    if (!viewer.isPeer) throw new AppError('forbidden', SUPPORT_MESSAGES.notPeer);
    if (!isActive(effectiveState(row, new Date()))) throw conflict(SUPPORT_MESSAGES.closed, 'id');
    const [inserted] = await tx
      .insert(supportResponses)
      .values({
        organizationId: actor.organizationId,
        requestId: row.id,
        responderId: actor.personId,
        note: note || null,
      })
      .onConflictDoNothing()
      .returning({ id: supportResponses.id });
    let responseId = inserted?.id;
    if (!responseId) {
      const [existing] = await tx
        .select()
        .from(supportResponses)
        .where(and(eq(supportResponses.requestId, row.id), eq(supportResponses.responderId, actor.personId)));
      if (!existing) throw conflict('Please try again.');
      responseId = existing.id;
      if (existing.state !== 'withdrawn') {
        return { view: (await loadPostFor(tx, actor, row.id, viewer)).view, created: false };
      }
      await tx
        .update(supportResponses)
        .set({ state: 'offered', note: note || existing.note, withdrawnAt: null, createdAt: new Date() })
        .where(eq(supportResponses.id, existing.id));
    }
    await settleState(tx, row);
    await audit(tx, actor, 'support_response.create', row);
    const me = (await loadPostFor(tx, actor, row.id, viewer)).view;
    const responder = me.responses[0]!.responder;
    await announceResponseStep(tx, {
      post: row,
      responseId,
      to: row.authorId,
      type: 'support.response.created',
      notifyKind: 'support_offer',
      other: responder,
    });
    await announcePost(tx, row, row.author, 'support.request.updated', { extra: [actor.personId] });
    return { view: me, created: true };
  });
}

async function loadResponse(tx: Tx, actor: Actor, responseId: string) {
  const [response] = await tx
    .select()
    .from(supportResponses)
    .where(
      and(eq(supportResponses.id, responseId), eq(supportResponses.organizationId, actor.organizationId)),
    )
    .for('update');
  if (!response) throw notFound('offer');
  const found = await loadPostFor(tx, actor, response.requestId);
  return { response, ...found };
}

/** The author accepts one offer (or several, one at a time); a private thread opens between them. */
export async function acceptResponse(db: Db, actor: Actor, responseId: string) {
  await guardResponse(db, actor, responseId);
  return await db.transaction(async (tx) => {
    const { response, row, viewer } = await loadResponse(tx, actor, responseId);
    if (row.authorId !== actor.personId) throw new AppError('forbidden', SUPPORT_MESSAGES.notAuthor);
    if (response.state === 'withdrawn') throw conflict(SUPPORT_MESSAGES.offerWithdrawn, 'id');
    if (response.state === 'accepted') return (await loadPostFor(tx, actor, row.id, viewer)).view;
    if (!isActive(effectiveState(row, new Date()))) throw conflict(SUPPORT_MESSAGES.closed, 'id');
    const conversationId = await openSupportThread(tx, {
      organizationId: actor.organizationId,
      post: row,
      otherId: response.responderId,
    });
    await tx
      .update(supportResponses)
      .set({ state: 'accepted', acceptedAt: new Date(), conversationId })
      .where(eq(supportResponses.id, response.id));
    await settleState(tx, row);
    await audit(tx, actor, 'support_response.accept', row);
    await announceResponseStep(tx, {
      post: row,
      responseId: response.id,
      to: response.responderId,
      type: 'support.response.accepted',
      notifyKind: 'support_accepted',
      // The helper is a peer: an anonymous author stays unnamed here (the thread is theirs to talk in).
      other: row.anonymous ? null : row.author,
      conversationId,
    });
    await announcePost(tx, row, row.author, 'support.request.updated', {
      extra: await responderIdsOf(tx, row.id),
    });
    return (await loadPostFor(tx, actor, row.id, viewer)).view;
  });
}

/** A responder takes their offer back; the author hears of it. */
export async function withdrawResponse(db: Db, actor: Actor, responseId: string) {
  await guardResponse(db, actor, responseId);
  return await db.transaction(async (tx) => {
    const { response, row, viewer } = await loadResponse(tx, actor, responseId);
    if (response.responderId !== actor.personId)
      throw new AppError('forbidden', SUPPORT_MESSAGES.notResponder);
    if (response.state === 'withdrawn') return (await loadPostFor(tx, actor, row.id, viewer)).view;
    if (response.helpedAt) throw conflict(SUPPORT_MESSAGES.closed, 'id');
    await tx
      .update(supportResponses)
      .set({ state: 'withdrawn', withdrawnAt: new Date() })
      .where(eq(supportResponses.id, response.id));
    await settleState(tx, row);
    await audit(tx, actor, 'support_response.withdraw', row);
    const me = (await loadPostFor(tx, actor, row.id, viewer)).view;
    await announceResponseStep(tx, {
      post: row,
      responseId: response.id,
      to: row.authorId,
      type: 'support.response.withdrawn',
      notifyKind: 'support_offer_withdrawn',
      other: me.responses[0]?.responder ?? null,
    });
    await announcePost(tx, row, row.author, 'support.request.updated', { extra: [actor.personId] });
    return me;
  });
}

/** The author takes a post back; everyone who responded hears of it. */
export async function withdrawPost(db: Db, actor: Actor, requestId: string) {
  await guardPost(db, actor, requestId);
  return await db.transaction(async (tx) => {
    const { row, viewer } = await loadPostFor(tx, actor, requestId);
    if (row.authorId !== actor.personId) throw new AppError('forbidden', SUPPORT_MESSAGES.notAuthor);
    if (row.state === 'withdrawn') return (await loadPostFor(tx, actor, row.id, viewer)).view;
    if (!isActive(row.state as SupportState)) throw conflict(SUPPORT_MESSAGES.closed, 'id');
    const [updated] = await tx
      .update(supportRequests)
      .set({ state: 'withdrawn', closedAt: new Date() })
      .where(
        and(eq(supportRequests.id, row.id), inArray(supportRequests.state, ['open', 'offered', 'accepted'])),
      )
      .returning();
    if (!updated) throw conflict(SUPPORT_MESSAGES.closed, 'id');
    await audit(tx, actor, 'support_request.withdraw', row);
    const responders = await tx
      .select({ id: supportResponses.id, responderId: supportResponses.responderId })
      .from(supportResponses)
      .where(
        and(eq(supportResponses.requestId, row.id), inArray(supportResponses.state, ['offered', 'accepted'])),
      );
    const post = { ...row, ...updated };
    for (const r of responders) {
      await announceResponseStep(tx, {
        post,
        responseId: r.id,
        to: r.responderId,
        type: 'support.request.withdrawn',
        notifyKind: 'support_withdrawn',
        other: row.anonymous ? null : row.author,
      });
    }
    await announcePost(tx, post, row.author, 'support.request.updated', {
      extra: responders.map((r) => r.responderId),
    });
    return (await loadPostFor(tx, actor, row.id, viewer)).view;
  });
}

/**
 * "This helped": the person who was helped (a request's author; on a standing offer, the one who asked
 * for it) marks an accepted offer. One support ledger entry, even if pressed twice; a request whose
 * accepted helpers have all been marked is done.
 */
export async function markHelped(db: Db, actor: Actor, responseId: string, note: string | undefined) {
  await guardResponse(db, actor, responseId);
  return await db.transaction(async (tx) => {
    const { response, row, viewer } = await loadResponse(tx, actor, responseId);
    const receiverId = row.type === 'offer' ? response.responderId : row.authorId;
    const giverId = row.type === 'offer' ? row.authorId : response.responderId;
    if (actor.personId !== receiverId) throw new AppError('forbidden', SUPPORT_MESSAGES.notReceiver);
    if (response.state !== 'accepted') throw conflict(SUPPORT_MESSAGES.notAccepted, 'id');
    if (response.helpedAt) return (await loadPostFor(tx, actor, row.id, viewer)).view;
    const at = new Date();
    await tx.update(supportResponses).set({ helpedAt: at }).where(eq(supportResponses.id, response.id));
    await tx
      .insert(supportLedger)
      .values({
        organizationId: actor.organizationId,
        residenceId: row.residenceId,
        giverId,
        receiverId,
        supportKind: row.supportKind,
        source: 'request',
        supportRequestId: row.id,
        note: note || null,
        at,
      })
      .onConflictDoNothing();
    if (row.type === 'request') {
      const [waiting] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(supportResponses)
        .where(
          and(
            eq(supportResponses.requestId, row.id),
            eq(supportResponses.state, 'accepted'),
            sql`${supportResponses.helpedAt} is null`,
          ),
        );
      if ((waiting?.n ?? 0) === 0) {
        await tx
          .update(supportRequests)
          .set({ state: 'done', closedAt: at })
          .where(eq(supportRequests.id, row.id));
        row.state = 'done';
      }
    }
    await audit(tx, actor, 'support_request.helped', row, { supportKind: row.supportKind });
    // The helper hears "this helped"; an anonymous author stays unnamed to them.
    const receiverShown: PersonRef | null =
      row.type === 'offer'
        ? ((await loadPostFor(tx, actor, row.id, viewer)).view.responses[0]?.responder ?? null)
        : row.anonymous
          ? null
          : row.author;
    await announceResponseStep(tx, {
      post: row,
      responseId: response.id,
      to: giverId,
      type: 'support.helped',
      notifyKind: 'support_helped',
      other: receiverShown,
    });
    await announcePost(tx, row, row.author, 'support.request.updated', {
      extra: await responderIdsOf(tx, row.id),
    });
    return (await loadPostFor(tx, actor, row.id, viewer)).view;
  });
}

/** Hourly: open posts past their expiry are expired, and their authors (and responders) hear of it. */
export async function expireSupportPosts(db: Db, now: Date = new Date()): Promise<number> {
  return await db.transaction(async (tx) => {
    const expired = await tx
      .update(supportRequests)
      .set({ state: 'expired', closedAt: now })
      .where(and(inArray(supportRequests.state, ['open', 'offered']), lte(supportRequests.expiresAt, now)))
      .returning();
    for (const post of expired) {
      const responders = await responderIdsOf(tx, post.id);
      const [row] = await loadPostRows(tx, post.organizationId, eq(supportRequests.id, post.id), 1);
      if (!row) continue;
      await announceResponseStep(tx, {
        post,
        responseId: null,
        to: post.authorId,
        type: 'support.request.expired',
        notifyKind: 'support_expired',
        other: null,
        dedupeKey: `support_expired:${post.id}`,
      });
      await announcePost(tx, row, row.author, 'support.request.updated', { extra: responders });
    }
    return expired.length;
  });
}
