import { describe, expect, it } from 'vitest';
import {
  addMinutes,
  type DirectoryMeeting,
  feedTimestamp,
  hasHtml,
  isKnownConferenceHost,
  meetingTypeNames,
  parseFeed,
  parseFeedRow,
  slugify,
  stripHtml,
  toFeedMeeting,
} from './meeting-guide.ts';

const defaults = { timeZone: 'America/Chicago', fellowship: 'aa' };

const directory = (overrides: Partial<DirectoryMeeting> = {}): DirectoryMeeting => ({
  slug: 'monday-big-book',
  name: 'Monday Big Book',
  days: [1],
  time: '19:00',
  endTime: null,
  timeZone: 'America/Chicago',
  types: ['O', 'B'],
  fellowship: 'aa',
  programFocus: [],
  languages: ['en'],
  notes: '',
  location: 'St. Mark’s Hall',
  locationNotes: '',
  formattedAddress: '12 Elm St, Springfield, IL 62701, USA',
  region: '',
  approximate: false,
  conferenceUrl: null,
  conferenceUrlNotes: null,
  conferencePhone: null,
  conferencePhoneNotes: null,
  groupName: null,
  url: null,
  ...overrides,
});

describe('reading a feed row', () => {
  it('should read a conformant row into a directory entry', () => {
    const parsed = parseFeedRow(
      {
        name: 'Tuesday Women',
        slug: 'tuesday-women',
        day: 2,
        time: '18:30',
        end_time: '19:30',
        timezone: 'America/New_York',
        types: ['W', 'C', 'S'],
        address: '1 Main St',
        city: 'Springfield',
        state: 'IL',
        regions: ['North', 'Downtown'],
        conference_url: 'https://zoom.us/j/123',
        group: 'Serenity Group',
      },
      0,
      defaults,
    );
    expect(parsed).toMatchObject({
      ok: true,
      meeting: {
        slug: 'tuesday-women',
        days: [2],
        time: '18:30',
        endTime: '19:30',
        timeZone: 'America/New_York',
        types: ['W', 'C', 'S'],
        languages: ['es'],
        formattedAddress: '1 Main St, Springfield, IL',
        region: 'North > Downtown',
        conferenceUrl: 'https://zoom.us/j/123',
        groupName: 'Serenity Group',
        fellowship: 'aa',
      },
    });
  });

  it('should accept several days, numeric strings and HH:MM:SS times', () => {
    const parsed = parseFeedRow({ name: 'X', slug: 'x', day: ['3', 1, 1], time: '7:05:00' }, 4, defaults);
    expect(parsed).toMatchObject({
      ok: true,
      meeting: { days: [1, 3], time: '07:05', timeZone: 'America/Chicago' },
    });
  });

  it.each([
    [{ slug: 'a', day: 1, time: '19:00' }, 'name', 'is required'],
    [{ name: 'A', day: 1, time: '19:00' }, 'slug', 'is required'],
    [{ name: 'A', slug: 'has space', day: 1, time: '19:00' }, 'slug', 'must be up to 64 URL-safe characters'],
    [{ name: 'A', slug: 'a', day: 7, time: '19:00' }, 'day', 'must be 0–6 (Sunday is 0) or a list of them'],
    [
      { name: 'A', slug: 'a', day: 'Monday', time: '19:00' },
      'day',
      'must be 0–6 (Sunday is 0) or a list of them',
    ],
    [
      { name: 'A', slug: 'a', day: 1, time: '25:00' },
      'time',
      'must be a time like 19:30 (24-hour, 00:00–23:59)',
    ],
    [{ name: 'A', slug: 'a', day: 1 }, 'time', 'is required when a day is given'],
    [
      { name: 'A', slug: 'a', day: 1, time: '19:00', timezone: 'Mars/Olympus' },
      'timezone',
      'must be an IANA time zone like America/Chicago',
    ],
  ])('should not use a row %j: %s %s', (row, field, message) => {
    const parsed = parseFeedRow(row, 7, defaults);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems).toContainEqual(expect.objectContaining({ index: 7, field, message }));
  });

  it('should not use something that is not an object', () => {
    expect(parseFeedRow('hello', 2, defaults)).toEqual({
      ok: false,
      problems: [
        {
          index: 2,
          slug: null,
          field: 'row',
          reason: 'outside_meetings.row_not_object',
          message: 'is not a meeting object',
        },
      ],
    });
  });

  it('should keep a row but leave out unknown type codes (and explain ONL), HTML and non-links', () => {
    const parsed = parseFeedRow(
      {
        name: '<b>Friday</b> Speaker',
        slug: 'friday',
        day: 5,
        time: '20:00',
        types: ['SP', 'ONL', 'ZZZ'],
        notes: '<p>Bring a friend &amp; coffee</p><script>alert(1)</script>',
        url: 'javascript:alert(1)',
      },
      0,
      defaults,
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.meeting.name).toBe('Friday Speaker');
    expect(parsed.meeting.types).toEqual(['SP']);
    expect(parsed.meeting.notes).not.toMatch(/[<>]/);
    expect(parsed.meeting.notes).toContain('Bring a friend & coffee');
    expect(parsed.meeting.url).toBeNull();
    expect(parsed.adjusted.map((a) => a.field).sort()).toEqual(['types', 'types', 'url']);
  });
});

describe('reading an online row’s place', () => {
  it('should keep approximate: "yes" only beside an address', () => {
    const row = { name: 'Online', slug: 'online', conference_url: 'https://zoom.us/j/1' };
    const placed = parseFeedRow({ ...row, formatted_address: 'Denver, CO', approximate: 'yes' }, 0, defaults);
    expect(placed.ok && placed.meeting).toMatchObject({ formattedAddress: 'Denver, CO', approximate: true });
    const bare = parseFeedRow({ ...row, approximate: 'yes' }, 0, defaults);
    expect(bare.ok && bare.meeting).toMatchObject({ formattedAddress: '', approximate: false });
    const exact = parseFeedRow({ ...row, formatted_address: '1 Main St, Denver, CO' }, 0, defaults);
    expect(exact.ok && exact.meeting).toMatchObject({ approximate: false });
  });
});

describe('reading a whole feed', () => {
  it('should use each slug once, and list every row it could not use with its index', () => {
    const feed = parseFeed(
      [
        { name: 'A', slug: 'a', day: 0, time: '10:00' },
        { name: 'A again', slug: 'a', day: 0, time: '11:00' },
        42,
        { name: 'B', slug: 'b' },
      ],
      defaults,
    );
    expect(feed.total).toBe(4);
    expect(feed.meetings.map((m) => [m.index, m.meeting.slug])).toEqual([
      [0, 'a'],
      [3, 'b'],
    ]);
    expect(feed.skipped).toEqual([
      {
        index: 1,
        slug: 'a',
        field: 'slug',
        reason: 'outside_meetings.row_repeated_slug',
        message: 'repeats the slug of row 0',
        params: { row: 0 },
      },
      {
        index: 2,
        slug: null,
        field: 'row',
        reason: 'outside_meetings.row_not_object',
        message: 'is not a meeting object',
      },
    ]);
  });

  it('should report 10,000 malformed rows one by one', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ slug: `s${i}`, day: 9 }));
    const feed = parseFeed(rows, defaults);
    expect(feed.meetings).toEqual([]);
    expect(new Set(feed.skipped.map((s) => s.index)).size).toBe(10_000);
  });
});

describe('writing our feed', () => {
  it("should give an online meeting with no place of its own the organization's area, marked approximate", () => {
    const online = directory({
      formattedAddress: '',
      location: '',
      conferenceUrl: 'https://zoom.us/j/123',
    });
    const row = toFeedMeeting(online, new Date('2026-12-01T10:00:00Z'), 'Burlington, VT, USA');
    expect(row.formatted_address).toBe('Burlington, VT, USA');
    expect(row.approximate).toBe('yes');
  });

  it("should keep an online meeting's own approximate place, and mark it so", () => {
    const online = directory({
      formattedAddress: 'Montpelier, VT, USA',
      approximate: true,
      conferencePhone: '+1 802 555 0100',
    });
    const row = toFeedMeeting(online, new Date('2026-12-01T10:00:00Z'), 'Burlington, VT, USA');
    expect(row.formatted_address).toBe('Montpelier, VT, USA');
    expect(row.approximate).toBe('yes');
  });

  it('should not mark a street address approximate, nor place an in-person meeting in the area', () => {
    const exact = toFeedMeeting(directory(), new Date('2026-12-01T10:00:00Z'), 'Burlington, VT, USA');
    expect(exact.formatted_address).toBe('12 Elm St, Springfield, IL 62701, USA');
    expect(exact).not.toHaveProperty('approximate');
    const nowhere = toFeedMeeting(directory({ formattedAddress: '' }), new Date(), 'Burlington, VT, USA');
    expect(nowhere).not.toHaveProperty('formatted_address');
    expect(nowhere).not.toHaveProperty('approximate');
  });

  const updated = new Date('2026-03-08T14:05:09.123Z');

  it('should write day 0–6, HH:MM, an end time an hour later, the zone and the UTC updated stamp', () => {
    const row = toFeedMeeting(directory({ days: [0], time: '23:30' }), updated);
    expect(row).toMatchObject({
      slug: 'monday-big-book',
      day: 0,
      time: '23:30',
      end_time: '00:30',
      timezone: 'America/Chicago',
      updated: '2026-03-08 14:05:09',
    });
    expect(row.updated).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('should write several days as a list, and no day or time for a meeting that is not weekly', () => {
    expect(toFeedMeeting(directory({ days: [1, 3] }), updated).day).toEqual([1, 3]);
    const notWeekly = toFeedMeeting(directory({ days: [], time: null }), updated);
    expect(notWeekly).not.toHaveProperty('day');
    expect(notWeekly).not.toHaveProperty('time');
  });

  it('should write only spec type codes, and add S for a meeting held in Spanish', () => {
    const row = toFeedMeeting(directory({ types: ['W', 'ONL', 'NOPE'], languages: ['es'] }), updated);
    expect(row.types).toEqual(['W', 'S']);
  });

  it('should write plain text only, and online meetings through conference_url and conference_phone', () => {
    const row = toFeedMeeting(
      directory({
        notes: 'Doors open <b>early</b>',
        conferenceUrl: 'https://meet.jit.si/hearth-room',
        conferenceUrlNotes: 'Password: hope',
        conferencePhone: '+1 555 0100',
        formattedAddress: '',
      }),
      updated,
    );
    expect(JSON.stringify(row)).not.toMatch(/<[a-z/]/i);
    expect(row.notes).toBe('Doors open early');
    expect(row.conference_url).toBe('https://meet.jit.si/hearth-room');
    expect(row.conference_url_notes).toBe('Password: hope');
    expect(row.conference_phone).toBe('+1 555 0100');
    expect(row).not.toHaveProperty('formatted_address');
  });

  it('should carry no contact fields at all (so no names of people)', () => {
    const row = toFeedMeeting(directory(), updated);
    expect(Object.keys(row).filter((k) => k.startsWith('contact'))).toEqual([]);
  });
});

describe('small helpers', () => {
  it('should find HTML, strip it and keep plain text as it is', () => {
    expect(hasHtml('Meet at <a href="x">the hall</a>')).toBe(true);
    expect(hasHtml('3 < 5 and 7 > 2')).toBe(false);
    expect(stripHtml('Line one<br>Line &quot;two&quot;')).toBe('Line one\nLine "two"');
  });

  it('should make URL-safe slugs and add minutes across midnight', () => {
    expect(slugify('Reunión de Mujeres — Martes!')).toBe('reunion-de-mujeres-martes');
    expect(slugify('!!!')).toBe('meeting');
    expect(addMinutes('23:30', 60)).toBe('00:30');
    expect(feedTimestamp(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02 03:04:05');
  });

  it('should know the common conference providers', () => {
    expect(isKnownConferenceHost('https://us02web.zoom.us/j/1')).toBe(true);
    expect(isKnownConferenceHost('https://example.org/meet')).toBe(false);
  });

  it('should name types in English and Spanish from the spec package', () => {
    expect(meetingTypeNames('en').W).toBe('Women');
    expect(meetingTypeNames('es').W).toBe('Mujeres');
  });
});
