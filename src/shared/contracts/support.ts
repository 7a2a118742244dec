// Peer support: requests for help and standing offers, peers' responses, acceptances, "this helped",
// and the support ledger (mine, and counts by kind per house per week for peer leaders and admins).
import { z } from 'zod';
import { SUPPORT_KINDS } from '../domain/vocabulary.ts';
import { IdSchema, TimestampSchema } from './common.ts';
import { PersonRefSchema } from './decisions.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';

export const SUPPORT_POST_TYPES = ['request', 'offer'] as const;
export type SupportPostType = (typeof SUPPORT_POST_TYPES)[number];
/** Who hears a post: my house, the houses of my program, my organization, or the alumni. */
export const SUPPORT_AUDIENCES = ['house', 'program', 'organization', 'alumni'] as const;
export type SupportAudience = (typeof SUPPORT_AUDIENCES)[number];
export const SUPPORT_STATES = ['open', 'offered', 'accepted', 'done', 'withdrawn', 'expired'] as const;
export type SupportState = (typeof SUPPORT_STATES)[number];
export const SUPPORT_RESPONSE_STATES = ['offered', 'accepted', 'withdrawn'] as const;
export type SupportResponseState = (typeof SUPPORT_RESPONSE_STATES)[number];

/** A post is open to responses in these states (a request may take more than one helper). */
export const ACTIVE_SUPPORT_STATES = [
  'open',
  'offered',
  'accepted',
] as const satisfies readonly SupportState[];

const SupportKindSchema = z.enum(SUPPORT_KINDS, { message: 'must be one of the four kinds of support' });
const shortText = (max: number) =>
  z
    .string({ message: 'is required' })
    .trim()
    .min(1, { message: 'is required' })
    .max(max, { message: `must be at most ${max} characters` });

export const SUPPORT_TEXT_MAX = 280;

export const NewSupportRequestSchema = z.strictObject({
  type: z.enum(SUPPORT_POST_TYPES, { message: 'must be request or offer' }).default('request'),
  supportKind: SupportKindSchema,
  body: shortText(SUPPORT_TEXT_MAX),
  audience: z.enum(SUPPORT_AUDIENCES, { message: 'must be house, program, organization or alumni' }),
  /** Peers don't see who asked; the house's peer leader still does. */
  anonymous: z.boolean().default(false),
  /** Days until it expires (a request 7 by default, a standing offer 30). */
  expiresInDays: z.number().int().min(1).max(90).optional(),
  /** A retried post with the same key returns the first one instead of posting twice. */
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
});
export type NewSupportRequest = z.input<typeof NewSupportRequestSchema>;

export const NewSupportResponseSchema = z.strictObject({
  note: z
    .string()
    .trim()
    .max(SUPPORT_TEXT_MAX, { message: `must be at most ${SUPPORT_TEXT_MAX} characters` })
    .optional(),
});
export const HelpedSchema = z.strictObject({
  note: z
    .string()
    .trim()
    .max(SUPPORT_TEXT_MAX, { message: `must be at most ${SUPPORT_TEXT_MAX} characters` })
    .optional(),
});

export const SupportResponseSchema = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  /** The responder, shown to the post's author (and to the responder themself). */
  responder: PersonRefSchema,
  note: z.string().nullable(),
  state: z.enum(SUPPORT_RESPONSE_STATES),
  /** The private thread with the author, once accepted. */
  conversationId: z.uuid().nullable(),
  createdAt: TimestampSchema,
  acceptedAt: TimestampSchema.nullable(),
  helpedAt: TimestampSchema.nullable(),
});
export type SupportResponseView = z.infer<typeof SupportResponseSchema>;

export const SupportRequestSchema = z.object({
  id: z.uuid(),
  type: z.enum(SUPPORT_POST_TYPES),
  supportKind: SupportKindSchema,
  body: z.string(),
  audience: z.enum(SUPPORT_AUDIENCES),
  anonymous: z.boolean(),
  state: z.enum(SUPPORT_STATES),
  /** null when the author asked anonymously and the viewer is a peer. */
  author: PersonRefSchema.nullable(),
  residenceName: z.string().nullable(),
  isMine: z.boolean(),
  expiresAt: TimestampSchema,
  createdAt: TimestampSchema,
  /** How many peers responded (still offering or accepted). */
  responseCount: z.number().int(),
  /** The responses: all of them for the author; only their own for a responder; none for others. */
  responses: z.array(SupportResponseSchema),
  canRespond: z.boolean(),
  canWithdraw: z.boolean(),
});
export type SupportRequestView = z.infer<typeof SupportRequestSchema>;

export const SupportRequestListSchema = z.object({ requests: z.array(SupportRequestSchema) });
export type SupportRequestList = z.infer<typeof SupportRequestListSchema>;

export const BrowseSupportQuerySchema = z.strictObject({
  type: z.enum(SUPPORT_POST_TYPES).optional(),
  supportKind: SupportKindSchema.optional(),
});

/** My posts, and the posts I responded to. */
export const MySupportSchema = z.object({
  posts: z.array(SupportRequestSchema),
  responded: z.array(SupportRequestSchema),
});
export type MySupport = z.infer<typeof MySupportSchema>;

export const LedgerEntrySchema = z.object({
  id: z.uuid(),
  supportKind: SupportKindSchema,
  /** commitment | request */
  source: z.string(),
  at: TimestampSchema,
  /** The other person; null = the whole house (a commitment) or someone who asked anonymously. */
  other: PersonRefSchema.nullable(),
});
export const MyLedgerSchema = z.object({
  given: z.array(LedgerEntrySchema),
  received: z.array(LedgerEntrySchema),
  /** Different people I helped, and times I was helped, since the first of this month (UTC). */
  peopleHelpedThisMonth: z.number().int(),
  givenThisMonth: z.number().int(),
  receivedThisMonth: z.number().int(),
});
export type MyLedger = z.infer<typeof MyLedgerSchema>;

export const HouseLedgerQuerySchema = z.strictObject({
  weeks: z.coerce.number().int().min(1).max(52).default(8),
});
/** Counts only, never who or what: evidence of mutual support (NARR 3.G.23). */
export const HouseLedgerSchema = z.object({
  weeks: z.array(
    z.object({
      residenceId: z.uuid(),
      residenceName: z.string(),
      /** Monday of the week (UTC), YYYY-MM-DD. */
      weekStart: z.string(),
      emotional: z.number().int(),
      informational: z.number().int(),
      instrumental: z.number().int(),
      affiliational: z.number().int(),
    }),
  ),
});
export type HouseLedger = z.infer<typeof HouseLedgerSchema>;

export const SupportIdParamsSchema = z.strictObject({ id: IdSchema });

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const supportReasons = defineReasons('support', {
  not_peer: {
    code: 'forbidden',
    message: 'Asking for and giving support is for residents, peer leaders and alumni.',
  },
  no_house: { code: 'validation_failed', message: 'You need a current house for this audience.' },
  no_program: {
    code: 'validation_failed',
    message: 'Your house is not part of a program yet. Choose your house or your organization.',
  },
  own_post: { code: 'bad_request', message: 'You cannot respond to your own post.' },
  closed: { code: 'conflict', message: 'This is no longer open.' },
  offer_withdrawn: { code: 'conflict', message: 'This offer was withdrawn, so it cannot be accepted.' },
  not_author: { code: 'forbidden', message: 'Only the person who posted this can do that.' },
  not_accepted: { code: 'conflict', message: 'Only an accepted offer can be marked as helped.' },
  not_receiver: { code: 'forbidden', message: 'Only the person who was helped marks it as helped.' },
  not_responder: { code: 'forbidden', message: 'Only the person who offered can withdraw this offer.' },
});
export type SupportReason = keyof typeof supportReasons;

const tags = ['support'] as const;

export const supportApi = {
  create: endpoint({
    method: 'POST',
    path: '/api/support/requests',
    operationId: 'createSupportPost',
    summary: 'Ask for help, or post a standing offer of help (kind, short text, audience, anonymity)',
    tags,
    body: NewSupportRequestSchema,
    responses: { 200: SupportRequestSchema, 201: SupportRequestSchema },
    reasons: ['support.not_peer', 'support.no_house', 'support.no_program'],
  }),
  browse: endpoint({
    method: 'GET',
    path: '/api/support/requests',
    operationId: 'listSupportPosts',
    summary: 'Requests and standing offers that reach me and are still open, newest first',
    tags,
    query: BrowseSupportQuerySchema,
    responses: { 200: SupportRequestListSchema },
  }),
  mine: endpoint({
    method: 'GET',
    path: '/api/support/mine',
    operationId: 'listMySupportPosts',
    summary: 'My requests and offers with their responses, and the posts I responded to',
    tags,
    responses: { 200: MySupportSchema },
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/support/requests/:id',
    operationId: 'getSupportPost',
    summary: 'One request or standing offer, as I may see it',
    tags,
    params: SupportIdParamsSchema,
    responses: { 200: SupportRequestSchema },
  }),
  withdraw: endpoint({
    method: 'POST',
    path: '/api/support/requests/:id/withdraw',
    operationId: 'withdrawSupportPost',
    summary: 'Withdraw my request or standing offer; everyone who responded hears of it',
    tags,
    params: SupportIdParamsSchema,
    responses: { 200: SupportRequestSchema },
    reasons: ['support.not_author', 'support.closed'],
  }),
  respond: endpoint({
    method: 'POST',
    path: '/api/support/requests/:id/responses',
    operationId: 'respondToSupportPost',
    summary: '"I can help" on a request, "I\'d like this" on a standing offer (twice is once)',
    tags,
    params: SupportIdParamsSchema,
    body: NewSupportResponseSchema,
    responses: { 200: SupportRequestSchema, 201: SupportRequestSchema },
    reasons: ['support.own_post', 'support.not_peer', 'support.closed'],
  }),
  accept: endpoint({
    method: 'POST',
    path: '/api/support/responses/:id/accept',
    operationId: 'acceptSupportResponse',
    summary: 'Accept an offer on my post; a private thread opens between us',
    tags,
    params: SupportIdParamsSchema,
    responses: { 200: SupportRequestSchema },
    reasons: ['support.not_author', 'support.offer_withdrawn', 'support.closed'],
  }),
  withdrawResponse: endpoint({
    method: 'POST',
    path: '/api/support/responses/:id/withdraw',
    operationId: 'withdrawSupportResponse',
    summary: 'Take back my offer',
    tags,
    params: SupportIdParamsSchema,
    responses: { 200: SupportRequestSchema },
    reasons: ['support.not_responder', 'support.closed'],
  }),
  helped: endpoint({
    method: 'POST',
    path: '/api/support/responses/:id/helped',
    operationId: 'markSupportHelped',
    summary: '"This helped": the person helped marks an accepted offer; it goes in the support ledger',
    tags,
    params: SupportIdParamsSchema,
    body: HelpedSchema,
    responses: { 200: SupportRequestSchema },
    reasons: ['support.not_receiver', 'support.not_accepted'],
  }),
  myLedger: endpoint({
    method: 'GET',
    path: '/api/support/ledger/mine',
    operationId: 'getMySupportLedger',
    summary: 'The help I gave and received (requests and meeting commitments)',
    tags,
    responses: { 200: MyLedgerSchema },
  }),
  houseLedger: endpoint({
    method: 'GET',
    path: '/api/support/ledger/houses',
    operationId: 'getHouseSupportLedger',
    summary: 'Help given by kind per house per week, counts only (peer leaders: their houses; admins: all)',
    tags,
    query: HouseLedgerQuerySchema,
    responses: { 200: HouseLedgerSchema },
  }),
} as const;
