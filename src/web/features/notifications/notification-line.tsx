// One notification in warm, plain words, with a link to where it happened. Kinds from every area have
// their own line; a kind this screen does not know yet still shows, as a generic line.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationView } from '../../../shared/contracts/notifications.ts';
import { milestoneFromKey } from '../../../shared/domain/milestones.ts';
import { notificationPath } from '../../../shared/domain/notifications.ts';
import type { Translations } from '../../app/i18n/en.ts';
import { deviceTimeZone, formatMeetingTime } from '../../components/format.ts';

type LineKey = keyof Translations['inbox']['lines'];

/** The name a notification may carry, under whichever field its area used. */
/** An alert whose person is okay now ('okay') or that someone who answered closed ('closed'). */
export function resolutionOf(n: NotificationView): 'okay' | 'closed' | null {
  const resolved = n.data.resolved;
  return resolved === 'okay' || resolved === 'closed' ? resolved : null;
}

function nameIn(data: NotificationView['data']): string | null {
  for (const key of ['personName', 'authorName', 'fromName', 'displayName', 'helperName', 'name']) {
    const value = data[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return null;
}

export function useNotificationText() {
  const { t, i18n } = useTranslation();
  return (n: NotificationView): string => {
    const known = i18n.exists(`inbox.lines.${n.kind}`);
    if (!known) return t('inbox.lines.generic', { kind: n.kind.replace(/_/g, ' ') });
    if (n.kind === 'meeting_reminder') {
      if (!n.title || !n.startsAt) return t('inbox.lines.meeting_reminder_anon');
      const time = formatMeetingTime(n.startsAt, n.timeZone ?? deviceTimeZone(), i18n.language, {
        weekday: 'long',
        hour: 'numeric',
        minute: '2-digit',
      });
      return t('inbox.lines.meeting_reminder', { title: n.title, time });
    }
    const resolved = resolutionOf(n);
    if (n.kind === 'reach_out_alert' && resolved) {
      const who = nameIn(n.data);
      return who
        ? t(`inbox.lines.reach_out_alert_${resolved}`, { name: who })
        : t(`inbox.lines.reach_out_alert_${resolved}_anon`);
    }
    if (n.kind === 'milestone_reached') {
      const m = typeof n.data.milestone === 'string' ? milestoneFromKey(n.data.milestone) : null;
      if (!m) return t('inbox.lines.milestone_reached_anon');
      return t('inbox.lines.milestone_reached', { milestone: t(`calendar.${m.unit}`, { count: m.count }) });
    }
    const name = nameIn(n.data);
    const anon = `${n.kind}_anon` as LineKey;
    if (!name && i18n.exists(`inbox.lines.${anon}`)) return t(`inbox.lines.${anon}`);
    return t(`inbox.lines.${n.kind as LineKey}`, { name: name ?? t('inbox.someone') });
  };
}

export function NotificationLine({
  notification,
  onOpen,
}: {
  notification: NotificationView;
  onOpen?: (n: NotificationView) => void;
}) {
  const text = useNotificationText()(notification);
  const path = notificationPath(notification.kind, notification.data);
  if (path === '/notifications') return <span>{text}</span>;
  return (
    <Link to={path} onClick={() => onOpen?.(notification)}>
      {text}
    </Link>
  );
}
