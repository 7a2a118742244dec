import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, testDb } from '../../../test/app.ts';
import { signIn } from '../../../test/factories.ts';
import {
  mentorshipCheckIns,
  mentorships,
  organizations,
  skillListings,
  skillSessions,
  supportLedger,
} from '../../platform/database/schema.ts';
import { DEMO_PASSWORD, DEMO_SLUG, seedDemo } from './seed.ts';

let orgId: string;

beforeAll(async () => {
  await seedDemo(testDb());
  const [org] = await testDb().select().from(organizations).where(eq(organizations.slug, DEMO_SLUG));
  orgId = org!.id;
});

describe('demo skills and mentors', () => {
  it('should give many residents skills to teach and to learn', async () => {
    const listings = await testDb()
      .select()
      .from(skillListings)
      .where(eq(skillListings.organizationId, orgId));
    const people = new Set(listings.map((l) => l.personId));
    expect(people.size).toBeGreaterThanOrEqual(15);
    expect(listings.some((l) => l.direction === 'learn')).toBe(true);
    expect(listings.some((l) => l.skill === 'other' && l.label !== '')).toBe(true);
  });

  it('should record the sessions that happened in the support ledger, and keep one arranged and one asked', async () => {
    const sessions = await testDb()
      .select()
      .from(skillSessions)
      .where(eq(skillSessions.organizationId, orgId));
    const done = sessions.filter((s) => s.state === 'done');
    expect(done.length).toBeGreaterThanOrEqual(4);
    expect(sessions.map((s) => s.state)).toEqual(expect.arrayContaining(['arranged', 'proposed']));
    const ledger = await testDb()
      .select()
      .from(supportLedger)
      .where(and(eq(supportLedger.organizationId, orgId), eq(supportLedger.source, 'skill')));
    expect(ledger).toHaveLength(done.length);
    for (const s of done) expect(ledger.map((l) => l.id)).toContain(s.ledgerEntryId);
  });

  it('should have two active mentor pairs with a private thread and a few check-ins each', async () => {
    const pairs = await testDb().select().from(mentorships).where(eq(mentorships.organizationId, orgId));
    expect(pairs).toHaveLength(2);
    for (const pair of pairs) {
      expect(pair.state).toBe('active');
      expect(pair.conversationId).not.toBeNull();
      const log = await testDb()
        .select()
        .from(mentorshipCheckIns)
        .where(eq(mentorshipCheckIns.mentorshipId, pair.id));
      expect(log.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('should show one demo peer leader their mentee and their log, and each of them their matches', async () => {
    let withMentee = 0;
    for (const username of ['leader1', 'leader2', 'leader3']) {
      const leader = await signIn(username, DEMO_PASSWORD);
      const overview = await call('GET', '/api/mentors', { as: leader });
      expect(overview.status).toBe(200);
      const active = overview.body.mentorships.filter((m: { state: string }) => m.state === 'active');
      if (active.length > 0) {
        withMentee++;
        const log = await call('GET', `/api/mentorships/${active[0].id}/check-ins`, { as: leader });
        expect(log.body.checkIns.length).toBeGreaterThanOrEqual(3);
      }
      expect((await call('GET', '/api/skills/matches', { as: leader })).status).toBe(200);
    }
    expect(withMentee).toBe(1);
  });
});
