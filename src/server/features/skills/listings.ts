// My skills (what I can teach, what I want to learn), who sees them, and the peers whose skills answer mine.
import { and, asc, eq, sql } from 'drizzle-orm';
import type {
  MySkillsView,
  NewSkillListing,
  SkillListingView,
  SkillMatchesView,
  SkillMatchView,
} from '../../../shared/contracts/skills.ts';
import { type Skill, type SkillDirection, skillKey } from '../../../shared/domain/skills.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { peerSettings, skillListings } from '../../platform/database/schema.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { notifyPeople } from '../../platform/notify.ts';
import { canSeeSkillsOf, currentHousesOf } from '../../platform/policies.ts';
import { publish } from '../../platform/realtime/publish.ts';
import { loadPeer, loadPeers, type Peer, peerRef } from './peers.ts';

type ListingRow = typeof skillListings.$inferSelect;

export const presentListing = (l: ListingRow): SkillListingView => ({
  id: l.id,
  skill: l.skill as Skill,
  label: l.label,
  direction: l.direction as SkillDirection,
});

export async function mySkills(db: Db, actor: Actor): Promise<MySkillsView> {
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
  db: Pick<Db, 'insert'>,
  actor: Actor,
  change: { skillsVisibleTo?: 'house' | 'organization'; openToMentoring?: boolean },
): Promise<void> {
  await db
    .insert(peerSettings)
    .values({ personId: actor.personId, organizationId: actor.organizationId, ...change })
    .onConflictDoUpdate({ target: peerSettings.personId, set: { ...change, updatedAt: new Date() } });
}

/** Listings of other peers whose skill is one of `keys` in the opposite direction of mine. */
async function counterpartRows(db: Pick<Db, 'execute'>, actor: Actor, personId: string) {
  const result = await db.execute<{
    id: string;
    person_id: string;
    skill: string;
    label: string;
    direction: string;
  }>(sql`
    select l.id, l.person_id, l.skill, l.label, l.direction
    from skill_listings l
    where l.organization_id = ${actor.organizationId} and l.person_id <> ${personId}
      and exists (select 1 from skill_listings mine
        where mine.organization_id = ${actor.organizationId} and mine.person_id = ${personId}
          and mine.skill = l.skill and lower(mine.label) = lower(l.label) and mine.direction <> l.direction)
    order by l.created_at`);
  return result.rows;
}

/**
 * Peers whose listing answers one of mine and who let me see it: my house first, then the organization
 * (only people who chose to share their skills with it).
 */
export async function skillMatches(db: Db, actor: Actor): Promise<SkillMatchesView> {
  const rows = await counterpartRows(db, actor, actor.personId);
  const peers = new Map(
    (await loadPeers(db, actor.organizationId, [...new Set(rows.map((r) => r.person_id))])).map((p) => [
      p.personId,
      p,
    ]),
  );
  const myHouses = currentHousesOf(actor);
  const house: SkillMatchView[] = [];
  const organization: SkillMatchView[] = [];
  for (const row of rows) {
    const owner = peers.get(row.person_id);
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
  return { house: house.sort(byName), organization: organization.sort(byName) };
}

/** Whether `viewer` (a peer) sees the skills of `owner` by the owner's choice. */
const seesSkillsOf = (viewer: Peer, owner: Peer) =>
  viewer.personId !== owner.personId &&
  canSeeSkillsOf(viewer.residenceIds, { residenceIds: owner.residenceIds, visibleTo: owner.skillsVisibleTo });

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
    if (!created) throw conflict('This skill is already on your list.', 'skill');
    const me = await loadPeer(tx, actor.organizationId, actor.personId);
    const counterparts = await counterpartRows(tx, actor, actor.personId);
    const sameSkill = counterparts.filter(
      (r) => skillKey(r.skill, r.label) === skillKey(created.skill, created.label),
    );
    const others = await loadPeers(tx, actor.organizationId, [...new Set(sameSkill.map((r) => r.person_id))]);
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
export async function removeListing(db: Db, actor: Actor, id: string): Promise<void> {
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
