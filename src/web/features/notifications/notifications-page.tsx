// My notifications: newest first, unread ones marked, each opening where it happened; mark one or all
// read; older ones on request.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationView } from '../../../shared/contracts/notifications.ts';
import { formatDateTime } from '../../components/format.ts';
import { Hidden, Loading, LoadProblem, Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useLiveNotifications } from './live.ts';
import { NotificationLine, resolutionOf, useNotificationText } from './notification-line.tsx';
import {
  fetchOlderNotifications,
  useMarkAllRead,
  useMarkRead,
  useNotificationList,
} from './notifications-api.ts';

export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const live = useLiveNotifications();
  const list = useNotificationList(live);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const textOf = useNotificationText();
  const [older, setOlder] = useState<NotificationView[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null | undefined>(undefined);
  const [loadingOlder, setLoadingOlder] = useState(false);

  const loadOlder = async (before: string) => {
    setLoadingOlder(true);
    try {
      const page = await fetchOlderNotifications(before);
      setOlder((previous) => [...previous, ...page.notifications]);
      setNextBefore(page.nextBefore);
    } finally {
      setLoadingOlder(false);
    }
  };

  const open = (n: NotificationView) => {
    if (!n.readAt) markRead.mutate(n.id);
  };

  return (
    <Page title={t('inbox.title')} intro={t('inbox.intro')}>
      <p>
        <Link to="/settings/notifications">{t('inbox.settingsLink')}</Link>
      </p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadProblem error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.notifications.length === 0 ? (
        <Notice>{t('inbox.empty')}</Notice>
      ) : (
        <>
          <div className="inbox-summary">
            <p role="status">
              {list.data.unread > 0 ? t('inbox.unread', { count: list.data.unread }) : t('inbox.markedAll')}
            </p>
            {list.data.unread > 0 ? (
              <button
                type="button"
                className="button button-secondary"
                disabled={markAll.isPending}
                onClick={() => markAll.mutate()}
              >
                {t('inbox.markAllRead')}
              </button>
            ) : null}
          </div>
          {markAll.isError ? <LoadProblem error={markAll.error} /> : null}
          <ul className="inbox-list">
            {[...list.data.notifications, ...older].map((n) => (
              <li
                key={n.id}
                className={`inbox-item${n.readAt ? '' : ' inbox-unread'}${n.urgent ? ' inbox-urgent' : ''}${resolutionOf(n) ? ' inbox-resolved' : ''}`}
              >
                <p className="inbox-line">
                  {n.urgent ? <span className="badge badge-urgent">{t('inbox.urgent')}</span> : null}
                  {resolutionOf(n) ? (
                    <span className="badge badge-resolved">{t('inbox.resolved')}</span>
                  ) : null}
                  {!n.readAt && !n.urgent ? <span className="badge">{t('inbox.new')}</span> : null}{' '}
                  <NotificationLine notification={n} onOpen={open} />
                </p>
                <p className="hint">
                  <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, i18n.language)}</time>
                </p>
                {n.readAt ? null : (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={markRead.isPending}
                    onClick={() => markRead.mutate(n.id)}
                  >
                    {t('inbox.markRead')}
                    <Hidden>: {textOf(n)}</Hidden>
                  </button>
                )}
              </li>
            ))}
          </ul>
          {(nextBefore === undefined ? list.data.nextBefore : nextBefore) ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={loadingOlder}
              onClick={() => void loadOlder((nextBefore ?? list.data.nextBefore) as string)}
            >
              {t('inbox.older')}
            </button>
          ) : null}
        </>
      )}
    </Page>
  );
}
