// The skills exchange: what I can teach and want to learn, who matches, and sessions between two peers.
import { z } from 'zod';
import { SKILL_DIRECTIONS, SKILL_SESSION_KINDS, SKILLS } from '../domain/skills.ts';
import { IdParamsSchema, IdSchema, InstantSchema, OkSchema, TimestampSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
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
  .refine((s) => !/[<>]/.test(s), { message: 'must be plain words', params: { reason: 'field.characters' } });

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
      ctx.addIssue({
        code: 'custom',
        path: ['label'],
        message: 'says which skill, in your own words',
        params: { reason: 'skills.label_needed' },
      });
    }
    if (v.skill !== 'other' && label !== '') {
      ctx.addIssue({
        code: 'custom',
        path: ['label'],
        message: 'is only for a skill that is not on the list',
        params: { reason: 'skills.label_only_for_other' },
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
export const skillReasons = defineReasons('skills', {
  label_needed: {
    code: 'validation_failed',
    message: 'A skill that is not on the list needs its name, in your own words.',
  },
  label_only_for_other: {
    code: 'validation_failed',
    message: 'Your own words are only for a skill that is not on the list.',
  },
  already_listed: { code: 'conflict', message: 'This skill is already on your list.' },
  own_listing: { code: 'validation_failed', message: 'That is one of your own skills.' },
  session_already_planned: {
    code: 'conflict',
    message: 'A session for this skill between you two is already planned.',
  },
  session_changed: { code: 'conflict', message: 'This session has changed: it is no longer open to that.' },
  session_proposed_by_you: { code: 'conflict', message: 'The other person accepts a session you proposed.' },
  session_not_accepted: { code: 'conflict', message: 'The other person has not accepted this session yet.' },
});
export type SkillReason = keyof typeof skillReasons;

const tags = ['skills'] as const;

export const skillsApi = {
  mine: endpoint({
    method: 'GET',
    path: '/api/skills',
    operationId: 'getMySkills',
    summary: 'My skills: what I can teach and want to learn',
    tags,
    responses: { 200: MySkillsSchema },
  }),
  add: endpoint({
    method: 'POST',
    path: '/api/skills',
    operationId: 'addSkill',
    summary: 'Add a skill I can teach or want to learn (peers with the other side hear of the match)',
    tags,
    body: NewSkillListingSchema,
    responses: { 201: SkillListingSchema },
    reasons: ['skills.label_needed', 'skills.label_only_for_other', 'skills.already_listed'],
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/skills/:id',
    operationId: 'removeSkill',
    summary: 'Take a skill off my list',
    tags,
    params: IdParamsSchema,
    responses: { 200: OkSchema },
  }),
  settings: endpoint({
    method: 'PATCH',
    path: '/api/skills/settings',
    operationId: 'updateSkillSettings',
    summary: 'Who sees my skills: my house, or my whole organization',
    tags,
    body: SkillSettingsSchema,
    responses: { 200: MySkillsSchema },
  }),
  matches: endpoint({
    method: 'GET',
    path: '/api/skills/matches',
    operationId: 'listSkillMatches',
    summary: 'Peers whose skills answer mine, in my house and my organization (as each chose to share)',
    tags,
    responses: { 200: SkillMatchesSchema },
  }),
  sessions: endpoint({
    method: 'GET',
    path: '/api/skill-sessions',
    operationId: 'listMySkillSessions',
    summary: 'Skill sessions I teach or learn in',
    tags,
    responses: { 200: SkillSessionListSchema },
  }),
  propose: endpoint({
    method: 'POST',
    path: '/api/skill-sessions',
    operationId: 'proposeSkillSession',
    summary: "Propose a skill session through another peer's listing",
    tags,
    body: NewSkillSessionSchema,
    responses: { 201: SkillSessionSchema },
    reasons: ['skills.own_listing', 'skills.session_already_planned', 'request.not_found'],
  }),
  accept: endpoint({
    method: 'POST',
    path: '/api/skill-sessions/:id/accept',
    operationId: 'acceptSkillSession',
    summary: 'Accept a skill session the other person proposed',
    tags,
    params: IdParamsSchema,
    responses: { 200: SkillSessionSchema },
    reasons: ['skills.session_changed', 'skills.session_proposed_by_you'],
  }),
  cancel: endpoint({
    method: 'POST',
    path: '/api/skill-sessions/:id/cancel',
    operationId: 'cancelSkillSession',
    summary: 'Call off a planned skill session',
    tags,
    params: IdParamsSchema,
    responses: { 200: SkillSessionSchema },
    reasons: ['skills.session_changed'],
  }),
  done: endpoint({
    method: 'POST',
    path: '/api/skill-sessions/:id/done',
    operationId: 'markSkillSessionDone',
    summary: 'Mark a skill session as done: it is recorded as support given in the ledger',
    tags,
    params: IdParamsSchema,
    responses: { 200: SkillSessionSchema },
    reasons: ['skills.session_changed', 'skills.session_not_accepted'],
  }),
} as const;
