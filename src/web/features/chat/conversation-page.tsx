// One conversation: the house chat or a private thread (support and mentor screens link here). New
// messages appear as they are written; what I have seen is marked read; any message can be reported,
// and a peer leader who reviews this conversation can hide a reported one.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ChatMessage, MESSAGE_MAX_LENGTH, type MyName } from '../../../shared/contracts/chat.ts';
import { TextAreaField } from '../../components/fields.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Hidden, Loading, LoadProblem } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import {
  flattenMessages,
  newClientKey,
  useConversation,
  useHideMessage,
  useMarkRead,
  useMessages,
  usePostMessage,
  useReportMessage,
  useShowMyName,
} from './chat-api.ts';
import { useChatLive } from './chat-live.ts';
import { conversationSubject, conversationTitle, participantName } from './chat-words.ts';

export function ConversationPage() {
  const { t } = useTranslation();
  const { conversationId = '' } = useParams();
  const conversation = useConversation(conversationId);
  useChatLive(conversationId);
  if (conversation.isPending) {
    return (
      <Page title={t('chat.listTitle')}>
        <Loading />
      </Page>
    );
  }
  if (conversation.isError) {
    return (
      <Page title={t('chat.listTitle')}>
        <LoadProblem error={conversation.error} onRetry={() => void conversation.refetch()} />
        <p>
          <Link to="/chat">{t('chat.back')}</Link>
        </p>
      </Page>
    );
  }
  const c = conversation.data;
  const subject = conversationSubject(t, c);
  return (
    <Page title={conversationTitle(t, c)}>
      <p>
        <Link to="/chat">{t('chat.back')}</Link>
      </p>
      {subject && c.subject ? (
        <p className="hint">
          <Link to={c.subject.type === 'mentorship' ? `/mentors/${c.subject.id}` : '/support/mine'}>
            {subject}
          </Link>
        </p>
      ) : null}
      <p className="hint">
        {c.kind === 'house' ? t('chat.houseNote', { house: c.residence?.name ?? '' }) : t('chat.privateNote')}
      </p>
      {c.myName !== 'shown' ? <MyNameCard conversationId={c.id} myName={c.myName} /> : null}
      <Messages conversationId={c.id} canModerate={c.canModerate} lastReadSeq={c.lastReadSeq} />
      <Composer conversationId={c.id} />
    </Page>
  );
}

/** For someone who joined without their name: whether the others know who they are, and the choice. */
function MyNameCard({
  conversationId,
  myName,
}: {
  conversationId: string;
  myName: Exclude<MyName, 'shown'>;
}) {
  const { t } = useTranslation();
  const show = useShowMyName(conversationId);
  const hidden = myName === 'hidden';
  return (
    <section className="card" aria-labelledby="my-name-heading">
      <h2 id="my-name-heading">{hidden ? t('chat.nameHiddenHeading') : t('chat.nameShownHeading')}</h2>
      <p>{hidden ? t('chat.nameHiddenNote') : t('chat.nameShownNote')}</p>
      <button
        type="button"
        className={hidden ? 'button' : 'button button-secondary'}
        disabled={show.isPending}
        onClick={() => show.mutate(hidden)}
      >
        {hidden ? t('chat.showMyName') : t('chat.hideMyName')}
      </button>
      {show.isError ? <LoadProblem error={show.error} /> : null}
    </section>
  );
}

function Messages({
  conversationId,
  canModerate,
  lastReadSeq,
}: {
  conversationId: string;
  canModerate: boolean;
  lastReadSeq: number;
}) {
  const { t } = useTranslation();
  const messages = useMessages(conversationId);
  const markRead = useMarkRead(conversationId);
  const list = flattenMessages(messages.data?.pages);
  const newest = list.at(-1)?.seq ?? 0;
  const [readUpTo, setReadUpTo] = useState(lastReadSeq);
  const { mutate } = markRead;
  useEffect(() => {
    if (newest > readUpTo) {
      setReadUpTo(newest);
      mutate(newest);
    }
  }, [newest, readUpTo, mutate]);
  // The newest message is in view when the conversation opens and when one arrives.
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (newest > 0) end.current?.scrollIntoView({ block: 'end' });
  }, [newest]);

  if (messages.isPending) return <Loading />;
  if (messages.isError) return <LoadProblem error={messages.error} onRetry={() => void messages.refetch()} />;
  return (
    <section aria-label={t('chat.messagesLabel')} className="chat-messages">
      {messages.hasNextPage ? (
        <button
          type="button"
          className="button button-quiet"
          disabled={messages.isFetchingNextPage}
          onClick={() => void messages.fetchNextPage()}
        >
          {t('chat.earlier')}
        </button>
      ) : null}
      {list.length === 0 ? <p className="hint">{t('chat.noMessagesYet')}</p> : null}
      <ol className="chat-message-list" aria-live="polite" aria-relevant="additions">
        {list.map((m) => (
          <MessageItem key={m.id} message={m} canModerate={canModerate} />
        ))}
      </ol>
      <div ref={end} />
    </section>
  );
}

function MessageItem({ message, canModerate }: { message: ChatMessage; canModerate: boolean }) {
  const { t, i18n } = useTranslation();
  const [reporting, setReporting] = useState(false);
  const [reason, setReason] = useState('');
  const report = useReportMessage();
  const hide = useHideMessage();
  const name = message.mine ? t('chat.you') : participantName(t, message.author, true);
  const classes = [
    'chat-message',
    message.mine ? 'chat-message-mine' : '',
    message.hidden ? 'chat-message-hidden' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const submitReport = (event: FormEvent) => {
    event.preventDefault();
    report.mutate({ messageId: message.id, reason: reason.trim() }, { onSuccess: () => setReporting(false) });
  };
  return (
    <li className={classes}>
      <p className="chat-meta">
        <strong>{name}</strong> ·{' '}
        <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, i18n.language)}</time>
      </p>
      {message.hidden && message.body === null ? (
        <p className="chat-body chat-hidden-note">{t('chat.hiddenForPeers')}</p>
      ) : (
        <>
          {message.hidden ? <p className="hint">{t('chat.hiddenForLeader')}</p> : null}
          <p className="chat-body">{message.body}</p>
        </>
      )}
      {canModerate && message.reportCount > 0 ? (
        <p className="hint">{t('chat.reportCount', { count: message.reportCount })}</p>
      ) : null}
      {message.reportedByMe ? <p className="hint">{t('chat.reported')}</p> : null}
      <div className="chat-actions">
        {!message.mine && !message.hidden && !message.reportedByMe && !reporting ? (
          <button type="button" className="button button-quiet" onClick={() => setReporting(true)}>
            {t('chat.report')}
            <Hidden> — {t('chat.reportMessageOf', { name })}</Hidden>
          </button>
        ) : null}
        {canModerate && message.reportCount > 0 && !message.hidden ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={hide.isPending}
            onClick={() => hide.mutate(message.id)}
          >
            {t('chat.hide')}
            <Hidden> — {t('chat.hideMessageOf', { name })}</Hidden>
          </button>
        ) : null}
      </div>
      {reporting ? (
        <form className="chat-report-form" onSubmit={submitReport}>
          <TextAreaField
            label={t('chat.reportReason')}
            value={reason}
            maxLength={500}
            rows={2}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="chat-actions">
            <button type="submit" className="button" disabled={report.isPending}>
              {t('chat.reportConfirm')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setReporting(false)}>
              {t('chat.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {report.isError ? <LoadProblem error={report.error} /> : null}
      {hide.isError ? <LoadProblem error={hide.error} /> : null}
    </li>
  );
}

function Composer({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const post = usePostMessage(conversationId);
  // One key per message being written; a new one once it is sent.
  const [clientKey, setClientKey] = useState(newClientKey);
  const formId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text) {
      setProblem(t('chat.emptyMessage'));
      return;
    }
    if (text.length > MESSAGE_MAX_LENGTH) {
      setProblem(t('chat.tooLong', { max: MESSAGE_MAX_LENGTH }));
      return;
    }
    setProblem(undefined);
    post.mutate(
      { body: text, clientKey },
      {
        onSuccess: () => {
          setBody('');
          setClientKey(newClientKey());
        },
      },
    );
  };
  return (
    <form className="chat-composer" onSubmit={submit} aria-labelledby={`${formId}-send`} noValidate>
      <TextAreaField
        label={t('chat.composeLabel')}
        hint={t('chat.composeHint')}
        error={problem}
        value={body}
        rows={3}
        maxLength={MESSAGE_MAX_LENGTH}
        onChange={(e) => {
          setBody(e.target.value);
          // A changed message after a failed send is a new message.
          if (post.isError) setClientKey(newClientKey());
        }}
      />
      {post.isError ? <LoadProblem error={post.error} /> : null}
      <button id={`${formId}-send`} type="submit" className="button" disabled={post.isPending}>
        {post.isPending ? t('chat.sending') : t('chat.send')}
      </button>
    </form>
  );
}
