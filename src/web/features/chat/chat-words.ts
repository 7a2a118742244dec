// How a conversation is named on screen, in the active language.
import type { TFunction } from 'i18next';
import type { ConversationSummary } from '../../../shared/contracts/chat.ts';

export function conversationTitle(t: TFunction, c: ConversationSummary): string {
  if (c.kind === 'house') return t('chat.houseName', { house: c.residence?.name ?? '' });
  if (c.others.length === 0) return t('chat.threadAlone');
  return t('chat.threadWith', { names: c.others.map((o) => o.displayName).join(', ') });
}

export function conversationSubject(t: TFunction, c: ConversationSummary): string | null {
  if (!c.subject) return null;
  return c.subject.type === 'support_request' ? t('chat.aboutSupport') : t('chat.aboutMentorship');
}
