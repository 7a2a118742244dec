// The bell in the header: a link to my notifications with the unread count, kept current live.
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useLiveNotifications } from './live.ts';
import { useNotificationList } from './notifications-api.ts';

export function NotificationBell() {
  const { t } = useTranslation();
  const live = useLiveNotifications();
  const list = useNotificationList(live);
  const unread = list.data?.unread ?? 0;
  return (
    <NavLink
      to="/notifications"
      className={`bell${unread > 0 ? ' bell-unread' : ''}`}
      aria-label={unread > 0 ? t('inbox.bellUnread', { count: unread }) : t('inbox.bell')}
    >
      <svg
        className="bell-icon"
        viewBox="0 0 24 24"
        width="22"
        height="22"
        aria-hidden="true"
        focusable="false"
      >
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 ? (
        <span className="bell-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </NavLink>
  );
}
