// Realtime events and notifications for every step of peer support. Each is presented for exactly its
// recipients: an anonymous post is published twice, with the author for the author and the house's peer
// leaders, without for peers. Nothing here ever carries a post's text (it may reach a locked screen).
import type { PersonRef } from '../../../shared/contracts/decisions.ts';
import type { NotificationKind } from '../../../shared/domain/notifications.ts';
import type { Executor } from '../../platform/database/executor.ts';
import type { supportRequests } from '../../platform/database/schema.ts';
import { notifyPeople } from '../../platform/notify.ts';
import { publish } from '../../platform/realtime/publish.ts';
import { postRecipients } from './audience.ts';
import { asPost, postEventPayload } from './presenters.ts';

type PostRecord = typeof supportRequests.$inferSelect;

/**
 * `support.request.created` / `support.request.updated` to everyone the post reaches (its audience, the
 * house's peer leaders, its author and `extra` such as responders); with a notification when asked.
 */
export async function announcePost(
  db: Executor,
  post: PostRecord,
  author: PersonRef,
  type: 'support.request.created' | 'support.request.updated',
  options: { extra?: readonly string[]; notifyKind?: NotificationKind } = {},
): Promise<void> {
  const { named, unnamed } = await postRecipients(db, asPost(post), options.extra ?? []);
  const groups: [string[], PersonRef | null][] = [
    [named, author],
    [unnamed, null],
  ];
  for (const [recipients, shownAuthor] of groups) {
    await publish(db, {
      organizationId: post.organizationId,
      recipients,
      type,
      payload: postEventPayload(post, shownAuthor),
    });
    if (options.notifyKind) {
      await notifyPeople(db, {
        organizationId: post.organizationId,
        personIds: recipients.filter((id) => id !== post.authorId),
        kind: options.notifyKind,
        data: {
          requestId: post.id,
          type: post.type,
          supportKind: post.supportKind,
          authorName: shownAuthor?.displayName ?? null,
        },
        dedupeKey: `${options.notifyKind}:${post.id}`,
      });
    }
  }
}

export type ResponseStep = {
  post: PostRecord;
  responseId: string | null;
  /** Who hears of this step. */
  to: string;
  type: string;
  notifyKind: NotificationKind;
  /** The other person as the recipient may see them (null: an anonymous author, to a peer). */
  other: PersonRef | null;
  conversationId?: string | null;
  dedupeKey?: string;
};

/** One person hears of a step about a response: an offer, an acceptance, a withdrawal, "this helped". */
export async function announceResponseStep(db: Executor, step: ResponseStep): Promise<void> {
  const data = {
    requestId: step.post.id,
    responseId: step.responseId,
    type: step.post.type,
    supportKind: step.post.supportKind,
    personName: step.other?.displayName ?? null,
    conversationId: step.conversationId ?? null,
  };
  await publish(db, {
    organizationId: step.post.organizationId,
    recipients: [step.to],
    type: step.type,
    payload: { ...data, state: step.post.state, person: step.other },
  });
  await notifyPeople(db, {
    organizationId: step.post.organizationId,
    personIds: [step.to],
    kind: step.notifyKind,
    data,
    dedupeKey: step.dedupeKey ?? `${step.notifyKind}:${step.responseId ?? step.post.id}`,
  });
}
