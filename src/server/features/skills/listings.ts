// My skills (what I can teach, what I want to learn), who sees them, and the peers whose skills answer mine.
import { and, asc, eq, exists, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  MySkillsView,
  NewSkillListing,
  SkillListingView,
  SkillMatchesView,
  SkillMatchView,
} from '../../../shared/contracts/skills.ts';
import { type Skill, type SkillDirection, skillKey } from '../../../shared/domain/skills.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { peerSettings, skillListings } from '../../platform/database/schema.ts';
import { notFound, refuse } from '../../platform/errors.ts';
import { notifyPeople } from '../../platform/notify.ts';
import { publish } from '../../platform/realtime/publish.ts';
import { loadPeer, loadPeers, peerRef } from './peers.ts';
import { canSeeSkillsOf, currentHousesOf, seesSkillsOf } from './policy.ts';

type ListingRow = typeof skillListings.$inferSelect;

export const presentListing = (l: ListingRow): SkillListingView => ({
  id: l.id,
  skill: l.skill as Skill,
  label: l.label,
  direction: l.direction as SkillDirection,
});

export async function mySkills(db: Executor, actor: Actor): Promise<MySkillsView> {
  const [settings] = await db
    .select({ skillsVisibleTo: peerSettings.skillsVisibleTo })
    .from(peerSettings)
    .where(
      and(eq(peerSettings.personId, actor.personId), eq(peerSettings.organizationId, actor.organizationId)),
    );
  const listings = await db
    .select()
    .from(skillListings)
    .where(
      and(eq(skillListings.organizationId, actor.organizationId), eq(skillListings.personId, actor.personId)),
    )
    .orderBy(asc(skillListings.direction), asc(skillListings.createdAt));
  return {
    skillsVisibleTo: settings?.skillsVisibleTo === 'organization' ? 'organization' : 'house',
    listings: listings.map(presentListing),
  };
}

/** Creates my peer settings row on first use, then applies the change. */
export async function saveSettings(
  db: Executor,
  actor: Actor,
  change: { skillsVisibleTo?: 'house' | 'organization'; openToMentoring?: boolean },
): Promise<void> {
  await db
    .insert(peerSettings)
    .values({ personId: actor.personId, organizationId: actor.organizationId, ...change })
    .onConflictDoUpdate({ target: peerSettings.personId, set: { ...change, updatedAt: new Date() } });
}

const mine = alias(skillListings, 'mine');

/** Listings of other peers for a skill of mine in the opposite direction (own words in any case). */
async function counterpartRows(db: Executor, organizationId: string, personId: string) {
  const l = skillListings;
  return await db
    .select({ id: l.id, personId: l.personId, skill: l.skill, label: l.label, direction: l.direction })
    .from(l)
    .where(
      and(
        eq(l.organizationId, organizationId),
        ne(l.personId, personId),
        exists(
          db
            .select({ one: sql`1` })
            .from(mine)
            .where(
              and(
                eq(mine.organizationId, organizationId),
                eq(mine.personId, personId),
                eq(mine.skill, l.skill),
                eq(sql`lower(${mine.label})`, sql`lower(${l.label})`),
                ne(mine.direction, l.direction),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(l.createdAt));
}

/**
 * Peers whose listing answers one of mine and who let me see it: my house first, then the organization
 * (only people who chose to share their skills with it). The read is audited.
 */
export async function skillMatches(db: Executor, actor: Actor): Promise<SkillMatchesView> {
  const rows = await counterpartRows(db, actor.organizationId, actor.personId);
  const owners = await loadPeers(db, actor.organizationId, [...new Set(rows.map((r) => r.personId))]);
  const peers = new Map(owners.map((p) => [p.personId, p]));
  const myHouses = currentHousesOf(actor);
  const house: SkillMatchView[] = [];
  const organization: SkillMatchView[] = [];
  for (const row of rows) {
    const owner = peers.get(row.personId);
    if (!owner) continue; // no longer a peer here (moved on)
    if (!canSeeSkillsOf(myHouses, { residenceIds: owner.residenceIds, visibleTo: owner.skillsVisibleTo }))
      continue;
    const match: SkillMatchView = {
      listingId: row.id,
      person: peerRef(owner),
      skill: row.skill as Skill,
      label: row.label,
      direction: row.direction as SkillDirection,
    };
    (owner.residenceIds.some((r) => myHouses.includes(r)) ? house : organization).push(match);
  }
  const byName = (a: SkillMatchView, b: SkillMatchView) =>
    a.person.displayName.localeCompare(b.person.displayName) || a.skill.localeCompare(b.skill);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'skills.matches.read',
    subjectType: 'skill_listing',
    detail: { house: house.length, organization: organization.length },
  });
  return { house: house.sort(byName), organization: organization.sort(byName) };
}

/**
 * Adds a skill to my list. Peers who listed the same skill the other way round, and who may see mine,
 * hear of the match (once per skill and direction, even if I take it off and add it again).
 */
export async function addListing(db: Db, actor: Actor, input: NewSkillListing): Promise<SkillListingView> {
  const label = input.skill === 'other' ? (input.label ?? '').trim() : '';
  return await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(skillListings)
      .values({
        organizationId: actor.organizationId,
        personId: actor.personId,
        skill: input.skill,
        label,
        direction: input.direction,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) throw refuse('skills.already_listed', { field: 'skill' });
    const me = await loadPeer(tx, actor.organizationId, actor.personId);
    const counterparts = await counterpartRows(tx, actor.organizationId, actor.personId);
    const sameSkill = counterparts.filter(
      (r) => skillKey(r.skill, r.label) === skillKey(created.skill, created.label),
    );
    const others = await loadPeers(tx, actor.organizationId, [...new Set(sameSkill.map((r) => r.personId))]);
    const reached = me ? others.filter((o) => seesSkillsOf(o, me)).map((o) => o.personId) : [];
    if (me && reached.length > 0) {
      await notifyPeople(tx, {
        organizationId: actor.organizationId,
        personIds: reached,
        kind: 'skill_match',
        data: {
          listingId: created.id,
          skill: created.skill,
          direction: created.direction,
          personId: me.personId,
          displayName: me.displayName,
        },
        dedupeKey: `skill_match:${actor.personId}:${skillKey(created.skill, created.label)}:${created.direction}`,
      });
      await publish(tx, {
        organizationId: actor.organizationId,
        recipients: reached,
        type: 'skills.match',
        payload: {
          listingId: created.id,
          skill: created.skill,
          direction: created.direction,
          personId: me.personId,
        },
      });
    }
    return presentListing(created);
  });
}

/** Takes a skill off my list; another person's listing is not found. */
export async function removeListing(db: Executor, actor: Actor, id: string): Promise<void> {
  const removed = await db
    .delete(skillListings)
    .where(
      and(
        eq(skillListings.id, id),
        eq(skillListings.organizationId, actor.organizationId),
        eq(skillListings.personId, actor.personId),
      ),
    )
    .returning({ id: skillListings.id });
  if (removed.length === 0) throw notFound('skill');
}
