// Mentors: being open to mentoring, suggestions for newer residents, asking, accepting, ending, and the
// pair's shared check-in log.
import { z } from 'zod';
import { MATCH_REASONS } from '../domain/mentor-matching.ts';
import { SKILLS } from '../domain/skills.ts';
import { STAGES } from '../domain/stages.ts';
import { IdParamsSchema, IdSchema, TimestampSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';
import { PeerRefSchema } from './skills.ts';

export const MentorSettingsSchema = z.strictObject({
  openToMentoring: z.boolean({ message: 'must be true or false' }),
});

export const MENTORSHIP_STATES = ['proposed', 'active', 'declined', 'ended'] as const;

export const MentorshipSchema = z.object({
  id: z.uuid(),
  mentor: PeerRefSchema,
  mentee: PeerRefSchema,
  myRole: z.enum(['mentor', 'mentee']),
  state: z.enum(MENTORSHIP_STATES),
  requestedByMe: z.boolean(),
  createdAt: TimestampSchema,
  acceptedAt: TimestampSchema.nullable(),
  endedAt: TimestampSchema.nullable(),
  /** The pair's private chat thread, while the mentorship is active. */
  conversationId: z.uuid().nullable(),
  canAccept: z.boolean(),
});
export type MentorshipView = z.infer<typeof MentorshipSchema>;

export const MentorOverviewSchema = z.object({
  openToMentoring: z.boolean(),
  /** A current resident may be suggested mentors; alumni and peer leaders mentor. */
  canHaveMentor: z.boolean(),
  mentorships: z.array(MentorshipSchema),
});
export type MentorOverviewView = z.infer<typeof MentorOverviewSchema>;

export const MentorSuggestionSchema = z.object({
  person: PeerRefSchema,
  alumni: z.boolean(),
  /** Their level of recovery, only when they share it with me. */
  stage: z.enum(STAGES).nullable(),
  reasons: z.array(z.enum(MATCH_REASONS)),
  sharedSkills: z.array(z.object({ skill: z.enum(SKILLS), label: z.string() })),
});
export type MentorSuggestionView = z.infer<typeof MentorSuggestionSchema>;
export const MentorSuggestionListSchema = z.object({ suggestions: z.array(MentorSuggestionSchema) });

/** A newer resident of one of my houses, whom I could offer to mentor (they may say yes or not now). */
export const NewcomerSchema = z.object({
  person: PeerRefSchema,
  /** Their level of recovery, only when they share it with me. */
  stage: z.enum(STAGES).nullable(),
});
export type NewcomerView = z.infer<typeof NewcomerSchema>;
export const NewcomerListSchema = z.object({ newcomers: z.array(NewcomerSchema) });

/** Ask someone to be my mentor (mentorId), or offer to mentor a newer peer (menteeId): exactly one. */
export const NewMentorshipSchema = z
  .strictObject({ mentorId: IdSchema.optional(), menteeId: IdSchema.optional() })
  .superRefine((v, ctx) => {
    if ((v.mentorId === undefined) === (v.menteeId === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['mentorId'],
        message: 'name either a mentor or a mentee',
        params: { reason: 'mentors.mentor_or_mentee' },
      });
    }
  });

export const NewMentorCheckInSchema = z.strictObject({
  note: z
    .string({ message: 'is required' })
    .trim()
    .min(1, { message: 'is required' })
    .max(500, { message: 'must be at most 500 characters' }),
});

export const MentorCheckInSchema = z.object({
  id: z.uuid(),
  author: PeerRefSchema,
  mine: z.boolean(),
  note: z.string(),
  createdAt: TimestampSchema,
});
export const MentorshipLogSchema = z.object({
  mentorship: MentorshipSchema,
  checkIns: z.array(MentorCheckInSchema),
});
export type MentorshipLogView = z.infer<typeof MentorshipLogSchema>;

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const mentorReasons = defineReasons('mentors', {
  mentor_or_mentee: {
    code: 'validation_failed',
    message: 'Name either the mentor you ask for or the peer you offer to mentor, not both.',
  },
  is_you: { code: 'validation_failed', message: 'That is you: a mentorship is between two people.' },
  for_residents: { code: 'forbidden', message: 'Mentors are for current residents.' },
  not_open: { code: 'conflict', message: 'They are not open to mentoring right now.' },
  not_further_along: {
    code: 'validation_failed',
    message: 'A mentor is someone further along in recovery than you, as far as they share it with you.',
  },
  mentee_is_alumni: {
    code: 'validation_failed',
    message: 'They are an alumnus, not a current resident: mentors are for current residents.',
  },
  not_newer: {
    code: 'validation_failed',
    message: 'You can offer to mentor someone newer in recovery than you, as far as they share it with you.',
  },
  already_paired: { code: 'conflict', message: 'You two already have a mentorship or an open request.' },
  request_answered: { code: 'conflict', message: 'This request has already been answered.' },
  already_over: { code: 'conflict', message: 'This mentorship has already ended.' },
  answer_is_theirs: { code: 'conflict', message: 'The person you asked answers your request.' },
  log_closed: { code: 'conflict', message: 'The log is open while the mentorship is active.' },
});
export type MentorReason = keyof typeof mentorReasons;

const tags = ['mentors'] as const;
const ANSWER_REASONS = ['mentors.request_answered', 'mentors.answer_is_theirs'] as const;

export const mentorsApi = {
  overview: endpoint({
    method: 'GET',
    path: '/api/mentors',
    operationId: 'getMentorOverview',
    summary: 'My mentorships and requests, and whether I am open to mentoring',
    tags,
    responses: { 200: MentorOverviewSchema },
  }),
  settings: endpoint({
    method: 'PATCH',
    path: '/api/mentors/settings',
    operationId: 'updateMentorSettings',
    summary: 'Whether newer peers of my organization may be suggested me as a mentor',
    tags,
    body: MentorSettingsSchema,
    responses: { 200: MentorOverviewSchema },
  }),
  suggestions: endpoint({
    method: 'GET',
    path: '/api/mentors/suggestions',
    operationId: 'listMentorSuggestions',
    summary: 'Mentors suggested to me (a newer resident), with what we have in common',
    tags,
    responses: { 200: MentorSuggestionListSchema },
  }),
  newcomers: endpoint({
    method: 'GET',
    path: '/api/mentors/newcomers',
    operationId: 'listMentorNewcomers',
    summary: 'Newer residents of my houses I could offer to mentor (as far as they share it with me)',
    tags,
    responses: { 200: NewcomerListSchema },
  }),
  request: endpoint({
    method: 'POST',
    path: '/api/mentorships',
    operationId: 'requestMentorship',
    summary: 'Ask someone to be my mentor, or offer to mentor a newer peer (they must accept)',
    tags,
    body: NewMentorshipSchema,
    responses: { 201: MentorshipSchema },
    reasons: [
      'mentors.mentor_or_mentee',
      'mentors.is_you',
      'mentors.for_residents',
      'mentors.not_open',
      'mentors.not_further_along',
      'mentors.mentee_is_alumni',
      'mentors.not_newer',
      'mentors.already_paired',
      'request.not_found',
    ],
  }),
  accept: endpoint({
    method: 'POST',
    path: '/api/mentorships/:id/accept',
    operationId: 'acceptMentorship',
    summary: 'Accept a mentorship I was asked for (opens our private thread)',
    tags,
    params: IdParamsSchema,
    responses: { 200: MentorshipSchema },
    reasons: ANSWER_REASONS,
  }),
  decline: endpoint({
    method: 'POST',
    path: '/api/mentorships/:id/decline',
    operationId: 'declineMentorship',
    summary: 'Decline a mentorship I was asked for',
    tags,
    params: IdParamsSchema,
    responses: { 200: MentorshipSchema },
    reasons: ANSWER_REASONS,
  }),
  end: endpoint({
    method: 'POST',
    path: '/api/mentorships/:id/end',
    operationId: 'endMentorship',
    summary: 'End a mentorship or withdraw a request, without giving a reason',
    tags,
    params: IdParamsSchema,
    responses: { 200: MentorshipSchema },
    reasons: ['mentors.already_over'],
  }),
  log: endpoint({
    method: 'GET',
    path: '/api/mentorships/:id/check-ins',
    operationId: 'getMentorshipLog',
    summary: "Our mentorship's shared check-in log (its two people only)",
    tags,
    params: IdParamsSchema,
    responses: { 200: MentorshipLogSchema },
  }),
  addCheckIn: endpoint({
    method: 'POST',
    path: '/api/mentorships/:id/check-ins',
    operationId: 'addMentorshipCheckIn',
    summary: 'Add a line to our shared check-in log',
    tags,
    params: IdParamsSchema,
    body: NewMentorCheckInSchema,
    responses: { 201: MentorshipLogSchema },
    reasons: ['mentors.log_closed'],
  }),
} as const;
