// The steps on a response to a post: the author accepts an offer (a private thread opens), a responder
// takes their offer back, and the person helped marks "this helped" (→ the support ledger). Each runs
// through `onPost`: one transaction, the post and its responses loaded once and locked.
import { eq } from 'drizzle-orm';
import type { PersonRef } from '../../../shared/contracts/decisions.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Tx } from '../../platform/database/executor.ts';
import { supportLedger, supportRequests, supportResponses } from '../../platform/database/schema.ts';
import { refuse } from '../../platform/errors.ts';
import { announcePost, announceResponseStep } from './events.ts';
import { effectiveState, helpOf, isActive, isAuthorOf, isResponderOf } from './policy.ts';
import { asPost, type LoadedPost, type ResponseRow } from './presenters.ts';
import { audit, keepResponse, onPost, responderIds, settleState } from './service.ts';
import { openSupportThread } from './threads.ts';

/** A command on one response: the post it answers, loaded once, and the response within it. */
async function onResponse(
  db: Db,
  actor: Actor,
  responseId: string,
  command: (tx: Tx, post: LoadedPost, response: ResponseRow) => Promise<LoadedPost>,
): Promise<LoadedPost> {
  return await onPost(db, actor, { responseId }, async (tx, post) => {
    const response = post.responses.find((r) => r.id === responseId)!;
    return await command(tx, post, response);
  });
}

/** The author accepts one offer (or several, one at a time); a private thread opens between them. */
export async function acceptResponse(db: Db, actor: Actor, responseId: string) {
  return await onResponse(db, actor, responseId, async (tx, post, response) => {
    const { row } = post;
    if (!isAuthorOf(post.viewer, asPost(row))) throw refuse('support.not_author');
    if (response.state === 'withdrawn') throw refuse('support.offer_withdrawn', { field: 'id' });
    if (response.state === 'accepted') return post;
    if (!isActive(effectiveState(row, new Date()))) throw refuse('support.closed', { field: 'id' });
    const conversationId = await openSupportThread(tx, {
      organizationId: actor.organizationId,
      post: row,
      otherId: response.responderId,
    });
    const [saved] = await tx
      .update(supportResponses)
      .set({ state: 'accepted', acceptedAt: new Date(), conversationId })
      .where(eq(supportResponses.id, response.id))
      .returning();
    keepResponse(post, saved!, response.responder);
    await settleState(tx, post);
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
    await announcePost(tx, row, row.author, 'support.request.updated', { extra: responderIds(post) });
    return post;
  });
}

/** A responder takes their offer back; the author hears of it. */
export async function withdrawResponse(db: Db, actor: Actor, responseId: string) {
  return await onResponse(db, actor, responseId, async (tx, post, response) => {
    const { row } = post;
    if (!isResponderOf(post.viewer, response)) throw refuse('support.not_responder');
    if (response.state === 'withdrawn') return post;
    if (response.helpedAt) throw refuse('support.closed', { field: 'id' });
    const [saved] = await tx
      .update(supportResponses)
      .set({ state: 'withdrawn', withdrawnAt: new Date() })
      .where(eq(supportResponses.id, response.id))
      .returning();
    keepResponse(post, saved!, response.responder);
    await settleState(tx, post);
    await audit(tx, actor, 'support_response.withdraw', row);
    await announceResponseStep(tx, {
      post: row,
      responseId: response.id,
      to: row.authorId,
      type: 'support.response.withdrawn',
      notifyKind: 'support_offer_withdrawn',
      other: response.responder,
    });
    await announcePost(tx, row, row.author, 'support.request.updated', { extra: [actor.personId] });
    return post;
  });
}

/**
 * "This helped": the person who was helped (a request's author; on a standing offer, the one who asked
 * for it) marks an accepted offer. One support ledger entry, even if pressed twice; a request whose
 * accepted helpers have all been marked is done.
 */
export async function markHelped(db: Db, actor: Actor, responseId: string, note: string | undefined) {
  return await onResponse(db, actor, responseId, async (tx, post, response) => {
    const { row } = post;
    const { receiverId, giverId } = helpOf(row, response);
    if (receiverId !== post.viewer.personId) throw refuse('support.not_receiver');
    if (response.state !== 'accepted') throw refuse('support.not_accepted', { field: 'id' });
    if (response.helpedAt) return post;
    const at = new Date();
    const [saved] = await tx
      .update(supportResponses)
      .set({ helpedAt: at })
      .where(eq(supportResponses.id, response.id))
      .returning();
    keepResponse(post, saved!, response.responder);
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
    const waiting = post.responses.filter((r) => r.state === 'accepted' && r.helpedAt === null);
    if (row.type === 'request' && waiting.length === 0) {
      const [done] = await tx
        .update(supportRequests)
        .set({ state: 'done', closedAt: at })
        .where(eq(supportRequests.id, row.id))
        .returning();
      Object.assign(row, done);
    }
    await audit(tx, actor, 'support_request.helped', row, { supportKind: row.supportKind });
    // The helper hears "this helped"; an anonymous author stays unnamed to them.
    const receiverShown: PersonRef | null =
      row.type === 'offer' ? response.responder : row.anonymous ? null : row.author;
    await announceResponseStep(tx, {
      post: row,
      responseId: response.id,
      to: giverId,
      type: 'support.helped',
      notifyKind: 'support_helped',
      other: receiverShown,
    });
    await announcePost(tx, row, row.author, 'support.request.updated', { extra: responderIds(post) });
    return post;
  });
}
