// My conversations: my house's chat first, then my private threads, each with how many messages are
// new; for a peer leader, the messages peers reported, to hide or leave.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConversationSummary } from '../../../shared/contracts/chat.ts';
import { ledResidenceIds, useMe } from '../../app/session.ts';
import { formatDateTime } from '../../components/format.ts';
import { Loading, LoadProblem } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useConversations } from './chat-api.ts';
import { useChatLive } from './chat-live.ts';
import { conversationSubject, conversationTitle } from './chat-words.ts';
import { ReportedMessages } from './reported-messages.tsx';

export function ChatListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const list = useConversations();
  useChatLive();
  const leads = ledResidenceIds(me).length > 0;
  return (
    <Page title={t('chat.listTitle')} intro={t('chat.listIntro')}>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadProblem error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <section className="card" aria-labelledby="chat-house">
            <h2 id="chat-house">{t('chat.houseHeading')}</h2>
            <ConversationLinks
              items={list.data.conversations.filter((c) => c.kind === 'house')}
              empty={t('chat.noHouse')}
            />
          </section>
          <section className="card" aria-labelledby="chat-threads">
            <h2 id="chat-threads">{t('chat.threadsHeading')}</h2>
            <ConversationLinks
              items={list.data.conversations.filter((c) => c.kind === 'thread')}
              empty={t('chat.noThreads')}
            />
          </section>
        </>
      )}
      {leads ? <ReportedMessages /> : null}
    </Page>
  );
}

function ConversationLinks({ items, empty }: { items: ConversationSummary[]; empty: string }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <p className="hint">{empty}</p>;
  return (
    <ul className="chat-conversations">
      {items.map((c) => {
        const subject = conversationSubject(t, c);
        return (
          <li key={c.id}>
            <Link to={`/chat/${c.id}`} className="chat-conversation-link">
              <span className="chat-conversation-title">{conversationTitle(t, c)}</span>
              {c.unreadCount > 0 ? (
                <span className="chat-unread">{t('chat.unread', { count: c.unreadCount })}</span>
              ) : null}
            </Link>
            {subject ? <p className="hint">{subject}</p> : null}
            <p className="hint">
              {c.lastMessageAt
                ? t('chat.lastMessage', { when: formatDateTime(c.lastMessageAt, i18n.language) })
                : t('chat.noMessagesYet')}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
