// A small list on Today: my unread notifications of every kind (meeting reminders, offers of help,
// messages…), each opening where it happened. The full list is on /notifications.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Hidden } from '../../components/notice.tsx';
import { useLiveNotifications } from '../notifications/live.ts';
import { NotificationLine, useNotificationText } from '../notifications/notification-line.tsx';
import { useMarkRead, useNotificationList } from '../notifications/notifications-api.ts';

export function NotificationsCard() {
  const { t } = useTranslation();
  const list = useNotificationList(useLiveNotifications());
  const read = useMarkRead();
  const textOf = useNotificationText();
  const unread = (list.data?.notifications ?? []).filter((n) => !n.readAt).slice(0, 5);
  if (unread.length === 0) return null;
  return (
    <section className="card notifications" aria-labelledby="today-notifications">
      <h2 id="today-notifications">{t('notifications.heading')}</h2>
      <ul className="plain-list">
        {unread.map((n) => (
          <li key={n.id}>
            <NotificationLine notification={n} onOpen={() => read.mutate(n.id)} />{' '}
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={read.isPending}
              onClick={() => read.mutate(n.id)}
            >
              {t('notifications.markRead')} <Hidden>{textOf(n)}</Hidden>
            </button>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/notifications">{t('inbox.title')}</Link>
      </p>
    </section>
  );
}
