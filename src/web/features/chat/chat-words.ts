// How a conversation is named on screen, in the active language.
import type { TFunction } from 'i18next';
import type { ChatParticipant, ConversationSummary } from '../../../shared/contracts/chat.ts';

/**
 * A person in a conversation: their name, or who they are to me when they joined without it ("the person
 * you're helping"); `start` capitalizes that phrase where it begins a line.
 */
export function participantName(t: TFunction, p: ChatParticipant | null, start = false): string {
  if (p && 'unnamed' in p && start) {
    const phrase = participantName(t, p);
    return phrase.charAt(0).toLocaleUpperCase() + phrase.slice(1);
  }
  if (!p) return t('chat.someone');
  if ('unnamed' in p) return p.unnamed === 'helped' ? t('chat.unnamedHelped') : t('chat.unnamedHelping');
  return p.displayName;
}

export function conversationTitle(t: TFunction, c: ConversationSummary): string {
  if (c.kind === 'house') return t('chat.houseName', { house: c.residence?.name ?? '' });
  if (c.others.length === 0) return t('chat.threadAlone');
  return t('chat.threadWith', { names: c.others.map((o) => participantName(t, o)).join(', ') });
}

export function conversationSubject(t: TFunction, c: ConversationSummary): string | null {
  if (!c.subject) return null;
  return c.subject.type === 'support_request' ? t('chat.aboutSupport') : t('chat.aboutMentorship');
}
