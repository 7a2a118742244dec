// For a peer leader: messages peers reported in the conversations they review, to hide or leave.
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.ts';
import { Hidden, Loading, LoadProblem } from '../../components/notice.tsx';
import { useHideMessage, useReportedMessages } from './chat-api.ts';
import { participantName } from './chat-words.ts';

export function ReportedMessages() {
  const { t, i18n } = useTranslation();
  const reports = useReportedMessages(true);
  const hide = useHideMessage();
  return (
    <section className="card" aria-labelledby="chat-reports">
      <h2 id="chat-reports">{t('chat.reportsHeading')}</h2>
      <p className="hint">{t('chat.reportsIntro')}</p>
      {reports.isPending ? (
        <Loading />
      ) : reports.isError ? (
        <LoadProblem error={reports.error} onRetry={() => void reports.refetch()} />
      ) : reports.data.reports.length === 0 ? (
        <p className="hint">{t('chat.noReports')}</p>
      ) : (
        <ul className="chat-reports">
          {reports.data.reports.map(({ message, conversation, reasons }) => {
            const name = participantName(t, message.author, true);
            return (
              <li
                key={message.id}
                className={message.hidden ? 'chat-message chat-message-hidden' : 'chat-message'}
              >
                <p className="chat-meta">
                  <strong>{name}</strong> ·{' '}
                  {conversation.kind === 'house'
                    ? t('chat.inHouse', { house: conversation.residenceName ?? '' })
                    : t('chat.inThread')}{' '}
                  · {formatDateTime(message.createdAt, i18n.language)}
                </p>
                {message.hidden ? <p className="hint">{t('chat.hiddenForLeader')}</p> : null}
                <p className="chat-body">{message.body}</p>
                <p className="hint">{t('chat.reportCount', { count: message.reportCount })}</p>
                {reasons.length > 0 ? (
                  <p className="hint">{t('chat.reportReasons', { reasons: reasons.join(' · ') })}</p>
                ) : null}
                {message.hidden ? (
                  <p className="chat-tag">{t('chat.hiddenAlready')}</p>
                ) : (
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={hide.isPending}
                    onClick={() => hide.mutate(message.id)}
                  >
                    {t('chat.hide')}
                    <Hidden> — {t('chat.hideMessageOf', { name })}</Hidden>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {hide.isError ? <LoadProblem error={hide.error} /> : null}
    </section>
  );
}
