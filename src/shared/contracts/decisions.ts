// Commitments (how peers will help), decisions by vote, and published minutes of house meetings.
import { z } from 'zod';
import { SUPPORT_KINDS } from '../domain/vocabulary.ts';
import { DateSchema, IdParamsSchema, IdSchema, TimestampSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';

const text = (max: number) =>
  z
    .string({ message: 'is required' })
    .trim()
    .min(1, { message: 'is required' })
    .max(max, { message: `must be at most ${max} characters` });

/** A person as peers see them: their chosen display name only. */
export const PersonRefSchema = z.object({ personId: z.uuid(), displayName: z.string() });
export type PersonRef = z.infer<typeof PersonRefSchema>;

// ── Commitments ─────────────────────────────────────────────────────────────────────────────────

export const NewCommitmentSchema = z.strictObject({
  agendaItemId: IdSchema.nullish(),
  /** Who helps: a current member of the house. */
  helperId: IdSchema,
  /** Whom: a current member of the house, or null for the whole house. */
  helpedId: IdSchema.nullable(),
  description: text(500),
  supportKind: z.enum(SUPPORT_KINDS, { message: 'must be one of the four kinds of support' }),
  dueOn: DateSchema.nullish(),
});
export type NewCommitment = z.input<typeof NewCommitmentSchema>;

export const CommitmentSchema = z.object({
  id: z.uuid(),
  residenceId: z.uuid(),
  meetingId: z.uuid().nullable(),
  agendaItemId: z.uuid().nullable(),
  /** The agenda item's title, for context on the home screen. */
  itemTitle: z.string().nullable(),
  meetingTitle: z.string().nullable(),
  meetingDate: DateSchema.nullable(),
  helper: PersonRefSchema,
  /** null = the whole house. */
  helped: PersonRefSchema.nullable(),
  description: z.string(),
  supportKind: z.enum(SUPPORT_KINDS),
  dueOn: DateSchema.nullable(),
  doneAt: TimestampSchema.nullable(),
  doneNote: z.string().nullable(),
  createdAt: TimestampSchema,
  /** Whether the viewer may mark it done (the helper, or the house's peer leader). */
  canMarkDone: z.boolean(),
});
export type CommitmentView = z.infer<typeof CommitmentSchema>;
export const CommitmentListSchema = z.object({ commitments: z.array(CommitmentSchema) });
export type CommitmentListView = z.infer<typeof CommitmentListSchema>;
/** A meeting's commitments, and the house's current members (who can help, and be helped). */
export const MeetingCommitmentsSchema = z.object({
  commitments: z.array(CommitmentSchema),
  members: z.array(PersonRefSchema),
});
export type MeetingCommitmentsView = z.infer<typeof MeetingCommitmentsSchema>;

export const MyCommitmentsSchema = z.object({
  /** Open commitments where I am the helper. */
  mine: z.array(CommitmentSchema),
  /** Open commitments where someone helps me (or the whole house). */
  forMe: z.array(CommitmentSchema),
});
export type MyCommitmentsView = z.infer<typeof MyCommitmentsSchema>;

export const MeetingCommitmentsQuerySchema = z.strictObject({ itemId: IdSchema.optional() });
export const HouseCommitmentsQuerySchema = z.strictObject({
  status: z.enum(['open', 'all'], { message: 'must be open or all' }).default('open'),
});

export const MarkDoneSchema = z.strictObject({
  note: z.string().trim().max(280, { message: 'must be at most 280 characters' }).optional(),
});

// ── Motions and votes ───────────────────────────────────────────────────────────────────────────

export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];
export const MOTION_RESULTS = ['carried', 'failed', 'no_quorum'] as const;
export type MotionResult = (typeof MOTION_RESULTS)[number];

export const NewMotionSchema = z.strictObject({
  agendaItemId: IdSchema.nullish(),
  text: text(500),
});
export const VoteSchema = z.strictObject({
  choice: z.enum(VOTE_CHOICES, { message: 'must be for, against or abstain' }),
});

/**
 * A motion as a house member sees it: counts only, never who voted which way; the viewer's own vote is
 * shown to them alone (decision record 0011).
 */
export const MotionSchema = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  agendaItemId: z.uuid().nullable(),
  text: z.string(),
  movedBy: PersonRefSchema.nullable(),
  state: z.enum(['open', 'closed']),
  result: z.enum(MOTION_RESULTS).nullable(),
  votesFor: z.number().int().nullable(),
  votesAgainst: z.number().int().nullable(),
  abstentions: z.number().int().nullable(),
  presentCount: z.number().int().nullable(),
  quorum: z.number().int().nullable(),
  /** While open: how many have voted so far (not how). */
  votesCast: z.number().int(),
  myVote: z.enum(VOTE_CHOICES).nullable(),
  createdAt: TimestampSchema,
  closedAt: TimestampSchema.nullable(),
});
export type MotionView = z.infer<typeof MotionSchema>;
export const MotionListSchema = z.object({
  motions: z.array(MotionSchema),
  /** Whether the viewer is marked present (so may vote). */
  iAmPresent: z.boolean(),
});
export type MotionListView = z.infer<typeof MotionListSchema>;
export const MeetingMotionsQuerySchema = z.strictObject({ itemId: IdSchema.optional() });

// ── Minutes ─────────────────────────────────────────────────────────────────────────────────────

export const MinutesItemSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  details: z.string(),
  /** Who raised it; null for standing items and anonymous ones (never named in minutes). */
  raisedBy: PersonRefSchema.nullable(),
  anonymous: z.boolean(),
  minutes: z.string(),
  motions: z.array(MotionSchema),
  commitments: z.array(CommitmentSchema),
});
export const MinutesSchema = z.object({
  meeting: z.object({
    id: z.uuid(),
    residenceId: z.uuid(),
    residenceName: z.string(),
    title: z.string(),
    kind: z.string(),
    startsAt: TimestampSchema,
    localDate: DateSchema,
    timeZone: z.string(),
    location: z.string(),
    closedAt: TimestampSchema.nullable(),
    chair: PersonRefSchema.nullable(),
    secretary: PersonRefSchema.nullable(),
  }),
  attendance: z.object({ present: z.number().int(), excused: z.number().int(), absent: z.number().int() }),
  items: z.array(MinutesItemSchema),
  /** Motions not tied to an item. */
  motions: z.array(MotionSchema),
  /** Commitments not tied to an item. */
  commitments: z.array(CommitmentSchema),
});
export type MinutesView = z.infer<typeof MinutesSchema>;

export const MinutesHistoryQuerySchema = z.strictObject({
  q: z.string().trim().max(100, { message: 'must be at most 100 characters' }).optional(),
});
export const MinutesHistorySchema = z.object({
  residenceName: z.string(),
  meetings: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      kind: z.string(),
      startsAt: TimestampSchema,
      localDate: DateSchema,
      itemCount: z.number().int(),
      motionCount: z.number().int(),
      commitmentCount: z.number().int(),
      /** With a search: the items whose title or minutes match (an excerpt of the minutes). */
      matches: z.array(z.object({ itemId: z.uuid(), title: z.string(), excerpt: z.string() })),
    }),
  ),
});
export type MinutesHistoryView = z.infer<typeof MinutesHistorySchema>;

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const decisionReasons = defineReasons('decisions', {
  not_recorder: {
    code: 'forbidden',
    message: 'Only the chair, the secretary or the peer leader records this.',
  },
  not_in_progress: {
    code: 'conflict',
    message: 'Commitments and votes are recorded while the meeting is in progress.',
  },
  not_house_member: { code: 'validation_failed', message: 'is not a current member of this house' },
  not_an_item_of_meeting: { code: 'validation_failed', message: 'is not an item of this meeting' },
  already_done: { code: 'conflict', message: 'This commitment is already marked done.' },
  not_helper: {
    code: 'forbidden',
    message: 'Only the person who helps, or the peer leader, marks this done.',
  },
  house_decides_without_votes: {
    code: 'conflict',
    message: 'This house has chosen not to decide by vote at its meetings.',
  },
  vote_closed: { code: 'conflict', message: 'This vote is closed.' },
  already_voted: { code: 'conflict', message: 'You have already voted on this motion. Your vote is kept.' },
  not_present: {
    code: 'forbidden',
    message: 'Only members present at the meeting can vote. Mark yourself present first.',
  },
  minutes_not_published: { code: 'conflict', message: 'The minutes are published when the meeting closes.' },
});
export type DecisionReason = keyof typeof decisionReasons;

const tags = ['decisions'] as const;

export const decisionApi = {
  meetingCommitments: endpoint({
    method: 'GET',
    path: '/api/meetings/:id/commitments',
    operationId: 'listMeetingCommitments',
    summary: "A house meeting's commitments (how peers will help), and who can help",
    tags,
    params: IdParamsSchema,
    query: MeetingCommitmentsQuerySchema,
    responses: { 200: MeetingCommitmentsSchema },
  }),
  recordCommitment: endpoint({
    method: 'POST',
    path: '/api/meetings/:id/commitments',
    operationId: 'recordCommitment',
    summary: 'Record a commitment: who helps whom (a member, or the whole house), how, which kind, by when',
    tags,
    params: IdParamsSchema,
    body: NewCommitmentSchema,
    responses: { 201: CommitmentSchema },
    reasons: [
      'decisions.not_recorder',
      'decisions.not_in_progress',
      'decisions.not_house_member',
      'decisions.not_an_item_of_meeting',
    ],
  }),
  myCommitments: endpoint({
    method: 'GET',
    path: '/api/me/commitments',
    operationId: 'listMyCommitments',
    summary: 'My open commitments, and the help others committed to give me',
    tags,
    responses: { 200: MyCommitmentsSchema },
  }),
  markDone: endpoint({
    method: 'POST',
    path: '/api/commitments/:id/done',
    operationId: 'markCommitmentDone',
    summary: 'Mark a commitment done (the helper or the peer leader); records it in the support ledger',
    tags,
    params: IdParamsSchema,
    body: MarkDoneSchema,
    responses: { 200: CommitmentSchema },
    reasons: ['decisions.not_helper', 'decisions.already_done'],
  }),
  houseCommitments: endpoint({
    method: 'GET',
    path: '/api/residences/:id/commitments',
    operationId: 'listHouseCommitments',
    summary: "A house's commitments: open ones (default) come back on the next meeting's agenda",
    tags,
    params: IdParamsSchema,
    query: HouseCommitmentsQuerySchema,
    responses: { 200: CommitmentListSchema },
  }),
  meetingMotions: endpoint({
    method: 'GET',
    path: '/api/meetings/:id/motions',
    operationId: 'listMeetingMotions',
    summary: "A house meeting's motions: totals only, and my own vote",
    tags,
    params: IdParamsSchema,
    query: MeetingMotionsQuerySchema,
    responses: { 200: MotionListSchema },
  }),
  proposeMotion: endpoint({
    method: 'POST',
    path: '/api/meetings/:id/motions',
    operationId: 'proposeMotion',
    summary: 'Put a motion to the house (chair, secretary or peer leader; meeting in progress)',
    tags,
    params: IdParamsSchema,
    body: NewMotionSchema,
    responses: { 201: MotionSchema },
    reasons: [
      'decisions.not_recorder',
      'decisions.not_in_progress',
      'decisions.house_decides_without_votes',
      'decisions.not_an_item_of_meeting',
    ],
  }),
  vote: endpoint({
    method: 'POST',
    path: '/api/motions/:id/votes',
    operationId: 'castVote',
    summary: 'Vote for, against or abstain (members present; one vote each)',
    tags,
    params: IdParamsSchema,
    body: VoteSchema,
    responses: { 201: MotionSchema },
    reasons: ['decisions.vote_closed', 'decisions.not_present', 'decisions.already_voted'],
  }),
  closeMotion: endpoint({
    method: 'POST',
    path: '/api/motions/:id/close',
    operationId: 'closeMotion',
    summary: 'Close the vote: count among members present against the quorum and record the result',
    tags,
    params: IdParamsSchema,
    responses: { 200: MotionSchema },
    reasons: ['decisions.not_recorder', 'decisions.not_in_progress', 'decisions.vote_closed'],
  }),
  minutes: endpoint({
    method: 'GET',
    path: '/api/meetings/:id/minutes',
    operationId: 'getMeetingMinutes',
    summary: "A closed house meeting's published minutes (house members only)",
    tags,
    params: IdParamsSchema,
    responses: { 200: MinutesSchema },
    reasons: ['decisions.minutes_not_published'],
  }),
  minutesHistory: endpoint({
    method: 'GET',
    path: '/api/residences/:id/minutes',
    operationId: 'listHouseMinutes',
    summary: "A house's minutes history, newest first; q searches item titles, minutes and motions",
    tags,
    params: IdParamsSchema,
    query: MinutesHistoryQuerySchema,
    responses: { 200: MinutesHistorySchema },
  }),
} as const;
