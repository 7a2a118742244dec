// Routes of peer support: validate → authorize → do → present. Record rules live in policy.ts; the
// commands return the post they loaded, and each route presents it for the one who asked.
import { supportApi } from '../../../shared/contracts/support.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { viewerOf } from './audience.ts';
import { houseLedger, myLedger } from './ledger.ts';
import { presentLoadedPost } from './presenters.ts';
import { browsePosts, myPosts } from './queries.ts';
import { acceptResponse, markHelped, withdrawResponse } from './responses.ts';
import { createPost, readPost, respondToPost, withdrawPost } from './service.ts';

export function supportRoutes(app: App): void {
  route(app, supportApi.create, {
    policy: 'signedIn',
    rateLimit: 'supportPost',
    handler: async ({ db, clock, actor, body, reply }) => {
      const now = clock.now();
      const { post, created } = await createPost(db, actor, body, now);
      reply.status(created ? 201 : 200);
      return presentLoadedPost(post, now);
    },
  });
  route(app, supportApi.browse, {
    policy: 'signedIn',
    handler: async ({ db, actor, query }) => ({
      requests: await browsePosts(db, actor, await viewerOf(db, actor), query),
    }),
  });
  route(app, supportApi.mine, {
    policy: 'signedIn',
    handler: async ({ db, actor }) => await myPosts(db, actor, await viewerOf(db, actor)),
  });
  route(app, supportApi.get, {
    policy: 'signedIn',
    handler: async ({ db, clock, actor, params }) =>
      presentLoadedPost(await readPost(db, actor, params.id), clock.now()),
  });
  route(app, supportApi.withdraw, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => presentLoadedPost(await withdrawPost(db, actor, params.id)),
  });
  route(app, supportApi.respond, {
    policy: 'signedIn',
    handler: async ({ db, clock, actor, params, body, reply }) => {
      const now = clock.now();
      const { post, created } = await respondToPost(db, actor, params.id, body.note, now);
      reply.status(created ? 201 : 200);
      return presentLoadedPost(post, now);
    },
  });
  route(app, supportApi.accept, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => presentLoadedPost(await acceptResponse(db, actor, params.id)),
  });
  route(app, supportApi.withdrawResponse, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => presentLoadedPost(await withdrawResponse(db, actor, params.id)),
  });
  route(app, supportApi.helped, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, body }) =>
      presentLoadedPost(await markHelped(db, actor, params.id, body.note)),
  });
  route(app, supportApi.myLedger, {
    policy: 'signedIn',
    handler: async ({ db, actor }) => await myLedger(db, actor),
  });
  route(app, supportApi.houseLedger, {
    policy: 'houseStaff',
    handler: async ({ db, actor, query }) => await houseLedger(db, actor, query.weeks),
  });
}
