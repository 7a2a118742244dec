// House meetings: the schedule (series, one-off and emergency meetings), each meeting with its chair,
// secretary, state and attendance, the agenda with its minutes, the house's meeting settings, and
// in-app notifications (meeting reminders).
import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema } from './common.ts';
import { defineReasons } from './errors.ts';

export const MEETING_KINDS = ['regular', 'one_off', 'emergency'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_STATES = ['upcoming', 'in_progress', 'closed', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];
export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const AGENDA_KINDS = ['problem', 'business', 'chores', 'celebrations', 'follow_up'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];
/** Items every regular meeting starts with (in this order). */
export const STANDING_KINDS = ['business', 'chores', 'celebrations'] as const;

const text = (max: number) =>
  z
    .string({ message: 'is required' })
    .trim()
    .min(1, { message: 'is required' })
    .max(max, { message: `must be at most ${max} characters` });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` });

/** HH:MM on a 24-hour clock (25:00 is refused here, naming the field). */
export const TimeOfDaySchema = z
  .string({ message: 'must be a time like 19:00' })
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: 'must be a time like 19:00 (00:00 to 23:59)' });
const DurationSchema = z
  .number({ message: 'must be a number of minutes from 5 to 600' })
  .int({ message: 'must be a number of minutes from 5 to 600' })
  .min(5, { message: 'must be a number of minutes from 5 to 600' })
  .max(600, { message: 'must be a number of minutes from 5 to 600' });

/** A person as peers see them: their chosen display name only. */
export const MeetingPersonSchema = z.object({ personId: z.uuid(), displayName: z.string() });
export type MeetingPerson = z.infer<typeof MeetingPersonSchema>;

// ── Schedule ────────────────────────────────────────────────────────────────────────────────────

export const SeriesInputSchema = z.strictObject({
  title: text(80).default('House meeting'),
  /** RFC 5545 RRULE without DTSTART, e.g. FREQ=WEEKLY;BYDAY=SU (checked by the server). */
  rrule: z.string({ message: 'is required' }).trim().min(1, { message: 'is required' }).max(300),
  startsOn: DateSchema,
  startTime: TimeOfDaySchema,
  durationMinutes: DurationSchema.default(60),
  location: optionalText(200).default(''),
});
export type SeriesInput = z.input<typeof SeriesInputSchema>;
export const SeriesUpdateSchema = z.strictObject({
  title: text(80).optional(),
  rrule: z.string().trim().min(1, { message: 'is required' }).max(300).optional(),
  startsOn: DateSchema.optional(),
  startTime: TimeOfDaySchema.optional(),
  durationMinutes: DurationSchema.optional(),
  location: optionalText(200).optional(),
});

export const SeriesSchema = z.object({
  id: z.uuid(),
  residenceId: z.uuid(),
  title: z.string(),
  rrule: z.string(),
  startsOn: DateSchema,
  startTime: z.string(),
  durationMinutes: z.number().int(),
  timeZone: z.string(),
  location: z.string(),
  endedAt: TimestampSchema.nullable(),
});
export type SeriesView = z.infer<typeof SeriesSchema>;

/** A one-off meeting (peer leader, admin) or an emergency meeting (any member of the house). */
export const NewMeetingSchema = z.strictObject({
  kind: z.enum(['one_off', 'emergency'], { message: 'must be one_off or emergency' }),
  title: text(80),
  date: DateSchema,
  time: TimeOfDaySchema,
  durationMinutes: DurationSchema.default(60),
  location: optionalText(200).default(''),
});
export type NewMeeting = z.input<typeof NewMeetingSchema>;

/** A meeting in a list: when, what, who chairs — never agenda text. */
export const MeetingSummarySchema = z.object({
  id: z.uuid(),
  residenceId: z.uuid(),
  seriesId: z.uuid().nullable(),
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  startsAt: TimestampSchema,
  localDate: DateSchema,
  durationMinutes: z.number().int(),
  location: z.string(),
  timeZone: z.string(),
  state: z.enum(MEETING_STATES),
  chair: MeetingPersonSchema.nullable(),
  secretary: MeetingPersonSchema.nullable(),
  /** Items on the agenda (a count, so an admin learns nothing of their words). */
  agendaCount: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;

export const HouseMeetingsSchema = z.object({
  residence: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() }),
  /** The viewer manages the schedule (peer leader of the house, or admin). */
  canManage: z.boolean(),
  /** The viewer is a member of the house (may add to agendas, call an emergency meeting). */
  isMember: z.boolean(),
  series: z.array(SeriesSchema),
  upcoming: z.array(MeetingSummarySchema),
  past: z.array(MeetingSummarySchema),
});
export type HouseMeetingsView = z.infer<typeof HouseMeetingsSchema>;

export const HouseMeetingsQuerySchema = z.strictObject({
  /** Past meetings to return (newest first). */
  pastLimit: z.coerce.number().int().min(0).max(200).default(20),
  /** Words to find in the published minutes of past meetings. */
  q: z.string().trim().max(100).optional(),
});

// ── One meeting ─────────────────────────────────────────────────────────────────────────────────

export const AgendaItemSchema = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  kind: z.enum(AGENDA_KINDS),
  title: z.string(),
  details: z.string(),
  /** Raised without a name. */
  anonymous: z.boolean(),
  /** Who raised it, when the viewer may know: never to peers when anonymous. */
  author: MeetingPersonSchema.nullable(),
  /** The viewer raised it. */
  mine: z.boolean(),
  position: z.number().int(),
  minutes: z.string(),
  commitmentId: z.uuid().nullable(),
  /** For the celebrations item: milestones the viewer may see, reached since the last meeting. */
  celebrations: z.array(
    z.object({
      personId: z.uuid(),
      displayName: z.string(),
      milestone: z.object({
        key: z.string(),
        unit: z.enum(['hours', 'days', 'months', 'years']),
        count: z.number().int(),
      }),
      reachedOn: DateSchema,
    }),
  ),
});
export type AgendaItemView = z.infer<typeof AgendaItemSchema>;

export const AttendanceSchema = z.object({
  personId: z.uuid(),
  displayName: z.string(),
  /** null = not marked yet. */
  status: z.enum(ATTENDANCE_STATUSES).nullable(),
});

export const MeetingDetailSchema = MeetingSummarySchema.extend({
  openedAt: TimestampSchema.nullable(),
  closedAt: TimestampSchema.nullable(),
  /** What the viewer may do here. */
  viewer: z.object({
    isMember: z.boolean(),
    isChair: z.boolean(),
    isSecretary: z.boolean(),
    isPeerLeader: z.boolean(),
    /** Start, close, reorder, mark anyone's attendance, write minutes. */
    canRun: z.boolean(),
    /** Change the chair and the secretary (peer leader, the current chair). */
    canAssign: z.boolean(),
    /** Cancel or reschedule (peer leader, admin). */
    canManage: z.boolean(),
    /** Agenda and minutes are shown (members only; admins see the schedule, not the words). */
    seesAgenda: z.boolean(),
  }),
  /** Current members of the house with their attendance (members only). */
  attendance: z.array(AttendanceSchema),
  agenda: z.array(AgendaItemSchema),
});
export type MeetingDetailView = z.infer<typeof MeetingDetailSchema>;

export const MeetingUpdateSchema = z.strictObject({
  chairId: IdSchema.nullable().optional(),
  secretaryId: IdSchema.nullable().optional(),
});

export const AttendanceInputSchema = z.strictObject({
  personId: IdSchema,
  status: z.enum(ATTENDANCE_STATUSES, { message: 'must be present, excused or absent' }),
});

export const NewAgendaItemSchema = z.strictObject({
  title: text(140),
  details: optionalText(1000).default(''),
  /** "Raise without my name": peers never see who raised it. */
  anonymous: z.boolean().default(false),
});
export type NewAgendaItem = z.input<typeof NewAgendaItemSchema>;

export const AgendaItemUpdateSchema = z.strictObject({
  title: text(140).optional(),
  details: optionalText(1000).optional(),
  minutes: optionalText(4000).optional(),
});

export const AgendaOrderSchema = z.strictObject({
  itemIds: z.array(IdSchema).min(1, { message: 'is required' }).max(200),
});

// ── Settings ────────────────────────────────────────────────────────────────────────────────────

export const MeetingSettingsSchema = z.object({
  residenceId: z.uuid(),
  /** Members present for a vote to count; null = a majority of current residents. */
  quorum: z.number().int().nullable(),
  weeklyOutsideGoal: z.number().int().nullable(),
  reminderMinutes: z.number().int(),
  decidesByVote: z.boolean(),
  /** What the quorum is today when not set: a majority of current residents. */
  defaultQuorum: z.number().int(),
});
export type MeetingSettingsView = z.infer<typeof MeetingSettingsSchema>;

export const MeetingSettingsUpdateSchema = z.strictObject({
  quorum: z
    .number({ message: 'must be a whole number from 1 to 100' })
    .int({ message: 'must be a whole number from 1 to 100' })
    .min(1, { message: 'must be a whole number from 1 to 100' })
    .max(100, { message: 'must be a whole number from 1 to 100' })
    .nullable()
    .optional(),
  weeklyOutsideGoal: z
    .number({ message: 'must be a whole number from 0 to 21' })
    .int({ message: 'must be a whole number from 0 to 21' })
    .min(0, { message: 'must be a whole number from 0 to 21' })
    .max(21, { message: 'must be a whole number from 0 to 21' })
    .nullable()
    .optional(),
  reminderMinutes: z
    .number({ message: 'must be a number of minutes from 0 to 2880' })
    .int({ message: 'must be a number of minutes from 0 to 2880' })
    .min(0, { message: 'must be a number of minutes from 0 to 2880' })
    .max(2880, { message: 'must be a number of minutes from 0 to 2880' })
    .optional(),
  decidesByVote: z.boolean().optional(),
});

// ── Notifications ───────────────────────────────────────────────────────────────────────────────

export const NotificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  /** For meeting_reminder: which meeting, when (ids and times only). */
  meetingId: z.uuid().nullable(),
  startsAt: TimestampSchema.nullable(),
  title: z.string().nullable(),
  createdAt: TimestampSchema,
  readAt: TimestampSchema.nullable(),
});
export type NotificationView = z.infer<typeof NotificationSchema>;
export const NotificationListSchema = z.object({
  notifications: z.array(NotificationSchema),
  unread: z.number().int(),
});
export type NotificationListView = z.infer<typeof NotificationListSchema>;

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const meetingReasons = defineReasons('meetings', {});
export type MeetingReason = keyof typeof meetingReasons;
