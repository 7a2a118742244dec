// Calendar feeds: secret, revocable iCalendar addresses for a person's or a residence's house meetings.
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';
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
      });
    }
    if (value.scope === 'person' && value.residenceId) {
      ctx.addIssue({
        code: 'custom',
        path: ['residenceId'],
        message: 'must be empty for a personal calendar',
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

export const CalendarFileParamsSchema = z.strictObject({
  file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, { message: 'is not a calendar address' }),
});

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const calendarsReasons = defineReasons('calendars', {});
export type CalendarsReason = keyof typeof calendarsReasons;
