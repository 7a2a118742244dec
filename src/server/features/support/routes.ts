// Routes of peer support: validate → authorize → do → present. Record rules live in policy.ts.
import {
  BrowseSupportQuerySchema,
  HelpedSchema,
  HouseLedgerQuerySchema,
  HouseLedgerSchema,
  MyLedgerSchema,
  MySupportSchema,
  NewSupportRequestSchema,
  NewSupportResponseSchema,
  SupportIdParamsSchema,
  SupportRequestListSchema,
  SupportRequestSchema,
} from '../../../shared/contracts/support.ts';
import { recordAudit } from '../../platform/audit.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import type { App } from '../../platform/types.ts';
import { viewerOf } from './audience.ts';
import { houseLedger, myLedger } from './ledger.ts';
import { browsePosts, myPosts } from './queries.ts';
import {
  acceptResponse,
  createPost,
  loadPostFor,
  markHelped,
  respondToPost,
  withdrawPost,
  withdrawResponse,
} from './service.ts';

const tags = ['support'];
const params = SupportIdParamsSchema;

export function supportRoutes(app: App): void {
  postRoutes(app);
  responseRoutes(app);
  ledgerRoutes(app);
}

function postRoutes(app: App): void {
  app.post(
    '/api/support/requests',
    {
      config: { policy: 'signedIn', rateLimit: 'supportPost' },
      schema: {
        summary: 'Ask for help, or post a standing offer of help (kind, short text, audience, anonymity)',
        tags,
        body: NewSupportRequestSchema,
        response: { 200: SupportRequestSchema, 201: SupportRequestSchema },
      },
    },
    async (request, reply) => {
      const { view, created } = await createPost(app.db, requireActor(request), request.body);
      return reply.status(created ? 201 : 200).send(view);
    },
  );
  app.get(
    '/api/support/requests',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Requests and standing offers that reach me and are still open, newest first',
        tags,
        querystring: BrowseSupportQuerySchema,
        response: { 200: SupportRequestListSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const viewer = await viewerOf(app.db, actor);
      return { requests: await browsePosts(app.db, actor, viewer, request.query) };
    },
  );
  app.get(
    '/api/support/mine',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'My requests and offers with their responses, and the posts I responded to',
        tags,
        response: { 200: MySupportSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return await myPosts(app.db, actor, await viewerOf(app.db, actor));
    },
  );
  app.get(
    '/api/support/requests/:id',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'One request or standing offer, as I may see it',
        tags,
        params,
        response: { 200: SupportRequestSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { view } = await loadPostFor(app.db, actor, request.params.id);
      await recordAudit(app.db, {
        organizationId: actor.organizationId,
        actorId: actor.personId,
        action: 'support_request.read',
        subjectType: 'support_request',
        subjectId: view.id,
      });
      return view;
    },
  );
  app.post(
    '/api/support/requests/:id/withdraw',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Withdraw my request or standing offer; everyone who responded hears of it',
        tags,
        params,
        response: { 200: SupportRequestSchema },
      },
    },
    async (request) => await withdrawPost(app.db, requireActor(request), request.params.id),
  );
}

function responseRoutes(app: App): void {
  app.post(
    '/api/support/requests/:id/responses',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: '"I can help" on a request, "I\'d like this" on a standing offer (twice is once)',
        tags,
        params,
        body: NewSupportResponseSchema,
        response: { 200: SupportRequestSchema, 201: SupportRequestSchema },
      },
    },
    async (request, reply) => {
      const { view, created } = await respondToPost(
        app.db,
        requireActor(request),
        request.params.id,
        request.body.note,
      );
      return reply.status(created ? 201 : 200).send(view);
    },
  );
  app.post(
    '/api/support/responses/:id/accept',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Accept an offer on my post; a private thread opens between us',
        tags,
        params,
        response: { 200: SupportRequestSchema },
      },
    },
    async (request) => await acceptResponse(app.db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/support/responses/:id/withdraw',
    {
      config: { policy: 'signedIn' },
      schema: { summary: 'Take back my offer', tags, params, response: { 200: SupportRequestSchema } },
    },
    async (request) => await withdrawResponse(app.db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/support/responses/:id/helped',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: '"This helped": the person helped marks an accepted offer; it goes in the support ledger',
        tags,
        params,
        body: HelpedSchema,
        response: { 200: SupportRequestSchema },
      },
    },
    async (request) => await markHelped(app.db, requireActor(request), request.params.id, request.body.note),
  );
}

function ledgerRoutes(app: App): void {
  app.get(
    '/api/support/ledger/mine',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'The help I gave and received (requests and meeting commitments)',
        tags,
        response: { 200: MyLedgerSchema },
      },
    },
    async (request) => await myLedger(app.db, requireActor(request)),
  );
  app.get(
    '/api/support/ledger/houses',
    {
      config: { policy: 'houseStaff' },
      schema: {
        summary:
          'Help given by kind per house per week, counts only (peer leaders: their houses; admins: all)',
        tags,
        querystring: HouseLedgerQuerySchema,
        response: { 200: HouseLedgerSchema },
      },
    },
    async (request) => await houseLedger(app.db, requireActor(request), request.query.weeks),
  );
}
