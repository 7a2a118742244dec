// The Meeting Guide feed (code4recovery/spec): reading other organizations' feeds row by row, and
// writing ours so meeting-finder apps can read it. Type codes come from @code4recovery/spec.
import { getTypesForLanguage, isMeetingType } from '@code4recovery/spec';
import { isValidTimeZone } from './dates.ts';
import { unstorableText } from './storable-text.ts';

/** Fellowships a directory entry may belong to (ours, not the spec's: the spec is AA's). */
export const FELLOWSHIPS = ['aa', 'na', 'ca', 'smart', 'faith_based', 'other'] as const;
export type Fellowship = (typeof FELLOWSHIPS)[number];

/** The languages a directory entry may be held in (BCP 47 base tags people meet in locally). */
export const MEETING_LANGUAGES = ['en', 'es', 'fr', 'pt', 'zh', 'vi', 'ko', 'ar', 'ru', 'asl'] as const;

/** Type codes that name a language, so a row's languages follow from its types. */
const LANGUAGE_BY_TYPE: Record<string, string> = {
  EN: 'en',
  S: 'es',
  FR: 'fr',
  POR: 'pt',
  KOR: 'ko',
  AR: 'ar',
  RUS: 'ru',
  ASL: 'asl',
};
const TYPE_BY_LANGUAGE: Record<string, string> = Object.fromEntries(
  Object.entries(LANGUAGE_BY_TYPE).map(([type, language]) => [language, type]),
);

/** Hosts a well-known consumer treats as an online meeting (others are shown as a plain link). */
export const CONFERENCE_PROVIDERS = [
  'zoom.us',
  'meet.google.com',
  'teams.microsoft.com',
  'teams.live.com',
  'meet.jit.si',
  'gotomeeting.com',
  'webex.com',
  'skype.com',
  'discord.gg',
  'whereby.com',
  'bluejeans.com',
  'freeconferencecall.com',
];

export const isSpecType = (code: string): boolean => isMeetingType(code);

/** The spec's type codes with their names in a language the spec knows (en, es, …). */
export function meetingTypeNames(language: string): Record<string, string> {
  return getTypesForLanguage(language === 'es' ? 'es' : 'en');
}

export const TIME_PATTERN = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
export const SLUG_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,63}$/;
const HTML_TAG = /<\/?[a-zA-Z!][^>]*>/;

/** Whether text carries an HTML tag (refused when typed in Hearth; stripped when imported). */
export const hasHtml = (text: string): boolean => HTML_TAG.test(text);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text from text that may hold HTML: tags out (line breaks kept as new lines), entities decoded. */
export function stripHtml(text: string): string {
  return text
    .replace(/<(br|\/p|\/div|\/li)\s*\/?>/gi, '\n')
    .replace(/<\/?[a-zA-Z!][^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[<>]/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

/** A URL-safe slug from a name: "Monday Night Big Book" → "monday-night-big-book". */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
  return base || 'meeting';
}

/** HH:MM plus some minutes, wrapping past midnight. */
export function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The spec's `updated`: UTC as YYYY-MM-DD HH:MM:SS. */
export const feedTimestamp = (at: Date): string => at.toISOString().slice(0, 19).replace('T', ' ');

/** Whether a conference URL points at a known online-meeting provider. */
export function isKnownConferenceHost(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return CONFERENCE_PROVIDERS.some((p) => host === p || host.endsWith(`.${p}`));
  } catch {
    return false;
  }
}

const isHttpUrl = (value: string): boolean => {
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
};

/** A directory entry in Hearth's own words (what the outside_meetings table holds, without ids). */
export type DirectoryMeeting = {
  slug: string;
  name: string;
  days: number[];
  time: string | null;
  endTime: string | null;
  timeZone: string;
  types: string[];
  fellowship: string;
  programFocus: string[];
  languages: string[];
  notes: string;
  location: string;
  locationNotes: string;
  formattedAddress: string;
  region: string;
  /** formattedAddress is a city or region, not a street address. */
  approximate: boolean;
  conferenceUrl: string | null;
  conferenceUrlNotes: string | null;
  conferencePhone: string | null;
  conferencePhoneNotes: string | null;
  groupName: string | null;
  url: string | null;
};

/**
 * Why a row (or one of its fields) could not be used, or was changed: a stable reason the web app puts in
 * words (`reasons.outside_meetings.row_<what>`), with English for people reading the API.
 */
export const ROW_PROBLEMS = {
  row_not_object: 'is not a meeting object',
  row_required: 'is required',
  row_slug_format: 'must be up to 64 URL-safe characters',
  row_unstorable: 'holds characters that cannot be stored',
  row_not_text: 'must be text',
  row_too_long: 'must be at most {{maximum}} characters',
  row_day_format: 'must be 0–6 (Sunday is 0) or a list of them',
  row_time_format: 'must be a time like 19:30 (24-hour, 00:00–23:59)',
  row_time_required: 'is required when a day is given',
  row_time_zone: 'must be an IANA time zone like America/Chicago',
  row_repeated_slug: 'repeats the slug of row {{row}}',
  row_types_not_list: 'is not a list; no types kept',
  row_type_online: 'ONL is no longer a spec code; online meetings follow from conference_url',
  row_type_unknown: '{{code}} is not a Meeting Guide type code; left out',
  row_text_left_out: 'is not text; left out',
  row_text_shortened: 'is longer than {{maximum}} characters; shortened',
  row_link_left_out: 'is not an http(s) address; left out',
} as const;
export type RowReason = keyof typeof ROW_PROBLEMS;
type RowParams = Record<string, string | number>;

/** A row's problem: its place in the file, its slug when readable, the field, and why. */
export type RowProblem = {
  index: number;
  slug: string | null;
  field: string;
  reason: `outside_meetings.${RowReason}`;
  message: string;
  params?: RowParams;
};

function rowProblem(
  index: number,
  slug: string | null,
  field: string,
  reason: RowReason,
  params?: RowParams,
  english?: string,
): RowProblem {
  const message =
    english ??
    ROW_PROBLEMS[reason].replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params?.[key] ?? ''));
  return { index, slug, field, reason: `outside_meetings.${reason}`, message, ...(params ? { params } : {}) };
}

export type ParsedRow =
  | { ok: true; meeting: DirectoryMeeting; adjusted: RowProblem[] }
  | { ok: false; problems: RowProblem[] };

export type ImportDefaults = { timeZone: string; fellowship: string };

const MAX_TEXT = 2000;

/** Reads one row of a Meeting Guide feed. A row missing what a meeting needs is not used. */
export function parseFeedRow(row: unknown, index: number, defaults: ImportDefaults): ParsedRow {
  const problems: RowProblem[] = [];
  const adjusted: RowProblem[] = [];
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    return { ok: false, problems: [rowProblem(index, null, 'row', 'row_not_object')] };
  }
  const r = row as Record<string, unknown>;
  const rawSlug = typeof r.slug === 'number' ? String(r.slug) : r.slug;
  const slug = typeof rawSlug === 'string' && SLUG_PATTERN.test(rawSlug.trim()) ? rawSlug.trim() : null;
  const problem = (field: string, reason: RowReason, params?: RowParams, english?: string) =>
    problems.push(rowProblem(index, slug, field, reason, params, english));
  const adjust = (field: string, reason: RowReason, params?: RowParams) =>
    adjusted.push(rowProblem(index, slug, field, reason, params));

  if (slug === null) {
    problem('slug', rawSlug === undefined ? 'row_required' : 'row_slug_format');
  }
  // Any text the database cannot store makes the row unused, named like the rest of the report.
  for (const [key, value] of Object.entries(r)) {
    for (const found of unstorableText(key, value, 1))
      problem(found.field ? `${key}.${found.field}` : key, 'row_unstorable', undefined, found.message);
  }
  const name = typeof r.name === 'string' ? stripHtml(r.name).replace(/\s+/g, ' ').trim() : '';
  if (!name) problem('name', r.name === undefined ? 'row_required' : 'row_not_text');
  else if (name.length > 200) problem('name', 'row_too_long', { maximum: 200 });

  let days: number[] = [];
  if (r.day !== undefined && r.day !== null && r.day !== '') {
    const list = Array.isArray(r.day) ? r.day : [r.day];
    const parsed = list.map((d) => (typeof d === 'string' && /^\d$/.test(d.trim()) ? Number(d) : d));
    if (
      parsed.length === 0 ||
      parsed.some((d) => typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > 6)
    ) {
      problem('day', 'row_day_format');
    } else {
      days = [...new Set(parsed as number[])].sort((a, b) => a - b);
    }
  }

  const readTime = (field: 'time' | 'end_time'): string | null => {
    const value = r[field];
    if (value === undefined || value === null || value === '') return null;
    const match = typeof value === 'string' ? /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(value.trim()) : null;
    const time = match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : null;
    if (!time || !TIME_PATTERN.test(time)) {
      problem(field, 'row_time_format');
      return null;
    }
    return time;
  };
  const time = readTime('time');
  const endTime = readTime('end_time');
  if (days.length > 0 && time === null && !problems.some((p) => p.field === 'time')) {
    problem('time', 'row_time_required');
  }

  let timeZone = defaults.timeZone;
  if (r.timezone !== undefined && r.timezone !== null && r.timezone !== '') {
    if (typeof r.timezone === 'string' && isValidTimeZone(r.timezone)) timeZone = r.timezone;
    else problem('timezone', 'row_time_zone');
  }

  const types: string[] = [];
  if (r.types !== undefined && r.types !== null) {
    if (!Array.isArray(r.types)) {
      adjust('types', 'row_types_not_list');
    } else {
      for (const code of r.types) {
        if (typeof code === 'string' && isMeetingType(code)) {
          if (!types.includes(code)) types.push(code);
        } else if (code === 'ONL') {
          adjust('types', 'row_type_online');
        } else {
          adjust('types', 'row_type_unknown', { code: String(code).slice(0, 20) });
        }
      }
    }
  }

  const text = (field: string): string => {
    const value = r[field];
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') {
      adjust(field, 'row_text_left_out');
      return '';
    }
    const plain = stripHtml(value);
    if (plain.length > MAX_TEXT) {
      adjust(field, 'row_text_shortened', { maximum: MAX_TEXT });
      return plain.slice(0, MAX_TEXT);
    }
    return plain;
  };
  const optionalText = (field: string): string | null => text(field) || null;
  const link = (field: string): string | null => {
    const value = text(field);
    if (!value) return null;
    if (!isHttpUrl(value)) {
      adjust(field, 'row_link_left_out');
      return null;
    }
    return value;
  };

  const addressParts = ['address', 'city', 'state', 'postal_code', 'country'].map(text).filter(Boolean);
  const formattedAddress = text('formatted_address') || addressParts.join(', ');
  let region = text('region');
  if (!region && Array.isArray(r.regions)) {
    region = r.regions
      .filter((x): x is string => typeof x === 'string')
      .map(stripHtml)
      .join(' > ');
  }
  const languages = types.flatMap((code) => (LANGUAGE_BY_TYPE[code] ? [LANGUAGE_BY_TYPE[code]] : []));

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    adjusted,
    meeting: {
      slug: slug!,
      name,
      days,
      time,
      endTime,
      timeZone,
      types,
      fellowship: defaults.fellowship,
      programFocus: [],
      languages,
      notes: text('notes'),
      location: text('location'),
      locationNotes: text('location_notes'),
      formattedAddress,
      region,
      approximate: formattedAddress !== '' && text('approximate').toLowerCase() === 'yes',
      conferenceUrl: link('conference_url'),
      conferenceUrlNotes: optionalText('conference_url_notes'),
      conferencePhone: optionalText('conference_phone'),
      conferencePhoneNotes: optionalText('conference_phone_notes'),
      groupName: optionalText('group'),
      url: link('url'),
    },
  };
}

export type ParsedFeed = {
  total: number;
  meetings: { index: number; meeting: DirectoryMeeting }[];
  skipped: RowProblem[];
  adjusted: RowProblem[];
};

/** Reads a whole feed (already JSON-parsed). A slug seen earlier in the file makes the later row unused. */
export function parseFeed(value: unknown[], defaults: ImportDefaults): ParsedFeed {
  const meetings: ParsedFeed['meetings'] = [];
  const skipped: RowProblem[] = [];
  const adjusted: RowProblem[] = [];
  const seen = new Map<string, number>();
  value.forEach((row, index) => {
    const parsed = parseFeedRow(row, index, defaults);
    if (!parsed.ok) {
      skipped.push(...parsed.problems);
      return;
    }
    const earlier = seen.get(parsed.meeting.slug);
    if (earlier !== undefined) {
      skipped.push(rowProblem(index, parsed.meeting.slug, 'slug', 'row_repeated_slug', { row: earlier }));
      return;
    }
    seen.set(parsed.meeting.slug, index);
    adjusted.push(...parsed.adjusted);
    meetings.push({ index, meeting: parsed.meeting });
  });
  return { total: value.length, meetings, skipped, adjusted };
}

/** One meeting of our public feed, exactly as the spec asks. */
export type FeedMeeting = {
  name: string;
  slug: string;
  day?: number | number[];
  time?: string;
  end_time?: string;
  timezone: string;
  types: string[];
  notes?: string;
  location?: string;
  location_notes?: string;
  formatted_address?: string;
  /** "yes" when formatted_address is only a city or region (the spec's default is "no"). */
  approximate?: 'yes';
  region?: string;
  conference_url?: string;
  conference_url_notes?: string;
  conference_phone?: string;
  conference_phone_notes?: string;
  group?: string;
  url?: string;
  updated: string;
};

/**
 * A directory entry as a conformant feed row: plain text only, spec type codes only, no contacts
 * (so no names of people at all), day and time only for weekly meetings. Every meeting has a place,
 * as meeting finders drop those without: an online meeting naming none of its own is given
 * `meetingArea` (where the organization's online meetings are based), marked approximate.
 */
export function toFeedMeeting(m: DirectoryMeeting, updatedAt: Date, meetingArea = ''): FeedMeeting {
  const plain = (s: string | null) => (s ? stripHtml(s) : '');
  const types: string[] = m.types.filter((t) => isMeetingType(t));
  for (const language of m.languages) {
    const code = TYPE_BY_LANGUAGE[language];
    if (code && language !== 'en' && !types.includes(code)) types.push(code);
  }
  const out: FeedMeeting = {
    name: plain(m.name).slice(0, 64) || m.slug,
    slug: m.slug,
    timezone: m.timeZone,
    types,
    updated: feedTimestamp(updatedAt),
  };
  const weekly = m.days.length > 0 && m.time !== null && TIME_PATTERN.test(m.time);
  if (weekly) {
    out.day = m.days.length === 1 ? m.days[0]! : [...m.days];
    out.time = m.time!;
    out.end_time = m.endTime && TIME_PATTERN.test(m.endTime) ? m.endTime : addMinutes(m.time!, 60);
  }
  const set = (key: keyof FeedMeeting, value: string | null) => {
    const v = plain(value);
    if (v) (out as Record<string, unknown>)[key] = v;
  };
  set('notes', m.notes);
  set('location', m.location);
  set('location_notes', m.locationNotes);
  set('formatted_address', m.formattedAddress);
  if (out.formatted_address) {
    if (m.approximate) out.approximate = 'yes';
  } else if (isOnline(m)) {
    set('formatted_address', meetingArea);
    if (out.formatted_address) out.approximate = 'yes';
  }
  set('region', m.region);
  if (m.conferenceUrl && isHttpUrl(m.conferenceUrl)) out.conference_url = m.conferenceUrl;
  set('conference_url_notes', m.conferenceUrl ? m.conferenceUrlNotes : null);
  set('conference_phone', m.conferencePhone);
  set('conference_phone_notes', m.conferencePhone ? m.conferencePhoneNotes : null);
  set('group', m.groupName);
  if (m.url && isHttpUrl(m.url)) out.url = m.url;
  return out;
}

/** Whether people can join from home: by a conference link or a phone line. */
export const isOnline = (m: { conferenceUrl: string | null; conferencePhone: string | null }): boolean =>
  Boolean(m.conferenceUrl || m.conferencePhone);
