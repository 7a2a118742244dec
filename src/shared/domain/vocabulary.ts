// The product's fixed vocabularies, shared by server, web app and database checks.

export const ROLES = ['resident', 'peer_leader', 'counselor', 'org_admin', 'alumni'] as const;
export type Role = (typeof ROLES)[number];

/** NARR Standard 3.0 levels of support (DOMAIN.md). */
export const NARR_LEVELS = [1, 2, 3, 4] as const;
export type NarrLevel = (typeof NARR_LEVELS)[number];
export const NARR_LEVEL_NAMES: Record<NarrLevel, string> = {
  1: 'peer-run',
  2: 'monitored',
  3: 'supervised',
  4: 'service provider',
};

export const PROGRAM_FOCUSES = [
  'women',
  'men',
  'lgbtq',
  'young_adults',
  'veterans',
  'parents_with_children',
  'faith_based',
  'secular',
  'moud_friendly',
] as const;
export type ProgramFocus = (typeof PROGRAM_FOCUSES)[number];

export const RECOVERY_PATHWAYS = ['twelve_step', 'smart', 'faith_based', 'moud', 'other'] as const;
export type RecoveryPathway = (typeof RECOVERY_PATHWAYS)[number];

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** How a person's name appears to peers: anonymity by default (first name + last initial). */
export const NAME_STYLES = ['first_last_initial', 'first_only', 'initials'] as const;
export type NameStyle = (typeof NAME_STYLES)[number];

/** Who may see an optional profile detail. */
export const AUDIENCES = ['only_me', 'house', 'organization'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The four kinds of peer support (SAMHSA 2009, DOMAIN.md). */
export const SUPPORT_KINDS = ['emotional', 'informational', 'instrumental', 'affiliational'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
