// The private thread between a post's author and an accepted helper lives in chat (features/chat);
// one per post and pair of people, so accepting again finds the same thread. The author of an anonymous
// post joins it without their name: the other person sees "the person you're helping" (a request) or
// "the person helping you" (a standing offer) until the author chooses to let them know.
import type { Executor } from '../../platform/database/executor.ts';
import { openConversation } from '../chat/conversations.ts';

export async function openSupportThread(
  db: Executor,
  input: {
    organizationId: string;
    post: { id: string; type: string; authorId: string; anonymous: boolean };
    otherId: string;
  },
): Promise<string> {
  const { post } = input;
  return await openConversation(db, {
    organizationId: input.organizationId,
    kind: 'thread',
    memberIds: [post.authorId, input.otherId],
    subject: { type: 'support_request', id: post.id },
    unnamed: post.anonymous
      ? [{ personId: post.authorId, as: post.type === 'offer' ? 'helping' : 'helped' }]
      : [],
  });
}
