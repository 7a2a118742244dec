// Conversations and messages as one viewer sees them: the others by name or unnamed (names.ts), a
// hidden message's words and the report counts only for a peer leader who reviews the conversation.
import type {
  ChatMessage,
  ChatParticipant,
  ConversationDetail,
  ConversationSummary,
} from '../../../shared/contracts/chat.ts';
import { myNameOf, participantView, type UnnamedAs } from './names.ts';

/** A conversation with the viewer's own member row (read state, whether they joined without a name). */
export type ConversationRow = {
  id: string;
  kind: string;
  residenceId: string | null;
  residenceName: string | null;
  subjectType: string | null;
  subjectId: string | null;
  lastMessageAt: Date | null;
  memberRow: boolean;
  lastReadSeq: number | null;
  myUnnamedAs: string | null;
  myRevealedAt: Date | null;
};

/** A message with its author as the viewer it was read for sees them, and its reports. */
export type MessageRow = {
  messageId: string;
  seq: number;
  conversationId: string;
  authorId: string | null;
  firstName: string | null;
  lastName: string | null;
  nameStyle: string | null;
  /** How the author appears to the viewer the row was read for (null: by name). */
  authorUnnamedAs: UnnamedAs | null;
  body: string;
  createdAt: Date;
  hiddenAt: Date | null;
  reportCount: number;
  reportedByMe: boolean;
};

export function presentSummary(
  row: ConversationRow,
  others: Map<string, ChatParticipant[]>,
  unread: number,
): ConversationSummary {
  return {
    id: row.id,
    kind: row.kind as ConversationSummary['kind'],
    residence: row.kind === 'house' ? { id: row.residenceId as string, name: row.residenceName ?? '' } : null,
    subject: row.subjectType
      ? { type: row.subjectType as 'support_request' | 'mentorship', id: row.subjectId as string }
      : null,
    others: others.get(row.id) ?? [],
    myName: myNameOf(row),
    unreadCount: Number(unread),
    lastMessageAt: row.lastMessageAt?.toISOString() ?? null,
  };
}

export const presentDetail = (
  summary: ConversationSummary,
  access: { canModerate: boolean; lastReadSeq: number },
): ConversationDetail => ({ ...summary, canModerate: access.canModerate, lastReadSeq: access.lastReadSeq });

/** A message as a viewer sees it: hidden text only for a peer leader reviewing it; report counts likewise. */
export function presentMessage(row: MessageRow, viewerId: string | null, canModerate: boolean): ChatMessage {
  const hidden = row.hiddenAt !== null;
  return {
    id: row.messageId,
    seq: Number(row.seq),
    conversationId: row.conversationId,
    author:
      row.authorId && row.firstName !== null
        ? participantView({
            id: row.authorId,
            firstName: row.firstName,
            lastName: row.lastName ?? '',
            nameStyle: row.nameStyle ?? 'first_last_initial',
            unnamedAs: row.authorUnnamedAs,
          })
        : null,
    mine: viewerId !== null && row.authorId === viewerId,
    body: hidden && !canModerate ? null : row.body,
    createdAt: row.createdAt.toISOString(),
    hidden,
    reportCount: canModerate ? Number(row.reportCount) : 0,
    reportedByMe: viewerId !== null && row.reportedByMe === true,
  };
}
