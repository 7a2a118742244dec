// The private thread between a post's author and an accepted helper lives in chat (features/chat);
// one per post and pair of people, so accepting again finds the same thread.
import { type Executor, openConversation } from '../chat/conversations.ts';

export async function openSupportThread(
  db: Executor,
  input: { organizationId: string; memberIds: readonly string[]; requestId: string },
): Promise<string> {
  return await openConversation(db, {
    organizationId: input.organizationId,
    kind: 'thread',
    memberIds: input.memberIds,
    subject: { type: 'support_request', id: input.requestId },
  });
}
