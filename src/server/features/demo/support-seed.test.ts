import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SUPPORT_KINDS } from '../../../shared/domain/vocabulary.ts';
import { call, testDb } from '../../../test/app.ts';
import { signIn } from '../../../test/factories.ts';
import {
  conversationMembers,
  organizations,
  supportLedger,
  supportRequests,
  supportResponses,
} from '../../platform/database/schema.ts';
import { DEMO_PASSWORD, DEMO_SLUG, seedDemo } from './seed.ts';

let orgId: string;

beforeAll(async () => {
  await seedDemo(testDb());
  const [org] = await testDb().select().from(organizations).where(eq(organizations.slug, DEMO_SLUG));
  orgId = org!.id;
});

describe('demo peer support', () => {
  it('should hold weeks of requests in all four kinds, in every state, and standing offers', async () => {
    const posts = await testDb()
      .select()
      .from(supportRequests)
      .where(eq(supportRequests.organizationId, orgId));
    const requests = posts.filter((p) => p.type === 'request');
    expect(new Set(requests.map((p) => p.supportKind))).toEqual(new Set(SUPPORT_KINDS));
    expect(new Set(requests.map((p) => p.state))).toEqual(
      new Set(['open', 'offered', 'accepted', 'done', 'withdrawn', 'expired']),
    );
    expect(posts.filter((p) => p.type === 'offer').length).toBeGreaterThanOrEqual(3);
    const oldest = Math.min(...posts.map((p) => p.createdAt.getTime()));
    expect(Date.now() - oldest).toBeGreaterThan(5 * 7 * 86_400_000);
    expect(posts.some((p) => p.anonymous)).toBe(true);
  });

  it('should record every completed help in the support ledger, each accepted helper with a private thread', async () => {
    const done = await testDb()
      .select()
      .from(supportResponses)
      .where(eq(supportResponses.organizationId, orgId));
    const helped = done.filter((r) => r.helpedAt);
    const ledger = (
      await testDb().select().from(supportLedger).where(eq(supportLedger.organizationId, orgId))
    ).filter((l) => l.source === 'request');
    expect(helped.length).toBeGreaterThan(10);
    expect(ledger).toHaveLength(helped.length);
    expect(new Set(ledger.map((l) => l.supportKind))).toEqual(new Set(SUPPORT_KINDS));
    const posts = await testDb()
      .select()
      .from(supportRequests)
      .where(eq(supportRequests.organizationId, orgId));
    let anonymousThreads = 0;
    for (const r of done.filter((x) => x.state === 'accepted')) {
      const members = await testDb()
        .select()
        .from(conversationMembers)
        .where(eq(conversationMembers.conversationId, r.conversationId!));
      expect(members).toHaveLength(2);
      // The author of an anonymous post is in its thread without their name, as in real use.
      const post = posts.find((p) => p.id === r.requestId)!;
      const unnamed = members.filter((m) => m.unnamedAs !== null).map((m) => m.personId);
      expect(unnamed).toEqual(post.anonymous ? [post.authorId] : []);
      if (post.anonymous) anonymousThreads++;
    }
    expect(anonymousThreads).toBeGreaterThan(0);
  });

  it('should show a demo peer leader their house counts and a resident what they gave and received', async () => {
    const leader = await signIn('leader1', DEMO_PASSWORD);
    const counts = await call('GET', '/api/support/ledger/houses?weeks=8', { as: leader });
    expect(counts.status).toBe(200);
    expect(counts.body.weeks.length).toBeGreaterThan(3);
    const browse = await call('GET', '/api/support/requests', { as: leader });
    expect(browse.body.requests.length).toBeGreaterThan(0);
  });
});
