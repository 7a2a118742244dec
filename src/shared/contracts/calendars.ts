// Calendar feeds: secret, revocable iCalendar addresses for a person's or a residence's house meetings.
import { z } from 'zod';
import { IdParamsSchema, IdSchema, OkSchema, TimestampSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';

export const CALENDAR_SCOPES = ['person', 'residence'] as const;

export const CalendarFeedInputSchema = z
  .strictObject({
    /** person = the house meetings of the houses I live in or lead; residence = one house (its peer leaders). */
    scope: z.enum(CALENDAR_SCOPES, { message: 'must be person or residence' }),
    residenceId: IdSchema.nullable().default(null),
  })
  .superRefine((value, ctx) => {
    if (value.scope === 'residence' && !value.residenceId) {
      ctx.addIssue({
        code: 'custom',
        path: ['residenceId'],
        message: 'is required for a residence calendar',
        params: { reason: 'calendars.residence_required' },
      });
    }
    if (value.scope === 'person' && value.residenceId) {
      ctx.addIssue({
        code: 'custom',
        path: ['residenceId'],
        message: 'must be empty for a personal calendar',
        params: { reason: 'calendars.residence_not_for_person' },
      });
    }
  });
export type CalendarFeedInput = z.input<typeof CalendarFeedInputSchema>;

export const CalendarFeedSchema = z.object({
  id: IdSchema,
  scope: z.enum(CALENDAR_SCOPES),
  residenceId: IdSchema.nullable(),
  residenceName: z.string().nullable(),
  createdAt: TimestampSchema,
});
export type CalendarFeedView = z.infer<typeof CalendarFeedSchema>;

/** Shown once, when the feed is made: the secret address (https and webcal). */
export const CreatedCalendarFeedSchema = CalendarFeedSchema.extend({
  url: z.string(),
  webcalUrl: z.string(),
});
export type CreatedCalendarFeedView = z.infer<typeof CreatedCalendarFeedSchema>;

export const CalendarFeedListSchema = z.object({ feeds: z.array(CalendarFeedSchema) });
export type CalendarFeedListView = z.infer<typeof CalendarFeedListSchema>;

export const PublicCalendarParamsSchema = z.strictObject({ slug: z.string().min(1).max(100) });

export const CalendarFileParamsSchema = z.strictObject({
  file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, { message: 'is not a calendar address' }),
});

/** How many calendar addresses one person may keep at once. */
export const MAX_CALENDAR_FEEDS = 10;

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const calendarsReasons = defineReasons('calendars', {
  residence_required: { code: 'validation_failed', message: 'is required for a residence calendar' },
  residence_not_for_person: { code: 'validation_failed', message: 'must be empty for a personal calendar' },
  residence_for_staff: {
    code: 'forbidden',
    message: "A house's calendar address is for its peer leaders and admins.",
  },
  too_many_addresses: {
    code: 'conflict',
    message: `You have ${MAX_CALENDAR_FEEDS} calendar addresses already. Remove one you no longer use first.`,
  },
});
export type CalendarsReason = keyof typeof calendarsReasons;

const tags = ['calendars'] as const;

export const calendarsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/calendar-feeds',
    operationId: 'listCalendarFeeds',
    summary: 'My calendar addresses (the secret part is shown only once, when made)',
    tags,
    responses: { 200: CalendarFeedListSchema },
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/calendar-feeds',
    operationId: 'createCalendarFeed',
    summary: "Make a secret calendar address for my house meetings, or a residence's (its peer leaders)",
    tags,
    body: CalendarFeedInputSchema,
    responses: { 201: CreatedCalendarFeedSchema },
    reasons: [
      'calendars.residence_required',
      'calendars.residence_not_for_person',
      'calendars.residence_for_staff',
      'calendars.too_many_addresses',
    ],
  }),
  revoke: endpoint({
    method: 'DELETE',
    path: '/api/calendar-feeds/:id',
    operationId: 'revokeCalendarFeed',
    summary: 'Revoke a calendar address: calendars using it stop updating',
    tags,
    params: IdParamsSchema,
    responses: { 200: OkSchema },
  }),
  file: endpoint({
    method: 'GET',
    path: '/api/calendar/:file',
    operationId: 'getCalendarFile',
    summary: 'An iCalendar (RFC 5545) file of house meetings, at its secret address',
    tags,
    params: CalendarFileParamsSchema,
    responses: { 200: { mediaType: 'text/calendar' } },
  }),
  publicMeetings: endpoint({
    method: 'GET',
    path: '/api/public/:slug/meetings.ics',
    operationId: 'getPublicMeetingCalendar',
    summary: "An organization's public outside meetings as an iCalendar (RFC 5545) file anyone may follow",
    tags,
    params: PublicCalendarParamsSchema,
    responses: { 200: { mediaType: 'text/calendar' } },
  }),
} as const;
