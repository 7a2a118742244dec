import { describe, expect, it } from 'vitest';
import {
  decidePush,
  isClockTime,
  isQuietTime,
  localMinutes,
  NOTIFICATION_KINDS,
  notificationPath,
  topicOf,
} from './notifications.ts';

describe('topicOf', () => {
  it('should put every known kind in a topic a person can recognise', () => {
    expect(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, topicOf(k)]))).toEqual({
      support_request: 'support',
      support_offer: 'support',
      support_accepted: 'support',
      support_offer_withdrawn: 'support',
      support_withdrawn: 'support',
      support_helped: 'support',
      support_expired: 'support',
      reach_out_alert: 'reach_out',
      reach_out_ack: 'reach_out',
      reach_out_escalated: 'reach_out',
      chat_message: 'chat',
      mentor_request: 'peers',
      mentor_accepted: 'peers',
      skill_match: 'peers',
      skill_session: 'peers',
      congratulations: 'celebrations',
      milestone_reached: 'celebrations',
      meeting_reminder: 'meetings',
      signal: 'signals',
    });
  });

  it('should put a kind it does not know under other', () => {
    expect(topicOf('something_new')).toBe('other');
  });
});

describe('isClockTime', () => {
  it('should accept 24-hour times and refuse anything else', () => {
    expect(['00:00', '07:30', '23:59'].every(isClockTime)).toBe(true);
    expect(['24:00', '7:30', '12:60', '10pm', ''].some(isClockTime)).toBe(false);
  });
});

describe('isQuietTime', () => {
  // 23:30 in Chicago on a winter night is 05:30 UTC the next day.
  const lateInChicago = new Date('2026-01-15T05:30:00Z');

  it('should read the wall clock in the person time zone', () => {
    expect(localMinutes('America/Chicago', lateInChicago)).toBe(23 * 60 + 30);
    expect(localMinutes('UTC', lateInChicago)).toBe(5 * 60 + 30);
  });

  it('should cover hours that cross midnight', () => {
    expect(isQuietTime('22:00', '07:00', 'America/Chicago', lateInChicago)).toBe(true);
    expect(isQuietTime('22:00', '07:00', 'America/Chicago', new Date('2026-01-15T12:59:00Z'))).toBe(true);
    expect(isQuietTime('22:00', '07:00', 'America/Chicago', new Date('2026-01-15T13:00:00Z'))).toBe(false);
    expect(isQuietTime('22:00', '07:00', 'America/Chicago', new Date('2026-01-15T18:00:00Z'))).toBe(false);
  });

  it('should cover hours within one day, start included and end excluded', () => {
    expect(isQuietTime('13:00', '15:00', 'UTC', new Date('2026-01-15T13:00:00Z'))).toBe(true);
    expect(isQuietTime('13:00', '15:00', 'UTC', new Date('2026-01-15T15:00:00Z'))).toBe(false);
  });

  it('should follow daylight saving time', () => {
    // 22:30 in New York: 03:30 UTC in winter, 02:30 UTC in summer.
    expect(isQuietTime('22:00', '23:00', 'America/New_York', new Date('2026-01-15T03:30:00Z'))).toBe(true);
    expect(isQuietTime('22:00', '23:00', 'America/New_York', new Date('2026-07-15T02:30:00Z'))).toBe(true);
    expect(isQuietTime('22:00', '23:00', 'America/New_York', new Date('2026-07-15T03:30:00Z'))).toBe(false);
  });

  it('should treat the same start and end as no quiet hours', () => {
    expect(isQuietTime('08:00', '08:00', 'UTC', new Date('2026-01-15T08:00:00Z'))).toBe(false);
  });
});

describe('decidePush', () => {
  const night = new Date('2026-01-15T05:30:00Z');
  const quiet = { mutedTopics: [], quietFrom: '22:00', quietUntil: '07:00' };

  it('should send when nothing holds it back', () => {
    expect(decidePush({ kind: 'support_offer', urgent: false }, quiet, 'Asia/Tokyo', night)).toBe('send'); // 14:30 there
  });

  it('should hold back a muted topic and anything in quiet hours', () => {
    expect(
      decidePush({ kind: 'chat_message', urgent: false }, { ...quiet, mutedTopics: ['chat'] }, 'UTC', night),
    ).toBe('muted');
    expect(decidePush({ kind: 'support_offer', urgent: false }, quiet, 'America/Chicago', night)).toBe(
      'quiet',
    );
  });

  it('should always send an urgent alert, even muted and in quiet hours', () => {
    expect(
      decidePush(
        { kind: 'reach_out_alert', urgent: true },
        { ...quiet, mutedTopics: ['reach_out'] },
        'America/Chicago',
        night,
      ),
    ).toBe('send');
  });
});

describe('notificationPath', () => {
  const id = '6f1c1f9e-2b7a-4c1e-9a51-0d2b6c1f1a10';
  it('should open where each kind happened', () => {
    expect(notificationPath('support_offer', { requestId: id })).toBe('/support/mine');
    expect(notificationPath('support_accepted', { requestId: id, conversationId: id })).toBe(`/chat/${id}`);
    expect(notificationPath('support_helped', { requestId: id })).toBe('/support/ledger');
    expect(notificationPath('reach_out_alert', { alertId: id })).toBe(`/reach-out/alerts/${id}`);
    expect(notificationPath('chat_message', { conversationId: id })).toBe(`/chat/${id}`);
    expect(notificationPath('mentor_request', { mentorshipId: id })).toBe(`/mentors/${id}`);
    expect(notificationPath('skill_match', {})).toBe('/skills');
    expect(notificationPath('meeting_reminder', { meetingId: id })).toBe(`/meetings/${id}`);
    expect(notificationPath('signal', { signalId: id, residenceId: id })).toBe('/today');
  });

  it('should open the list for an unknown kind, and never follow an id that is not an id', () => {
    expect(notificationPath('something_new', {})).toBe('/notifications');
    expect(notificationPath('chat_message', { conversationId: '../../admin' })).toBe('/notifications');
  });
});
