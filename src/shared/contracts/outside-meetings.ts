// Outside meetings: the organization's directory (Meeting Guide fields), residents' attendance, the
// peer leader's weekly counts, and importing a Meeting Guide feed.
import { z } from 'zod';
import {
  FELLOWSHIPS,
  hasHtml,
  isSpecType,
  MEETING_LANGUAGES,
  ROW_PROBLEMS,
  type RowReason,
  TIME_PATTERN,
} from '../domain/meeting-guide.ts';
import { PROGRAM_FOCUSES } from '../domain/vocabulary.ts';
import { DateSchema, IdParamsSchema, IdSchema, OkSchema, TimestampSchema, TimeZoneSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';

const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .refine((s) => !hasHtml(s), {
      message: 'must be plain text, without HTML',
      params: { reason: 'outside_meetings.not_plain_text' },
    });

const TimeSchema = z.string().regex(TIME_PATTERN, { message: 'must be a time like 19:30 (00:00–23:59)' });
const DaySchema = z
  .number({ message: 'must be a day from 0 (Sunday) to 6 (Saturday)' })
  .int({ message: 'must be a day from 0 (Sunday) to 6 (Saturday)' })
  .min(0, { message: 'must be a day from 0 (Sunday) to 6 (Saturday)' })
  .max(6, { message: 'must be a day from 0 (Sunday) to 6 (Saturday)' });
const notAType = {
  message: 'is not a Meeting Guide type code',
  params: { reason: 'outside_meetings.unknown_type' },
};
const TypeCodeSchema = z.string().refine(isSpecType, notAType);
const HttpUrlSchema = z
  .string()
  .trim()
  .max(500, { message: 'must be at most 500 characters' })
  .refine(
    (s) => {
      try {
        return ['http:', 'https:'].includes(new URL(s).protocol);
      } catch {
        return false;
      }
    },
    { message: 'must be a web address starting with https://', params: { reason: 'field.not_a_url' } },
  );

const meetingFields = {
  name: plainText(200).min(1, { message: 'is required' }),
  days: z
    .array(DaySchema)
    .max(7)
    .refine((d) => new Set(d).size === d.length, {
      message: 'must not repeat a day',
      params: { reason: 'outside_meetings.repeated_day' },
    }),
  time: TimeSchema.nullable(),
  endTime: TimeSchema.nullable(),
  timeZone: TimeZoneSchema,
  types: z.array(TypeCodeSchema).max(30),
  fellowship: z.enum(FELLOWSHIPS, { message: 'must be one of the listed fellowships' }),
  programFocus: z.array(z.enum(PROGRAM_FOCUSES, { message: 'is not a program focus' })).max(10),
  languages: z.array(z.enum(MEETING_LANGUAGES, { message: 'is not a language we list' })).max(5),
  notes: plainText(2000),
  location: plainText(200),
  locationNotes: plainText(500),
  formattedAddress: plainText(300),
  region: plainText(100),
  /** The address is a city or region, not a street address (where an online meeting is based). */
  approximate: z.boolean(),
  conferenceUrl: HttpUrlSchema.nullable(),
  conferenceUrlNotes: plainText(300).nullable(),
  conferencePhone: plainText(60).nullable(),
  conferencePhoneNotes: plainText(300).nullable(),
  groupName: plainText(200).nullable(),
  url: HttpUrlSchema.nullable(),
  isPublic: z.boolean(),
};

const weeklyNeedsTime = (
  value: { days?: number[] | undefined; time?: string | null | undefined },
  ctx: z.RefinementCtx,
) => {
  if (value.days && value.days.length > 0 && value.time === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['time'],
      message: 'is required when a day is chosen',
      params: { reason: 'outside_meetings.time_required' },
    });
  }
};

export const OutsideMeetingInputSchema = z
  .strictObject({
    ...meetingFields,
    days: meetingFields.days.default([]),
    time: meetingFields.time.default(null),
    endTime: meetingFields.endTime.default(null),
    types: meetingFields.types.default([]),
    fellowship: meetingFields.fellowship.default('other'),
    programFocus: meetingFields.programFocus.default([]),
    languages: meetingFields.languages.default(['en']),
    notes: meetingFields.notes.default(''),
    location: meetingFields.location.default(''),
    locationNotes: meetingFields.locationNotes.default(''),
    formattedAddress: meetingFields.formattedAddress.default(''),
    region: meetingFields.region.default(''),
    approximate: meetingFields.approximate.default(false),
    conferenceUrl: meetingFields.conferenceUrl.default(null),
    conferenceUrlNotes: meetingFields.conferenceUrlNotes.default(null),
    conferencePhone: meetingFields.conferencePhone.default(null),
    conferencePhoneNotes: meetingFields.conferencePhoneNotes.default(null),
    groupName: meetingFields.groupName.default(null),
    url: meetingFields.url.default(null),
    isPublic: meetingFields.isPublic.default(false),
  })
  .superRefine(weeklyNeedsTime);
export type OutsideMeetingInput = z.input<typeof OutsideMeetingInputSchema>;
export type OutsideMeetingCreate = z.output<typeof OutsideMeetingInputSchema>;

export const OutsideMeetingUpdateSchema = z
  .strictObject(meetingFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, {
    message: 'must change at least one field',
    params: { reason: 'outside_meetings.nothing_to_change' },
  })
  .superRefine(weeklyNeedsTime);
export type OutsideMeetingUpdate = z.input<typeof OutsideMeetingUpdateSchema>;
export type OutsideMeetingChange = z.output<typeof OutsideMeetingUpdateSchema>;

export const OutsideMeetingSchema = z.object({
  id: IdSchema,
  slug: z.string(),
  name: z.string(),
  days: z.array(z.number()),
  time: z.string().nullable(),
  endTime: z.string().nullable(),
  timeZone: z.string(),
  types: z.array(z.string()),
  fellowship: z.string(),
  programFocus: z.array(z.string()),
  languages: z.array(z.string()),
  notes: z.string(),
  location: z.string(),
  locationNotes: z.string(),
  formattedAddress: z.string(),
  region: z.string(),
  approximate: z.boolean(),
  conferenceUrl: z.string().nullable(),
  conferenceUrlNotes: z.string().nullable(),
  conferencePhone: z.string().nullable(),
  conferencePhoneNotes: z.string().nullable(),
  groupName: z.string().nullable(),
  url: z.string().nullable(),
  online: z.boolean(),
  isPublic: z.boolean(),
  source: z.enum(['local', 'import']),
  updatedAt: TimestampSchema,
});
export type OutsideMeetingView = z.infer<typeof OutsideMeetingSchema>;

const flag = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true');

export const OutsideMeetingListQuerySchema = z.strictObject({
  type: z.string().max(10).refine(isSpecType, notAType).optional(),
  language: z.enum(MEETING_LANGUAGES, { message: 'is not a language we list' }).optional(),
  focus: z.enum(PROGRAM_FOCUSES, { message: 'is not a program focus' }).optional(),
  fellowship: z.enum(FELLOWSHIPS, { message: 'must be one of the listed fellowships' }).optional(),
  day: z.coerce.number({ message: 'must be a day from 0 to 6' }).int().min(0).max(6).optional(),
  online: flag.optional(),
  q: z.string().trim().max(100).optional(),
});
export type OutsideMeetingListQuery = z.input<typeof OutsideMeetingListQuerySchema>;
export type OutsideMeetingFilters = z.output<typeof OutsideMeetingListQuerySchema>;

export const OutsideMeetingListSchema = z.object({
  meetings: z.array(OutsideMeetingSchema),
  /** Whether the viewer may add to the directory, and whether they may edit, delete and publish. */
  canAdd: z.boolean(),
  canCurate: z.boolean(),
  /** The public Meeting Guide feed's path, for admins to hand to meeting-finder apps. */
  feedPath: z.string().nullable(),
  /** The public meetings as a calendar anyone may follow (its path). */
  calendarPath: z.string(),
  /** Where the organization's online meetings are based, for the feed (see FeedSettingsSchema). */
  meetingArea: z.string(),
});
export type OutsideMeetingListView = z.infer<typeof OutsideMeetingListSchema>;

/**
 * The public feed's settings: where the organization's online meetings are based (a city and state,
 * or a region). Meeting finders place every meeting, so an online meeting naming no place of its own
 * is listed there, marked approximate.
 */
export const FeedSettingsSchema = z.object({ meetingArea: z.string() });
export const FeedSettingsUpdateSchema = z.strictObject({ meetingArea: plainText(100) });
export type FeedSettingsUpdate = z.input<typeof FeedSettingsUpdateSchema>;

// Attendance ---------------------------------------------------------------------------------------

export const AttendanceInputSchema = z
  .strictObject({
    outsideMeetingId: IdSchema.nullable().default(null),
    /** The meeting's name when it is not in the directory. */
    name: plainText(200).default(''),
    attendedOn: DateSchema,
  })
  .superRefine((value, ctx) => {
    if (!value.outsideMeetingId && !value.name) {
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: 'is required when the meeting is not listed',
        params: { reason: 'outside_meetings.name_required' },
      });
    }
  });
export type AttendanceInput = z.input<typeof AttendanceInputSchema>;

export const AttendanceSchema = z.object({
  id: IdSchema,
  outsideMeetingId: IdSchema.nullable(),
  name: z.string(),
  attendedOn: DateSchema,
});
export type AttendanceView = z.infer<typeof AttendanceSchema>;

export const MyAttendanceSchema = z.object({
  /** Monday of this week in my house's time zone (weeks start on Monday). */
  weekStart: DateSchema,
  thisWeek: z.number().int(),
  /** My house's weekly goal; null = no goal. */
  goal: z.number().int().nullable(),
  recent: z.array(AttendanceSchema),
});
export type MyAttendanceView = z.infer<typeof MyAttendanceSchema>;

export const HouseAttendanceQuerySchema = z.strictObject({
  weeks: z.coerce.number({ message: 'must be 1 to 12' }).int().min(1).max(12).default(4),
});

/** For the peer leader: counts only — never which meetings. */
export const HouseAttendanceSchema = z.object({
  residenceId: IdSchema,
  goal: z.number().int().nullable(),
  weeks: z.array(DateSchema),
  residents: z.array(
    z.object({ personId: IdSchema, displayName: z.string(), counts: z.array(z.number().int()) }),
  ),
});
export type HouseAttendanceView = z.infer<typeof HouseAttendanceSchema>;

// Import -------------------------------------------------------------------------------------------

export const ImportInputSchema = z
  .strictObject({
    /** A Meeting Guide feed's address… */
    url: HttpUrlSchema.optional(),
    /** …or the text of an uploaded feed file. */
    feed: z.string().max(5_000_000, { message: 'is larger than 5 MB' }).optional(),
    /** For rows that name no time zone. */
    timeZone: TimeZoneSchema,
    fellowship: z.enum(FELLOWSHIPS, { message: 'must be one of the listed fellowships' }).default('aa'),
  })
  .superRefine((value, ctx) => {
    if ((value.url === undefined) === (value.feed === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: 'give either a feed address or a file',
        params: { reason: 'outside_meetings.address_or_file' },
      });
    }
  });
export type ImportInput = z.input<typeof ImportInputSchema>;

const RowProblemSchema = z.object({
  index: z.number().int(),
  slug: z.string().nullable(),
  field: z.string(),
  /** One of the `outside_meetings.row_*` reasons. */
  reason: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const ImportReportSchema = z.object({
  total: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  /** Rows not used, and why (the first 500; skippedCount counts them all). */
  skippedCount: z.number().int(),
  skipped: z.array(RowProblemSchema),
  /** Fields left out of rows that were used (an unknown type code, a link that is not a link…). */
  adjustedCount: z.number().int(),
  adjusted: z.array(RowProblemSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const SlugParamsSchema = z.strictObject({ slug: z.string().min(1).max(100) });

/** Why this area refuses a request (decision 0027); each has words in the web app. */
/** A feed row's problems in an import report (not refusals: the import goes on without the row). */
const rowReasonSpecs = Object.fromEntries(
  Object.entries(ROW_PROBLEMS).map(([reason, message]) => [reason, { code: 'validation_failed', message }]),
) as { [K in RowReason]: { code: 'validation_failed'; message: string } };

export const outsideMeetingReasons = defineReasons('outside_meetings', {
  ...rowReasonSpecs,
  // Field reasons of the contract's own checks (each under `request.invalid`).
  not_plain_text: { code: 'validation_failed', message: 'must be plain text, without HTML' },
  unknown_type: { code: 'validation_failed', message: 'is not a Meeting Guide type code' },
  repeated_day: { code: 'validation_failed', message: 'must not repeat a day' },
  time_required: { code: 'validation_failed', message: 'is required when a day is chosen' },
  nothing_to_change: { code: 'validation_failed', message: 'must change at least one field' },
  name_required: { code: 'validation_failed', message: 'is required when the meeting is not listed' },
  address_or_file: { code: 'validation_failed', message: 'give either a feed address or a file' },
  online_needs_place: {
    code: 'validation_failed',
    message: 'a public online meeting needs a city and state, or a region, so meeting finders can place it',
  },
  // Attendance.
  attended_in_future: {
    code: 'validation_failed',
    message: 'A meeting you went to cannot be in the future.',
  },
  attended_too_long_ago: {
    code: 'validation_failed',
    message: 'A meeting can be logged up to 90 days after it took place.',
  },
  unknown_meeting: { code: 'validation_failed', message: 'That meeting is not in the directory.' },
  // Importing a feed: what went wrong, never what the other side answered.
  feed_not_http: { code: 'bad_request', message: 'must be a web address starting with https://' },
  feed_not_found: { code: 'bad_request', message: 'could not be found' },
  feed_private_address: { code: 'bad_request', message: 'points at a private network address' },
  feed_unreachable: { code: 'bad_request', message: 'could not be reached' },
  feed_timeout: { code: 'bad_request', message: 'did not answer within 10 seconds' },
  feed_incomplete: { code: 'bad_request', message: 'stopped sending before the feed was complete' },
  feed_unreadable: { code: 'bad_request', message: 'the feed could not be read' },
  feed_too_large: { code: 'payload_too_large', message: 'the feed is larger than 5 MB' },
  feed_not_json: { code: 'bad_request', message: 'is not JSON' },
  feed_not_a_list: {
    code: 'validation_failed',
    message: 'must be a JSON list of meetings (a Meeting Guide feed)',
  },
});
export type OutsideMeetingReason = keyof typeof outsideMeetingReasons;

const tags = ['outside-meetings'] as const;

export const outsideMeetingsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/outside-meetings',
    operationId: 'listOutsideMeetings',
    summary:
      "My organization's directory of outside meetings, filtered by type, language, focus, day, online",
    tags,
    query: OutsideMeetingListQuerySchema,
    responses: { 200: OutsideMeetingListSchema },
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/outside-meetings',
    operationId: 'createOutsideMeeting',
    summary: 'Add a meeting to the directory (admins may publish it; a peer leader adds it unpublished)',
    tags,
    body: OutsideMeetingInputSchema,
    responses: { 201: OutsideMeetingSchema },
    reasons: ['outside_meetings.online_needs_place'],
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/outside-meetings/:id',
    operationId: 'updateOutsideMeeting',
    summary: 'Change a directory entry (its slug stays, so apps keep finding it)',
    tags,
    params: IdParamsSchema,
    body: OutsideMeetingUpdateSchema,
    responses: { 200: OutsideMeetingSchema },
    reasons: ['outside_meetings.online_needs_place'],
  }),
  updateFeedSettings: endpoint({
    method: 'PATCH',
    path: '/api/outside-meetings/feed-settings',
    operationId: 'updateMeetingFeedSettings',
    summary: "Say where my organization's online meetings are based (their approximate place in the feed)",
    tags,
    body: FeedSettingsUpdateSchema,
    responses: { 200: FeedSettingsSchema },
    reasons: ['outside_meetings.online_needs_place'],
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/outside-meetings/:id',
    operationId: 'deleteOutsideMeeting',
    summary: 'Remove a meeting from the directory (logged attendance keeps its name)',
    tags,
    params: IdParamsSchema,
    responses: { 200: OkSchema },
  }),
  importFeed: endpoint({
    method: 'POST',
    path: '/api/outside-meetings/import',
    operationId: 'importMeetingGuideFeed',
    summary: 'Import a Meeting Guide feed from its address or a file, merging by slug, with a report',
    tags,
    body: ImportInputSchema,
    responses: { 200: ImportReportSchema },
    reasons: [
      'outside_meetings.feed_not_http',
      'outside_meetings.feed_not_found',
      'outside_meetings.feed_private_address',
      'outside_meetings.feed_unreachable',
      'outside_meetings.feed_timeout',
      'outside_meetings.feed_incomplete',
      'outside_meetings.feed_unreadable',
      'outside_meetings.feed_too_large',
      'outside_meetings.feed_not_json',
      'outside_meetings.feed_not_a_list',
    ],
  }),
  myAttendance: endpoint({
    method: 'GET',
    path: '/api/outside-attendance',
    operationId: 'getMyOutsideAttendance',
    summary: 'The outside meetings I went to lately, and this week against my house’s goal',
    tags,
    responses: { 200: MyAttendanceSchema },
  }),
  logAttendance: endpoint({
    method: 'POST',
    path: '/api/outside-attendance',
    operationId: 'logOutsideAttendance',
    summary: 'Log an outside meeting I went to (from the directory, or by name)',
    tags,
    body: AttendanceInputSchema,
    responses: { 201: AttendanceSchema },
    reasons: [
      'outside_meetings.attended_in_future',
      'outside_meetings.attended_too_long_ago',
      'outside_meetings.unknown_meeting',
    ],
  }),
  removeAttendance: endpoint({
    method: 'DELETE',
    path: '/api/outside-attendance/:id',
    operationId: 'deleteOutsideAttendance',
    summary: 'Remove one of my attendance entries',
    tags,
    params: IdParamsSchema,
    responses: { 200: OkSchema },
  }),
  houseAttendance: endpoint({
    method: 'GET',
    path: '/api/residences/:id/outside-attendance',
    operationId: 'getHouseOutsideAttendance',
    summary: 'Outside meetings per resident per week (counts only), for the house’s peer leaders',
    tags,
    params: IdParamsSchema,
    query: HouseAttendanceQuerySchema,
    responses: { 200: HouseAttendanceSchema },
  }),
  publicFeed: endpoint({
    method: 'GET',
    path: '/api/public/:slug/meetings.json',
    operationId: 'getPublicMeetingFeed',
    summary: "An organization's public meetings as a Meeting Guide feed (open to any site, no cookies)",
    tags,
    params: SlugParamsSchema,
    // Rendered once per directory change and sent as it is (maybe gzipped), not through a schema.
    responses: { 200: { mediaType: 'application/json' } },
  }),
} as const;
