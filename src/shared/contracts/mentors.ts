// Mentors: being open to mentoring, suggestions for newer residents, asking, accepting, ending, and the
// pair's shared check-in log.
import { z } from 'zod';
import { MATCH_REASONS } from '../domain/mentor-matching.ts';
import { SKILLS } from '../domain/skills.ts';
import { STAGES } from '../domain/stages.ts';
import { IdSchema, TimestampSchema } from './common.ts';
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

/** Ask someone to be my mentor (mentorId), or offer to mentor a newer peer (menteeId): exactly one. */
export const NewMentorshipSchema = z
  .strictObject({ mentorId: IdSchema.optional(), menteeId: IdSchema.optional() })
  .superRefine((v, ctx) => {
    if ((v.mentorId === undefined) === (v.menteeId === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['mentorId'], message: 'name either a mentor or a mentee' });
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
export const mentorReasons = defineReasons('mentors', {});
export type MentorReason = keyof typeof mentorReasons;
