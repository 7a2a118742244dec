// House meetings: the schedule (series, one-off and emergency meetings), each meeting with its chair,
// secretary, state and attendance, the agenda with its minutes, the house's meeting settings, and
// its endpoints.
import { z } from 'zod';
import { DateSchema, IdParamsSchema, IdSchema, OkSchema, TimestampSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
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
  /** For a follow-up: who made the commitment it brings back (commitments are never anonymous). */
  committedBy: MeetingPersonSchema.nullable(),
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

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const meetingReasons = defineReasons('meetings', {
  rrule_invalid: { code: 'validation_failed', message: 'is not a repeat rule Hearth can follow' },
  search_for_members: {
    code: 'validation_failed',
    message: 'searching minutes is for members of the house',
  },
  series_ended: { code: 'conflict', message: 'This schedule has ended.' },
  not_house_member: { code: 'validation_failed', message: 'must be a current member of this house' },
  chair_is_secretary: { code: 'validation_failed', message: 'must be someone other than the chair' },
  roles_of_past_meeting: {
    code: 'conflict',
    message: 'The chair and secretary of a past meeting stay as they were.',
  },
  start_only_upcoming: { code: 'conflict', message: 'Only an upcoming meeting can be started.' },
  close_only_in_progress: { code: 'conflict', message: 'Only a meeting in progress can be closed.' },
  cancel_only_upcoming: { code: 'conflict', message: 'Only an upcoming meeting can be cancelled.' },
  attendance_self_present: {
    code: 'conflict',
    message: 'You can mark yourself present; the secretary marks the rest.',
  },
  attendance_during_meeting: {
    code: 'conflict',
    message: 'Attendance is taken while the meeting is in progress.',
  },
  meeting_over: { code: 'conflict', message: 'This meeting is over; add it to the next one.' },
  agenda_of_past_meeting: { code: 'conflict', message: 'The agenda of a past meeting stays as it was.' },
  order_every_item: {
    code: 'validation_failed',
    message: 'must list every item of this meeting exactly once',
  },
  minutes_during_meeting: {
    code: 'conflict',
    message: 'Minutes are written while the meeting is in progress.',
  },
  reword_before_meeting: { code: 'conflict', message: 'An item can be reworded until the meeting starts.' },
  standing_item_stays: { code: 'conflict', message: 'Standing items and follow-ups stay on the agenda.' },
});
export type MeetingReason = keyof typeof meetingReasons;

const tags = ['meetings'] as const;

export const meetingApi = {
  listHouse: endpoint({
    method: 'GET',
    path: '/api/residences/:id/meetings',
    operationId: 'listHouseMeetings',
    summary: "A house's meeting schedule: series, upcoming and past meetings (members and admins)",
    tags,
    params: IdParamsSchema,
    query: HouseMeetingsQuerySchema,
    responses: { 200: HouseMeetingsSchema },
    reasons: ['meetings.search_for_members'],
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/residences/:id/meetings',
    operationId: 'createHouseMeeting',
    summary: 'A one-off meeting (peer leader, admin) or an emergency meeting (any member of the house)',
    tags,
    params: IdParamsSchema,
    body: NewMeetingSchema,
    responses: { 201: MeetingDetailSchema },
  }),
  createSeries: endpoint({
    method: 'POST',
    path: '/api/residences/:id/meeting-series',
    operationId: 'createMeetingSeries',
    summary: "A recurring house meeting (RRULE in the house's time zone); its next 8 weeks are scheduled",
    tags,
    params: IdParamsSchema,
    body: SeriesInputSchema,
    responses: { 201: SeriesSchema },
    reasons: ['meetings.rrule_invalid'],
  }),
  updateSeries: endpoint({
    method: 'PATCH',
    path: '/api/meeting-series/:id',
    operationId: 'updateMeetingSeries',
    summary: 'Change a recurring meeting; its upcoming meetings follow',
    tags,
    params: IdParamsSchema,
    body: SeriesUpdateSchema,
    responses: { 200: SeriesSchema },
    reasons: ['meetings.rrule_invalid', 'meetings.series_ended'],
  }),
  endSeries: endpoint({
    method: 'DELETE',
    path: '/api/meeting-series/:id',
    operationId: 'endMeetingSeries',
    summary: 'End a recurring meeting: its future meetings are removed (or cancelled if they had items)',
    tags,
    params: IdParamsSchema,
    responses: { 200: SeriesSchema },
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/meetings/:id',
    operationId: 'getHouseMeeting',
    summary: 'One house meeting: agenda, minutes and attendance for members; the schedule only for admins',
    tags,
    params: IdParamsSchema,
    responses: { 200: MeetingDetailSchema },
  }),
  assignRoles: endpoint({
    method: 'PATCH',
    path: '/api/meetings/:id',
    operationId: 'assignMeetingRoles',
    summary: 'Change the chair or the secretary (the peer leader or the current chair)',
    tags,
    params: IdParamsSchema,
    body: MeetingUpdateSchema,
    responses: { 200: MeetingDetailSchema },
    reasons: ['meetings.roles_of_past_meeting', 'meetings.not_house_member', 'meetings.chair_is_secretary'],
  }),
  cancel: endpoint({
    method: 'POST',
    path: '/api/meetings/:id/cancel',
    operationId: 'cancelHouseMeeting',
    summary: 'Cancel an upcoming meeting (peer leader, admin); it stays in the schedule as cancelled',
    tags,
    params: IdParamsSchema,
    responses: { 200: MeetingDetailSchema },
    reasons: ['meetings.cancel_only_upcoming'],
  }),
  start: endpoint({
    method: 'POST',
    path: '/api/meetings/:id/start',
    operationId: 'startHouseMeeting',
    summary: 'Start the meeting (chair, secretary, peer leader)',
    tags,
    params: IdParamsSchema,
    responses: { 200: MeetingDetailSchema },
    reasons: ['meetings.start_only_upcoming'],
  }),
  close: endpoint({
    method: 'POST',
    path: '/api/meetings/:id/close',
    operationId: 'closeHouseMeeting',
    summary: 'Close the meeting: its minutes are published to the house',
    tags,
    params: IdParamsSchema,
    responses: { 200: MeetingDetailSchema },
    reasons: ['meetings.close_only_in_progress'],
  }),
  markAttendance: endpoint({
    method: 'POST',
    path: '/api/meetings/:id/attendance',
    operationId: 'markMeetingAttendance',
    summary: 'Mark attendance: myself present during the meeting, or anyone (chair, secretary, peer leader)',
    tags,
    params: IdParamsSchema,
    body: AttendanceInputSchema,
    responses: { 200: MeetingDetailSchema },
    reasons: [
      'meetings.attendance_self_present',
      'meetings.attendance_during_meeting',
      'meetings.not_house_member',
    ],
  }),
  addAgendaItem: endpoint({
    method: 'POST',
    path: '/api/meetings/:id/agenda',
    operationId: 'addAgendaItem',
    summary: 'Add an item to the agenda, optionally without my name (any member, before or during)',
    tags,
    params: IdParamsSchema,
    body: NewAgendaItemSchema,
    responses: { 201: AgendaItemSchema },
    reasons: ['meetings.meeting_over'],
  }),
  orderAgenda: endpoint({
    method: 'POST',
    path: '/api/meetings/:id/agenda/order',
    operationId: 'orderAgenda',
    summary: "Put the agenda in order (the chair, or the house's peer leader)",
    tags,
    params: IdParamsSchema,
    body: AgendaOrderSchema,
    responses: { 200: MeetingDetailSchema },
    reasons: ['meetings.agenda_of_past_meeting', 'meetings.order_every_item'],
  }),
  updateAgendaItem: endpoint({
    method: 'PATCH',
    path: '/api/agenda-items/:id',
    operationId: 'updateAgendaItem',
    summary:
      'Write the minutes of an item (chair, secretary, peer leader, during the meeting), or reword my own item before it',
    tags,
    params: IdParamsSchema,
    body: AgendaItemUpdateSchema,
    responses: { 200: AgendaItemSchema },
    reasons: ['meetings.minutes_during_meeting', 'meetings.reword_before_meeting'],
  }),
  removeAgendaItem: endpoint({
    method: 'DELETE',
    path: '/api/agenda-items/:id',
    operationId: 'removeAgendaItem',
    summary: 'Take an item off the agenda (its author before the meeting; the chair or peer leader)',
    tags,
    params: IdParamsSchema,
    responses: { 200: OkSchema },
    reasons: ['meetings.standing_item_stays'],
  }),
  settings: endpoint({
    method: 'GET',
    path: '/api/residences/:id/meeting-settings',
    operationId: 'getMeetingSettings',
    summary: 'How a house meets: quorum, weekly outside-meeting goal, reminder time (peer leader, admin)',
    tags,
    params: IdParamsSchema,
    responses: { 200: MeetingSettingsSchema },
  }),
  updateSettings: endpoint({
    method: 'PATCH',
    path: '/api/residences/:id/meeting-settings',
    operationId: 'updateMeetingSettings',
    summary: 'Change how a house meets (peer leader, admin)',
    tags,
    params: IdParamsSchema,
    body: MeetingSettingsUpdateSchema,
    responses: { 200: MeetingSettingsSchema },
  }),
} as const;
