// Chat routes. Every route is for signed-in people; the service decides, per conversation, who is a
// member (everyone else: 404, nothing written) and who reviews reports (the peer leaders).
import { chatApi } from '../../../shared/contracts/chat.ts';
import { route } from '../../platform/routes.ts';
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

export function chatRoutes(app: App): void {
  route(app, chatApi.conversations, {
    policy: 'signedIn',
    handler: async ({ db, actor }) => await listConversations(db, actor),
  });
  route(app, chatApi.conversation, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => await conversationDetail(db, actor, params.conversationId),
  });
  route(app, chatApi.messages, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, query }) =>
      await readMessages(db, actor, params.conversationId, query),
  });
  route(app, chatApi.post, {
    policy: 'signedIn',
    rateLimit: 'chatMessage',
    handler: async ({ db, actor, params, body, reply }) => {
      const { message, created } = await postMessage(
        db,
        actor,
        params.conversationId,
        body.body,
        body.clientKey,
      );
      reply.status(created ? 201 : 200);
      return message;
    },
  });
  route(app, chatApi.read, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, body }) =>
      await markRead(db, actor, params.conversationId, body.seq),
  });
  route(app, chatApi.myName, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, body }) =>
      await showMyName(db, actor, params.conversationId, body.shown),
  });
  route(app, chatApi.report, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, body, reply }) => {
      const result = await reportMessage(db, actor, params.messageId, body.reason);
      reply.status(201);
      return result;
    },
  });
  route(app, chatApi.hide, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => await hideMessage(db, actor, params.messageId),
  });
  route(app, chatApi.reports, {
    policy: 'signedIn',
    handler: async ({ db, actor }) => await listReports(db, actor),
  });
}
