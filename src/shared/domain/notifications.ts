// Notification kinds, the topics a person chooses by, quiet hours, and whether one notification goes out
// by web push. Pure: the push sender and the settings screen use the same rules.
import { addDays, localDate, zonedTimeToInstant } from './dates.ts';

/**
 * Every kind an area may send: `notifyPeople` takes only these, and each has its push words and its line in
 * the list in both languages (the compiler checks both). A stored kind no longer sent still shows, as a
 * generic line, and belongs to "other".
 */
export const NOTIFICATION_KINDS = [
  'support_request',
  'support_offer',
  'support_accepted',
  'support_offer_withdrawn',
  'support_withdrawn',
  'support_helped',
  'support_expired',
  'reach_out_alert',
  'reach_out_ack',
  'reach_out_escalated',
  'chat_message',
  'mentor_request',
  'mentor_accepted',
  'skill_match',
  'skill_session',
  'congratulations',
  'milestone_reached',
  'meeting_reminder',
  'signal',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a person turns push on or off by: a few plain topics rather than a dozen kinds. */
export const NOTIFICATION_TOPICS = [
  'support',
  'reach_out',
  'chat',
  'peers',
  'celebrations',
  'meetings',
  'signals',
  'other',
] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

export function topicOf(kind: string): NotificationTopic {
  if (kind.startsWith('support_')) return 'support';
  if (kind.startsWith('reach_out_')) return 'reach_out';
  if (kind.startsWith('chat_')) return 'chat';
  if (kind.startsWith('mentor_') || kind.startsWith('skill_')) return 'peers';
  if (kind === 'congratulations' || kind.startsWith('milestone')) return 'celebrations';
  if (kind.startsWith('meeting_')) return 'meetings';
  if (kind === 'signal') return 'signals';
  return 'other';
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A wall-clock time "HH:MM" (24 hours). */
export function isClockTime(value: string): boolean {
  return CLOCK.test(value);
}

function minutesOf(clock: string): number {
  const match = CLOCK.exec(clock);
  if (!match) throw new RangeError(`Not a time of day: ${clock}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();
/** The wall-clock minutes since midnight at `at` in an IANA time zone. */
export function localMinutes(timeZone: string, at: Date): number {
  let formatter = clockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    if (clockFormatters.size < 1000) clockFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  return get('hour') * 60 + get('minute');
}

/**
 * Whether `at` falls in quiet hours from `from` (inclusive) to `until` (exclusive), wall-clock times in
 * the person's time zone. Hours that cross midnight (22:00 → 07:00) are the usual case.
 */
export function isQuietTime(from: string, until: string, timeZone: string, at: Date): boolean {
  const start = minutesOf(from);
  const end = minutesOf(until);
  if (start === end) return false;
  const now = localMinutes(timeZone, at);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * When quiet hours that hold `at` end: the next time the person's wall clock shows `until` (a push held
 * back then goes out; decision 0033). On a spring-forward night a skipped `until` comes an hour later.
 */
export function quietHoursEnd(until: string, timeZone: string, at: Date): Date {
  const today = localDate(timeZone, at);
  const end = zonedTimeToInstant(today, until, timeZone);
  return end.getTime() > at.getTime() ? end : zonedTimeToInstant(addDays(today, 1), until, timeZone);
}

export type PushPreferences = {
  mutedTopics: readonly string[];
  quietFrom: string | null;
  quietUntil: string | null;
};

export type PushDecision = 'send' | 'muted' | 'quiet';

/**
 * Whether one notification goes out by push. Urgent ones (an alert for someone who said they are
 * available to be called) always go: neither a muted topic nor quiet hours hold them back.
 */
export function decidePush(
  notification: { kind: string; urgent: boolean },
  preferences: PushPreferences,
  timeZone: string,
  at: Date,
): PushDecision {
  if (notification.urgent) return 'send';
  if (preferences.mutedTopics.includes(topicOf(notification.kind))) return 'muted';
  if (
    preferences.quietFrom &&
    preferences.quietUntil &&
    isQuietTime(preferences.quietFrom, preferences.quietUntil, timeZone, at)
  ) {
    return 'quiet';
  }
  return 'send';
}

/**
 * One push for a person now: sent, or held back — and when a push held back by quiet hours is due
 * (decision 0033); a muted topic never comes by push, so it has no time.
 */
export function pushTiming(
  notification: { kind: string; urgent: boolean },
  person: Omit<PushPreferences, 'mutedTopics'> & { mutedTopics: readonly string[] | null; timeZone: string },
  at: Date,
): { decision: PushDecision; dueAt: Date | null } {
  const preferences = { ...person, mutedTopics: person.mutedTopics ?? [] };
  const decision = decidePush(notification, preferences, person.timeZone, at);
  const dueAt =
    decision === 'quiet' && person.quietUntil ? quietHoursEnd(person.quietUntil, person.timeZone, at) : null;
  return { decision, dueAt };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idIn = (data: Record<string, unknown>, key: string): string | null => {
  const value = data[key];
  return typeof value === 'string' && UUID.test(value) ? value : null;
};

/** The screen a notification opens (from the list or a push); the list itself when nothing fits. */
export function notificationPath(kind: string, data: Record<string, unknown>): string {
  const conversation = idIn(data, 'conversationId');
  if (kind.startsWith('support_')) {
    if (kind === 'support_request' || kind === 'support_withdrawn') return '/support';
    if (kind === 'support_helped') return '/support/ledger';
    if (kind === 'support_accepted' && conversation) return `/chat/${conversation}`;
    return '/support/mine';
  }
  const alert = idIn(data, 'alertId');
  if (alert && kind.startsWith('reach_out_')) return `/reach-out/alerts/${alert}`;
  if (conversation) return `/chat/${conversation}`;
  const meeting = idIn(data, 'meetingId');
  if (meeting) return `/meetings/${meeting}`;
  const mentorship = idIn(data, 'mentorshipId');
  if (mentorship) return `/mentors/${mentorship}`;
  if (kind.startsWith('mentor')) return '/mentors';
  if (kind.startsWith('skill_')) return '/skills';
  if (kind === 'congratulations' || kind === 'milestone_reached') return '/today';
  // A signal is shown on the peer leader's Today, grouped by person.
  if (kind === 'signal') return '/today';
  return '/notifications';
}
