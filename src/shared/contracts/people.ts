import { z } from 'zod';
import { parsePeopleCursor } from '../domain/people-cursor.ts';
import { RECOVERY_AUDIENCES } from '../domain/recovery-time.ts';
import { STAGES } from '../domain/stages.ts';
import { AUDIENCES, LANGUAGES, NAME_STYLES, RECOVERY_PATHWAYS, ROLES } from '../domain/vocabulary.ts';
import { DateSchema, IdParamsSchema, OkSchema, TimeZoneSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';
import { EndMembershipSchema, GrantMembershipSchema } from './memberships.ts';

export const PrivacySchema = z.object({
  nameStyle: z.enum(NAME_STYLES),
  pronounsVisibleTo: z.enum(AUDIENCES),
  pathwayVisibleTo: z.enum(AUDIENCES),
  /** Who sees my level of recovery (stage) on the house page: only me · peer leader · house · organization. */
  stageVisibleTo: z.enum(RECOVERY_AUDIENCES),
});
export type Privacy = z.infer<typeof PrivacySchema>;

export const MembershipSchema = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  residenceId: z.uuid().nullable(),
  residenceName: z.string().nullable(),
  startsOn: DateSchema,
  /** The day the role ends (not held on it), in the house's time zone; null while no end is set. */
  endsOn: DateSchema.nullable(),
  bed: z.string().nullable(),
  /** Held right now (decision 0022). */
  current: z.boolean(),
});
export type MembershipView = z.infer<typeof MembershipSchema>;

export const MeSchema = z.object({
  id: z.uuid(),
  organization: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
  username: z.string(),
  email: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  pronouns: z.string().nullable(),
  language: z.enum(LANGUAGES),
  recoveryPathway: z.enum(RECOVERY_PATHWAYS).nullable(),
  /** My IANA time zone; null = my house's (then UTC). Recovery days and check-in days count in it. */
  timeZone: z.string().nullable(),
  privacy: PrivacySchema,
  /** My level of recovery, from my first recovery clock; null before I set a recovery date. */
  stage: z.enum(STAGES).nullable(),
  memberships: z.array(MembershipSchema),
  roles: z.array(z.enum(ROLES)),
  /** Show the first-day welcome: a current resident who has not put it away yet. */
  welcome: z.boolean(),
});
export type Me = z.infer<typeof MeSchema>;

export const UpdateProfileSchema = z
  .strictObject({
    firstName: z.string().trim().min(1, { message: 'is required' }).max(60),
    lastName: z.string().trim().max(60),
    pronouns: z.string().trim().max(40).nullable(),
    language: z.enum(LANGUAGES),
    recoveryPathway: z.enum(RECOVERY_PATHWAYS).nullable(),
    email: z.email({ message: 'must be an email address' }).max(200).nullable(),
    timeZone: TimeZoneSchema.nullable(),
  })
  .partial();

export const UpdatePrivacySchema = PrivacySchema.partial().strict();

/** Myself (features/me): the profile and privacy settings each person keeps. */
export const meApi = {
  get: endpoint({
    method: 'GET',
    path: '/api/me',
    operationId: 'getMe',
    summary: 'Myself: profile, privacy settings and roles',
    tags: ['me'],
    responses: { 200: MeSchema },
  }),
  updateProfile: endpoint({
    method: 'PATCH',
    path: '/api/me/profile',
    operationId: 'updateMyProfile',
    summary: 'Change my profile',
    tags: ['me'],
    body: UpdateProfileSchema,
    responses: { 200: MeSchema },
  }),
  dismissWelcome: endpoint({
    method: 'POST',
    path: '/api/me/welcome/dismiss',
    operationId: 'dismissMyWelcome',
    summary: 'Put the first-day welcome away (it does not come back)',
    tags: ['me'],
    responses: { 200: MeSchema },
  }),
  updatePrivacy: endpoint({
    method: 'PATCH',
    path: '/api/me/privacy',
    operationId: 'updateMyPrivacy',
    summary: 'Change who sees what of me',
    tags: ['me'],
    body: UpdatePrivacySchema,
    responses: { 200: MeSchema },
  }),
} as const;

/** An organization admin's view of a person. */
export const PersonSummarySchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  username: z.string(),
  language: z.enum(LANGUAGES),
  memberships: z.array(MembershipSchema),
});
export type PersonSummary = z.infer<typeof PersonSummarySchema>;
/** A page of people in name order, narrowed by a search, a current role or a house. */
export const PeopleQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z
    .string()
    .max(600)
    .refine((text) => parsePeopleCursor(text) !== null, { message: 'must be the next of a page before' })
    .optional(),
  /** Part of a first name, last name or username. */
  q: z.string().trim().max(100).optional(),
  /** Only people who hold this role now. */
  role: z.enum(ROLES).optional(),
  /** Only people who hold a role in this house now. */
  residenceId: z.uuid().optional(),
});
export const PersonListSchema = z.object({
  people: z.array(PersonSummarySchema),
  /** Give it as `after` for the next page; null on the last page. */
  next: z.string().nullable(),
});

export const ResetCodeSchema = z.object({ code: z.string(), expiresAt: z.string() });

/**
 * Why this area refuses a request (decision 0027); each has words in the web app. Giving and ending roles
 * (contracts/memberships.ts) are people's business too, so their refusals are named here.
 */
export const peopleReasons = defineReasons('people', {
  username_taken: { code: 'conflict', message: 'That username is taken. Please choose another.' },
  /** params: `{ role }` */
  residence_required: { code: 'validation_failed', message: 'is required for this role' },
  /** params: `{ role }` */
  residence_not_allowed: { code: 'validation_failed', message: 'must be empty for this role' },
  unknown_residence: { code: 'validation_failed', message: 'names a residence that does not exist' },
  no_free_bed: {
    code: 'conflict',
    message: 'This house has no free bed. Move someone out or raise its bed capacity.',
  },
  already_lives_in_house: {
    code: 'conflict',
    message: 'This person already lives in a house. Move them out first.',
  },
  /** params: `{ role }` */
  already_has_role: { code: 'conflict', message: 'This person already has this role.' },
  role_already_ended: { code: 'conflict', message: 'This role has already ended.' },
  end_before_start: { code: 'validation_failed', message: 'must not be before the start date' },
  own_admin_role: {
    code: 'conflict',
    message: 'You cannot remove your own admin role. Ask another admin.',
  },
});
export type PeopleReason = keyof typeof peopleReasons;

/** The refusals of giving a role, also met when an invitation is accepted. */
export const GRANT_ROLE_REASONS = [
  'people.residence_required',
  'people.residence_not_allowed',
  'people.unknown_residence',
  'people.no_free_bed',
  'people.already_lives_in_house',
  'people.already_has_role',
] as const;

export const peopleApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/people',
    operationId: 'listPeople',
    summary: 'The people of my organization with their roles, a page at a time in name order',
    tags: ['people'],
    query: PeopleQuerySchema,
    responses: { 200: PersonListSchema },
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/people/:id',
    operationId: 'getPerson',
    summary: 'One person with their roles',
    tags: ['people'],
    params: IdParamsSchema,
    responses: { 200: PersonSummarySchema },
  }),
  grantRole: endpoint({
    method: 'POST',
    path: '/api/people/:id/memberships',
    operationId: 'grantRole',
    summary: 'Give a role: move a resident in, name a peer leader, counselor or admin',
    tags: ['people'],
    params: IdParamsSchema,
    body: GrantMembershipSchema.omit({ personId: true }),
    responses: { 201: PersonSummarySchema },
    reasons: GRANT_ROLE_REASONS,
  }),
  endRole: endpoint({
    method: 'POST',
    path: '/api/memberships/:id/end',
    operationId: 'endRole',
    summary: 'End a role: move a resident out (optionally as alumni)',
    tags: ['people'],
    params: IdParamsSchema,
    body: EndMembershipSchema,
    responses: { 200: OkSchema },
    reasons: ['people.role_already_ended', 'people.end_before_start', 'people.own_admin_role'],
  }),
  issueResetCode: endpoint({
    method: 'POST',
    path: '/api/people/:id/reset-code',
    operationId: 'issueResetCode',
    summary: 'Issue a one-time password-reset code (admin, or the peer leader of their house)',
    tags: ['people'],
    params: IdParamsSchema,
    responses: { 201: ResetCodeSchema },
  }),
} as const;
