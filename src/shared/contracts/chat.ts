import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';

export const ConversationParamsSchema = z.strictObject({ conversationId: IdSchema });
export const MessageParamsSchema = z.strictObject({ messageId: IdSchema });

export const ChatSubjectSchema = z.object({
  type: z.enum(['support_request', 'mentorship']),
  id: IdSchema,
});

export const ChatPersonSchema = z.object({ id: IdSchema, displayName: z.string() });
/**
 * Someone in a thread whose name (and id) this viewer may not see: the author of an anonymous support
 * post, to the other person in its thread — 'helped' = the person you're helping, 'helping' = the person
 * helping you — until they choose to let them know.
 */
export const UnnamedChatPersonSchema = z.object({ unnamed: z.enum(['helped', 'helping']) });
export const ChatParticipantSchema = z.union([ChatPersonSchema, UnnamedChatPersonSchema]);
export type ChatParticipant = z.infer<typeof ChatParticipantSchema>;

/**
 * Whether the others in a thread see my name: 'shown' (always), 'hidden' (I joined without it) or
 * 'revealed' (I joined without it and chose to let them know; I can hide it again).
 */
export const MyNameSchema = z.enum(['shown', 'hidden', 'revealed']);
export type MyName = z.infer<typeof MyNameSchema>;

export const ConversationSummarySchema = z.object({
  id: IdSchema,
  kind: z.enum(['house', 'thread']),
  /** The house of a house conversation. */
  residence: z.object({ id: IdSchema, name: z.string() }).nullable(),
  subject: ChatSubjectSchema.nullable(),
  /** For threads: everyone else in it, as this viewer may see them. Empty for house conversations. */
  others: z.array(ChatParticipantSchema),
  /** Whether the others see my name here ('shown' in house conversations). */
  myName: MyNameSchema,
  unreadCount: z.number().int(),
  lastMessageAt: TimestampSchema.nullable(),
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;

export const ConversationListSchema = z.object({
  conversations: z.array(ConversationSummarySchema),
  totalUnread: z.number().int(),
});

export const ConversationDetailSchema = ConversationSummarySchema.extend({
  /** The viewer is a peer leader who reviews reports here. */
  canModerate: z.boolean(),
  lastReadSeq: z.number().int(),
});
export type ConversationDetail = z.infer<typeof ConversationDetailSchema>;

export const ChatMessageSchema = z.object({
  id: IdSchema,
  seq: z.number().int(),
  conversationId: IdSchema,
  author: ChatParticipantSchema.nullable(),
  mine: z.boolean(),
  /** Null when hidden and the viewer is not a peer leader reviewing this conversation. */
  body: z.string().nullable(),
  createdAt: TimestampSchema,
  hidden: z.boolean(),
  /** How many people reported it: only peer leaders who review this conversation see it; 0 for others. */
  reportCount: z.number().int(),
  reportedByMe: z.boolean(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

export const MessagePageQuerySchema = z.strictObject({
  /** Messages before this seq (older); absent = the newest. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const MessagePageSchema = z.object({
  /** Oldest first. */
  messages: z.array(ChatMessageSchema),
  /** Whether older messages exist before the first one here. */
  hasOlder: z.boolean(),
});

export const MESSAGE_MAX_LENGTH = 2000;

export const PostMessageSchema = z.strictObject({
  body: z
    .string()
    .trim()
    .min(1, { message: 'write something first' })
    .max(MESSAGE_MAX_LENGTH, { message: `at most ${MESSAGE_MAX_LENGTH} characters` }),
  /** The phone's key for this message; sending again with the same key stores nothing new (200). */
  clientKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, { message: 'must be 8 to 64 letters, digits, dashes or underscores' })
    .optional(),
});

/** An unnamed member lets the others know who they are (shown: true), or hides it again (false). */
export const ShowMyNameSchema = z.strictObject({ shown: z.boolean() });

export const MarkReadSchema = z.strictObject({
  /** The last message seen; reading never goes backwards. */
  seq: z.number().int().min(0),
});
export const ReadStateSchema = z.object({ lastReadSeq: z.number().int(), unreadCount: z.number().int() });

export const ReportMessageSchema = z.strictObject({
  reason: z.string().trim().max(500, { message: 'at most 500 characters' }).default(''),
});
export const ReportResultSchema = z.object({ reported: z.literal(true) });

export const ReportedMessageSchema = z.object({
  message: ChatMessageSchema,
  conversation: z.object({
    id: IdSchema,
    kind: z.enum(['house', 'thread']),
    residenceName: z.string().nullable(),
  }),
  reasons: z.array(z.string()),
  firstReportedAt: TimestampSchema,
});
export const ReportedMessageListSchema = z.object({ reports: z.array(ReportedMessageSchema) });

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const chatReasons = defineReasons('chat', {
  own_message: { code: 'bad_request', message: 'You cannot report your own message.' },
  not_reported: { code: 'conflict', message: 'Only a reported message can be hidden.' },
  name_already_shown: { code: 'conflict', message: 'Your name is already shown here.' },
});
export type ChatReason = keyof typeof chatReasons;

const tags = ['chat'] as const;

export const chatApi = {
  conversations: endpoint({
    method: 'GET',
    path: '/api/chat/conversations',
    operationId: 'listConversations',
    summary: 'My conversations: my house chat and my private threads, with unread counts',
    tags,
    responses: { 200: ConversationListSchema },
  }),
  conversation: endpoint({
    method: 'GET',
    path: '/api/chat/conversations/:conversationId',
    operationId: 'getConversation',
    summary: 'One conversation I am in',
    tags,
    params: ConversationParamsSchema,
    responses: { 200: ConversationDetailSchema },
  }),
  messages: endpoint({
    method: 'GET',
    path: '/api/chat/conversations/:conversationId/messages',
    operationId: 'listMessages',
    summary: "A page of a conversation's messages, oldest first (older pages with ?before=<seq>)",
    tags,
    params: ConversationParamsSchema,
    query: MessagePageQuerySchema,
    responses: { 200: MessagePageSchema },
  }),
  post: endpoint({
    method: 'POST',
    path: '/api/chat/conversations/:conversationId/messages',
    operationId: 'postMessage',
    summary: 'Write a message to a conversation I am in',
    tags,
    params: ConversationParamsSchema,
    body: PostMessageSchema,
    responses: { 201: ChatMessageSchema, 200: ChatMessageSchema },
  }),
  read: endpoint({
    method: 'POST',
    path: '/api/chat/conversations/:conversationId/read',
    operationId: 'markConversationRead',
    summary: 'I have read the conversation up to this message',
    tags,
    params: ConversationParamsSchema,
    body: MarkReadSchema,
    responses: { 200: ReadStateSchema },
  }),
  myName: endpoint({
    method: 'PATCH',
    path: '/api/chat/conversations/:conversationId/my-name',
    operationId: 'setMyNameInConversation',
    summary:
      'In a thread I joined without my name: let the others know who I am (shown: true), or hide it again',
    tags,
    params: ConversationParamsSchema,
    body: ShowMyNameSchema,
    responses: { 200: ConversationDetailSchema },
    reasons: ['chat.name_already_shown'],
  }),
  report: endpoint({
    method: 'POST',
    path: '/api/chat/messages/:messageId/report',
    operationId: 'reportMessage',
    summary: "Report someone's message to the peer leaders",
    tags,
    params: MessageParamsSchema,
    body: ReportMessageSchema,
    responses: { 201: ReportResultSchema },
    reasons: ['chat.own_message'],
  }),
  hide: endpoint({
    method: 'POST',
    path: '/api/chat/messages/:messageId/hide',
    operationId: 'hideMessage',
    summary: 'Peer leader: hide a reported message from peers (it is kept for the record)',
    tags,
    params: MessageParamsSchema,
    responses: { 200: ChatMessageSchema },
    reasons: ['chat.not_reported'],
  }),
  reports: endpoint({
    method: 'GET',
    path: '/api/chat/reports',
    operationId: 'listReportedMessages',
    summary: 'Peer leader: reported messages in the conversations I review',
    tags,
    responses: { 200: ReportedMessageListSchema },
  }),
} as const;
