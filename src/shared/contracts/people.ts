import { z } from 'zod';
import { RECOVERY_AUDIENCES } from '../domain/recovery-time.ts';
import { STAGES } from '../domain/stages.ts';
import { AUDIENCES, LANGUAGES, NAME_STYLES, RECOVERY_PATHWAYS, ROLES } from '../domain/vocabulary.ts';
import { DateSchema, TimeZoneSchema } from './common.ts';
import { defineReasons } from './errors.ts';

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
export const PersonListSchema = z.object({ people: z.array(PersonSummarySchema) });

export const ResetCodeSchema = z.object({ code: z.string(), expiresAt: z.string() });

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const peopleReasons = defineReasons('people', {});
export type PeopleReason = keyof typeof peopleReasons;
