// Presenting support posts and responses: what each viewer may see, never more. An anonymous author (and
// their house) is left out for peers; responses are the author's to see (a responder sees only their own).
import type { PersonRef } from '../../../shared/contracts/decisions.ts';
import type {
  SupportAudience,
  SupportPostType,
  SupportRequestView,
  SupportResponseState,
  SupportResponseView,
} from '../../../shared/contracts/support.ts';
import type { SupportKind } from '../../../shared/domain/vocabulary.ts';
import type { supportRequests, supportResponses } from '../../platform/database/schema.ts';
import {
  canRespondToPost,
  canSeeSupportAuthor,
  effectiveState,
  isActive,
  type SupportPost,
  type Viewer,
} from './policy.ts';

export type PostRow = typeof supportRequests.$inferSelect & {
  author: PersonRef;
  residenceName: string | null;
};
export type ResponseRow = typeof supportResponses.$inferSelect & { responder: PersonRef };

/** A post as a read or a command holds it: its row, all its responses, and the viewer it is for. */
export type LoadedPost = { row: PostRow; responses: ResponseRow[]; viewer: Viewer };

export const asPost = (row: typeof supportRequests.$inferSelect): SupportPost => ({
  id: row.id,
  organizationId: row.organizationId,
  authorId: row.authorId,
  residenceId: row.residenceId,
  audience: row.audience as SupportAudience,
  anonymous: row.anonymous,
});

export function presentResponse(r: ResponseRow): SupportResponseView {
  return {
    id: r.id,
    requestId: r.requestId,
    responder: r.responder,
    note: r.note,
    state: r.state as SupportResponseState,
    conversationId: r.conversationId,
    createdAt: r.createdAt.toISOString(),
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    helpedAt: r.helpedAt?.toISOString() ?? null,
  };
}

export function presentPost(
  row: PostRow,
  responses: readonly ResponseRow[],
  viewer: Viewer,
  now: Date,
): SupportRequestView {
  const post = asPost(row);
  const isMine = row.authorId === viewer.personId;
  const state = effectiveState(row, now);
  const live = responses.filter((r) => r.state !== 'withdrawn');
  const mine = responses.find((r) => r.responderId === viewer.personId);
  const visibleResponses = isMine ? responses : mine ? [mine] : [];
  const seesAuthor = canSeeSupportAuthor(viewer, post);
  return {
    id: row.id,
    type: row.type as SupportPostType,
    supportKind: row.supportKind as SupportKind,
    body: row.body,
    audience: post.audience,
    anonymous: row.anonymous,
    state,
    author: seesAuthor ? row.author : null,
    // An anonymous post's house would narrow it to a handful of people: shown only with the author.
    residenceName: seesAuthor ? row.residenceName : null,
    isMine,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    responseCount: live.length,
    responses: visibleResponses.map(presentResponse),
    canRespond: canRespondToPost(viewer, post, state) && (!mine || mine.state === 'withdrawn'),
    canWithdraw: isMine && isActive(state),
  };
}

/** A loaded post as its viewer sees it now. */
export const presentLoadedPost = (post: LoadedPost, now: Date = new Date()): SupportRequestView =>
  presentPost(post.row, post.responses, post.viewer, now);

/** What an event or notification about a post says to its recipients (never its text). */
export function postEventPayload(row: typeof supportRequests.$inferSelect, author: PersonRef | null) {
  return {
    requestId: row.id,
    type: row.type,
    supportKind: row.supportKind,
    audience: row.audience,
    anonymous: row.anonymous,
    state: row.state,
    author,
    createdAt: row.createdAt.toISOString(),
  };
}
