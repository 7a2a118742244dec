// A small list on Today: reminders of house meetings (in-app; nothing leaves the server).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Hidden } from '../../components/notice.tsx';
import { useMarkNotificationRead, useNotifications } from './meetings-api.ts';

export function NotificationsCard() {
  const { t, i18n } = useTranslation();
  const list = useNotifications();
  const read = useMarkNotificationRead();
  const unread = (list.data?.notifications ?? []).filter((n) => !n.readAt).slice(0, 5);
  if (unread.length === 0) return null;
  return (
    <section className="card notifications" aria-labelledby="today-notifications">
      <h2 id="today-notifications">{t('notifications.heading')}</h2>
      <ul className="plain-list">
        {unread.map((n) => (
          <li key={n.id}>
            {n.kind === 'meeting_reminder' && n.meetingId && n.startsAt ? (
              <Link to={`/meetings/${n.meetingId}`}>
                {t('notifications.meetingReminder', {
                  title: n.title,
                  time: new Intl.DateTimeFormat(i18n.language, {
                    weekday: 'long',
                    hour: 'numeric',
                    minute: '2-digit',
                  }).format(new Date(n.startsAt)),
                })}
              </Link>
            ) : (
              <span>{t('notifications.generic')}</span>
            )}{' '}
            <button
              type="button"
              className="button button-quiet"
              disabled={read.isPending}
              onClick={() => read.mutate(n.id)}
            >
              {t('notifications.markRead')} <Hidden>{n.title ?? ''}</Hidden>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
