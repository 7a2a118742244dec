// Chat routes. Every route is for signed-in people; the service decides, per conversation, who is a
// member (everyone else: 404, nothing written) and who reviews reports (the peer leaders).
import {
  ChatMessageSchema,
  ConversationDetailSchema,
  ConversationListSchema,
  ConversationParamsSchema,
  MarkReadSchema,
  MessagePageQuerySchema,
  MessagePageSchema,
  MessageParamsSchema,
  PostMessageSchema,
  ReadStateSchema,
  ReportedMessageListSchema,
  ReportMessageSchema,
  ReportResultSchema,
  ShowMyNameSchema,
} from '../../../shared/contracts/chat.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import type { App } from '../../platform/types.ts';
import { hideMessage, listReports, reportMessage } from './moderation.ts';
import {
  conversationDetail,
  listConversations,
  markRead,
  postMessage,
  readMessages,
  showMyName,
} from './service.ts';

const tags = ['chat'];

export function chatRoutes(app: App): void {
  app.get(
    '/api/chat/conversations',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'My conversations: my house chat and my private threads, with unread counts',
        tags,
        response: { 200: ConversationListSchema },
      },
    },
    async (request) => await listConversations(app.db, requireActor(request)),
  );
  app.get(
    '/api/chat/conversations/:conversationId',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'One conversation I am in',
        tags,
        params: ConversationParamsSchema,
        response: { 200: ConversationDetailSchema },
      },
    },
    async (request) => await conversationDetail(app.db, requireActor(request), request.params.conversationId),
  );
  app.get(
    '/api/chat/conversations/:conversationId/messages',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: "A page of a conversation's messages, oldest first (older pages with ?before=<seq>)",
        tags,
        params: ConversationParamsSchema,
        querystring: MessagePageQuerySchema,
        response: { 200: MessagePageSchema },
      },
    },
    async (request) =>
      await readMessages(app.db, requireActor(request), request.params.conversationId, request.query),
  );
  app.post(
    '/api/chat/conversations/:conversationId/messages',
    {
      config: { policy: 'signedIn', rateLimit: 'chatMessage' },
      schema: {
        summary: 'Write a message to a conversation I am in',
        tags,
        params: ConversationParamsSchema,
        body: PostMessageSchema,
        response: { 201: ChatMessageSchema, 200: ChatMessageSchema },
      },
    },
    async (request, reply) => {
      const { message, created } = await postMessage(
        app.db,
        requireActor(request),
        request.params.conversationId,
        request.body.body,
        request.body.clientKey,
      );
      return reply.status(created ? 201 : 200).send(message);
    },
  );
  app.post(
    '/api/chat/conversations/:conversationId/read',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'I have read the conversation up to this message',
        tags,
        params: ConversationParamsSchema,
        body: MarkReadSchema,
        response: { 200: ReadStateSchema },
      },
    },
    async (request) =>
      await markRead(app.db, requireActor(request), request.params.conversationId, request.body.seq),
  );
  app.patch(
    '/api/chat/conversations/:conversationId/my-name',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary:
          'In a thread I joined without my name: let the others know who I am (shown: true), or hide it again',
        tags,
        params: ConversationParamsSchema,
        body: ShowMyNameSchema,
        response: { 200: ConversationDetailSchema },
      },
    },
    async (request) =>
      await showMyName(app.db, requireActor(request), request.params.conversationId, request.body.shown),
  );
  app.post(
    '/api/chat/messages/:messageId/report',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: "Report someone's message to the peer leaders",
        tags,
        params: MessageParamsSchema,
        body: ReportMessageSchema,
        response: { 201: ReportResultSchema },
      },
    },
    async (request, reply) => {
      const result = await reportMessage(
        app.db,
        requireActor(request),
        request.params.messageId,
        request.body.reason,
      );
      return reply.status(201).send(result);
    },
  );
  app.post(
    '/api/chat/messages/:messageId/hide',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Peer leader: hide a reported message from peers (it is kept for the record)',
        tags,
        params: MessageParamsSchema,
        response: { 200: ChatMessageSchema },
      },
    },
    async (request) => await hideMessage(app.db, requireActor(request), request.params.messageId),
  );
  app.get(
    '/api/chat/reports',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Peer leader: reported messages in the conversations I review',
        tags,
        response: { 200: ReportedMessageListSchema },
      },
    },
    async (request) => await listReports(app.db, requireActor(request)),
  );
}
