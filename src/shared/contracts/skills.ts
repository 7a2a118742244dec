// The skills exchange: what I can teach and want to learn, who matches, and sessions between two peers.
import { z } from 'zod';
import { SKILL_DIRECTIONS, SKILL_SESSION_KINDS, SKILLS } from '../domain/skills.ts';
import { IdSchema, InstantSchema, TimestampSchema } from './common.ts';
import { defineReasons } from './errors.ts';

/** A person as peers see them: their chosen display name only. */
export const PeerRefSchema = z.object({ personId: z.uuid(), displayName: z.string() });
export type PeerRef = z.infer<typeof PeerRefSchema>;

export const SKILL_AUDIENCES = ['house', 'organization'] as const;
export type SkillAudience = (typeof SKILL_AUDIENCES)[number];

export const SkillLabelSchema = z
  .string()
  .trim()
  .max(60, { message: 'must be at most 60 characters' })
  .refine((s) => !/[<>]/.test(s), { message: 'must be plain words' });

export const NewSkillListingSchema = z
  .strictObject({
    skill: z.enum(SKILLS, { message: 'must be a skill from the list, or other' }),
    /** The person's own words, for 'other' only. */
    label: SkillLabelSchema.optional(),
    direction: z.enum(SKILL_DIRECTIONS, { message: 'must be teach or learn' }),
  })
  .superRefine((v, ctx) => {
    const label = v.label ?? '';
    if (v.skill === 'other' && label === '') {
      ctx.addIssue({ code: 'custom', path: ['label'], message: 'says which skill, in your own words' });
    }
    if (v.skill !== 'other' && label !== '') {
      ctx.addIssue({
        code: 'custom',
        path: ['label'],
        message: 'is only for a skill that is not on the list',
      });
    }
  });
export type NewSkillListing = z.input<typeof NewSkillListingSchema>;

export const SkillListingSchema = z.object({
  id: z.uuid(),
  skill: z.enum(SKILLS),
  label: z.string(),
  direction: z.enum(SKILL_DIRECTIONS),
});
export type SkillListingView = z.infer<typeof SkillListingSchema>;

export const MySkillsSchema = z.object({
  skillsVisibleTo: z.enum(SKILL_AUDIENCES),
  listings: z.array(SkillListingSchema),
});
export type MySkillsView = z.infer<typeof MySkillsSchema>;

export const SkillSettingsSchema = z.strictObject({
  skillsVisibleTo: z.enum(SKILL_AUDIENCES, { message: 'must be house or organization' }),
});

/** Someone whose listing answers one of mine: they can teach what I want to learn, or the reverse. */
export const SkillMatchSchema = z.object({
  listingId: z.uuid(),
  person: PeerRefSchema,
  skill: z.enum(SKILLS),
  label: z.string(),
  /** Their side: teach = they can teach me, learn = they want to learn what I can teach. */
  direction: z.enum(SKILL_DIRECTIONS),
});
export type SkillMatchView = z.infer<typeof SkillMatchSchema>;

export const SkillMatchesSchema = z.object({
  /** People of my own house. */
  house: z.array(SkillMatchSchema),
  /** People elsewhere in my organization who share their skills with it. */
  organization: z.array(SkillMatchSchema),
});
export type SkillMatchesView = z.infer<typeof SkillMatchesSchema>;

export const SKILL_SESSION_STATES = ['proposed', 'arranged', 'done', 'cancelled'] as const;

export const NewSkillSessionSchema = z.strictObject({
  /** The other person's listing I answer. */
  listingId: IdSchema,
  supportKind: z.enum(SKILL_SESSION_KINDS, { message: 'must be instrumental or informational' }).optional(),
  plannedFor: InstantSchema.nullish(),
});
export type NewSkillSession = z.input<typeof NewSkillSessionSchema>;

export const SkillSessionSchema = z.object({
  id: z.uuid(),
  skill: z.enum(SKILLS),
  label: z.string(),
  teacher: PeerRefSchema,
  learner: PeerRefSchema,
  supportKind: z.enum(SKILL_SESSION_KINDS),
  state: z.enum(SKILL_SESSION_STATES),
  plannedFor: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  doneAt: TimestampSchema.nullable(),
  /** My side of it. */
  myRole: z.enum(['teacher', 'learner']),
  proposedByMe: z.boolean(),
  canAccept: z.boolean(),
  canCancel: z.boolean(),
  canMarkDone: z.boolean(),
});
export type SkillSessionView = z.infer<typeof SkillSessionSchema>;
export const SkillSessionListSchema = z.object({ sessions: z.array(SkillSessionSchema) });
export type SkillSessionListView = z.infer<typeof SkillSessionListSchema>;

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const skillReasons = defineReasons('skills', {});
export type SkillReason = keyof typeof skillReasons;
