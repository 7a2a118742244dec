// Mentors: suggestions for a newer resident (shared/domain/mentor-matching.ts), asking, both accepting,
// either ending it without a reason, and the pair's shared check-in log.
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type {
  MentorOverviewView,
  MentorSuggestionView,
  MentorshipLogView,
  NewcomerView,
} from '../../../shared/contracts/mentors.ts';
import {
  isFurtherAlong,
  type MentorProfile,
  suggestMentors,
} from '../../../shared/domain/mentor-matching.ts';
import { type Skill, skillKey } from '../../../shared/domain/skills.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Executor, Tx } from '../../platform/database/executor.ts';
import {
  mentorshipCheckIns,
  mentorships,
  peerSettings,
  skillListings,
} from '../../platform/database/schema.ts';
import { notFound, refuse } from '../../platform/errors.ts';
import { notifyPeople } from '../../platform/notify.ts';
import { publish } from '../../platform/realtime/publish.ts';
import { openConversation } from '../chat/conversations.ts';
import { displayNamesOf } from '../skills/names.ts';
import { loadPeers, type Peer, peerRef } from '../skills/peers.ts';
import { canSeeSkillsOf, visiblePathway, visibleStage } from '../skills/policy.ts';
import {
  canHaveMentor,
  isMentorshipMember,
  type MentorshipChange,
  refusalOfChange,
  refusalOfLogEntry,
  refusalOfRequest,
} from './policy.ts';
import { presentCheckIn, presentMentorship } from './presenters.ts';

type MentorshipRow = typeof mentorships.$inferSelect;

async function present(db: Executor, actor: Actor, rows: MentorshipRow[]) {
  const names = await displayNamesOf(
    db,
    actor.organizationId,
    rows.flatMap((m) => [m.mentorId, m.menteeId]),
  );
  return rows.map((m) => presentMentorship(m, actor.personId, names));
}

export async function mentorOverview(db: Executor, actor: Actor): Promise<MentorOverviewView> {
  const [settings] = await db
    .select({ openToMentoring: peerSettings.openToMentoring })
    .from(peerSettings)
    .where(
      and(eq(peerSettings.personId, actor.personId), eq(peerSettings.organizationId, actor.organizationId)),
    );
  const rows = await db
    .select()
    .from(mentorships)
    .where(
      and(
        eq(mentorships.organizationId, actor.organizationId),
        or(eq(mentorships.mentorId, actor.personId), eq(mentorships.menteeId, actor.personId)),
      ),
    )
    .orderBy(desc(mentorships.createdAt))
    .limit(50);
  return {
    openToMentoring: settings?.openToMentoring ?? false,
    canHaveMentor: canHaveMentor(actor),
    mentorships: await present(db, actor, rows),
  };
}

/** Skill keys per person, of the people whose skills the viewer may see (and the viewer's own). */
async function skillsOf(db: Executor, organizationId: string, people: Peer[]) {
  const rows = people.length
    ? await db
        .select({ personId: skillListings.personId, skill: skillListings.skill, label: skillListings.label })
        .from(skillListings)
        .where(
          and(
            eq(skillListings.organizationId, organizationId),
            inArray(
              skillListings.personId,
              people.map((p) => p.personId),
            ),
          ),
        )
    : [];
  const byPerson = new Map<string, string[]>();
  for (const r of rows)
    byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), skillKey(r.skill, r.label)]);
  return byPerson;
}

function profileOf(p: Peer, stage: Peer['stage'], pathway: Peer['pathway'], skills: string[]): MentorProfile {
  return {
    personId: p.personId,
    stage,
    movedInOn: p.movedInOn,
    alumni: p.alumni,
    residenceIds: p.residenceIds,
    programIds: p.programIds,
    pathway,
    language: p.language,
    skills,
  };
}

/** The open (proposed or active) pairings of a person, as the ids of the other people. */
async function openPartnersOf(db: Executor, actor: Actor) {
  const rows = await db
    .select({ mentorId: mentorships.mentorId, menteeId: mentorships.menteeId })
    .from(mentorships)
    .where(
      and(
        eq(mentorships.organizationId, actor.organizationId),
        inArray(mentorships.state, ['proposed', 'active']),
        or(eq(mentorships.mentorId, actor.personId), eq(mentorships.menteeId, actor.personId)),
      ),
    );
  return new Set(rows.map((r) => (r.mentorId === actor.personId ? r.menteeId : r.mentorId)));
}

const parseKey = (key: string) =>
  key.startsWith('other:')
    ? { skill: 'other' as Skill, label: key.slice(6) }
    : { skill: key as Skill, label: '' };

/** Mentors suggested to me (see suggestionsFor); the read is audited. */
export async function mentorSuggestions(db: Executor, actor: Actor): Promise<MentorSuggestionView[]> {
  const suggestions = await suggestionsFor(db, actor);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'mentors.suggestions.read',
    subjectType: 'person',
    detail: { count: suggestions.length },
  });
  return suggestions;
}

/**
 * Peers open to mentoring, further along, best fit first. Uses only what each of them shares with me
 * (level of recovery, pathway, skills).
 */
async function suggestionsFor(db: Executor, actor: Actor): Promise<MentorSuggestionView[]> {
  if (!canHaveMentor(actor)) return [];
  const everyone = await loadPeers(db, actor.organizationId);
  const me = everyone.find((p) => p.personId === actor.personId);
  if (!me) return [];
  const taken = await openPartnersOf(db, actor);
  const candidates = everyone.filter(
    (p) => p.openToMentoring && p.personId !== me.personId && !taken.has(p.personId),
  );
  const skills = await skillsOf(db, actor.organizationId, [me, ...candidates]);
  const myHouses = me.residenceIds;
  const profiles = new Map(
    candidates.map((c) => {
      const visibleSkills = canSeeSkillsOf(myHouses, {
        residenceIds: c.residenceIds,
        visibleTo: c.skillsVisibleTo,
      })
        ? (skills.get(c.personId) ?? [])
        : [];
      return [
        c.personId,
        { peer: c, profile: profileOf(c, visibleStage(actor, c), visiblePathway(actor, c), visibleSkills) },
      ];
    }),
  );
  const mine = profileOf(me, me.stage, me.pathway, skills.get(me.personId) ?? []);
  const suggestions = suggestMentors(
    mine,
    [...profiles.values()].map((x) => x.profile),
  );
  return suggestions.map((s) => {
    const { peer, profile } = profiles.get(s.personId)!;
    return {
      person: peerRef(peer),
      alumni: peer.alumni,
      stage: profile.stage,
      reasons: s.reasons,
      sharedSkills: s.sharedSkills.map(parseKey),
    };
  });
}

/**
 * Newer residents of my houses I could offer to mentor: not alumni, not already paired with me, and
 * newer than me as far as they share it with me (the same rule the offer itself is held to). Only my
 * houses: a newcomer never chose to be listed to the whole organization. The read is audited.
 */
export async function mentorNewcomers(db: Executor, actor: Actor): Promise<NewcomerView[]> {
  const everyone = await loadPeers(db, actor.organizationId);
  const me = everyone.find((p) => p.personId === actor.personId);
  if (!me) return [];
  const taken = await openPartnersOf(db, actor);
  const mine = profileOf(me, me.stage, me.pathway, []);
  const newcomers = everyone
    .filter(
      (p) =>
        !p.alumni &&
        p.personId !== me.personId &&
        !taken.has(p.personId) &&
        p.residenceIds.some((id) => me.residenceIds.includes(id)),
    )
    .map((p) => ({ peer: p, stage: visibleStage(actor, p) }))
    .filter(({ peer, stage }) => isFurtherAlong(mine, profileOf(peer, stage, null, [])))
    .map(({ peer, stage }) => ({ person: peerRef(peer), stage }));
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'mentors.newcomers.read',
    subjectType: 'person',
    detail: { count: newcomers.length },
  });
  return newcomers;
}

async function announce(
  tx: Tx,
  actor: Actor,
  m: MentorshipRow,
  type: 'requested' | 'accepted' | 'declined' | 'ended' | 'check_in',
  extra: Record<string, string> = {},
) {
  await publish(tx, {
    organizationId: actor.organizationId,
    recipients: [m.mentorId, m.menteeId],
    type: `mentor.${type}`,
    payload: { mentorshipId: m.id, state: m.state, ...extra },
  });
}

/** Asks someone to be my mentor ({ mentorId }) or offers to mentor a newer peer ({ menteeId }). */
export async function requestMentorship(
  db: Db,
  actor: Actor,
  input: { mentorId?: string | undefined; menteeId?: string | undefined },
) {
  const asMentee = input.mentorId !== undefined;
  const otherId = (input.mentorId ?? input.menteeId)!;
  const field = asMentee ? 'mentorId' : 'menteeId';
  const row = await db.transaction(async (tx) => {
    const pair = await loadPeers(tx, actor.organizationId, [actor.personId, otherId]);
    const me = pair.find((p) => p.personId === actor.personId);
    const other = pair.find((p) => p.personId === otherId);
    if (!me || !other) throw notFound('person');
    const refusal = refusalOfRequest(actor, asMentee, profileOf(me, me.stage, null, []), {
      ...profileOf(other, visibleStage(actor, other), null, []),
      openToMentoring: other.openToMentoring,
    });
    if (refusal) throw refuse(refusal, refusal === 'mentors.for_residents' ? {} : { field });
    const [created] = await tx
      .insert(mentorships)
      .values({
        organizationId: actor.organizationId,
        mentorId: asMentee ? otherId : actor.personId,
        menteeId: asMentee ? actor.personId : otherId,
        requestedBy: actor.personId,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) throw refuse('mentors.already_paired', { field });
    await notifyPeople(tx, {
      organizationId: actor.organizationId,
      personIds: [otherId],
      kind: 'mentor_request',
      data: {
        mentorshipId: created.id,
        personId: actor.personId,
        displayName: me.displayName,
        asMentor: !asMentee,
      },
      dedupeKey: `mentor_request:${created.id}`,
    });
    await announce(tx, actor, created, 'requested');
    return created;
  });
  return (await present(db, actor, [row]))[0]!;
}

async function lockForMember(tx: Tx, actor: Actor, id: string) {
  const [m] = await tx
    .select()
    .from(mentorships)
    .where(and(eq(mentorships.id, id), eq(mentorships.organizationId, actor.organizationId)))
    .for('update');
  if (!m || !isMentorshipMember(actor, m)) throw notFound('mentorship');
  return m;
}

/** The mentorship's new state; accepting opens the pair's private thread. */
async function changedFields(
  tx: Tx,
  actor: Actor,
  m: MentorshipRow,
  change: MentorshipChange,
): Promise<Partial<MentorshipRow>> {
  const now = new Date();
  if (change === 'end') return { state: 'ended', endedAt: now };
  if (change === 'decline') return { state: 'declined', endedAt: now };
  const conversationId = await openConversation(tx, {
    organizationId: actor.organizationId,
    kind: 'thread',
    memberIds: [m.mentorId, m.menteeId],
    subject: { type: 'mentorship', id: m.id },
  });
  return { state: 'active', acceptedAt: now, conversationId };
}

/** Accept, decline (the one asked) or end (either, no reason asked). */
export async function changeMentorship(db: Db, actor: Actor, id: string, change: MentorshipChange) {
  const row = await db.transaction(async (tx) => {
    const m = await lockForMember(tx, actor, id);
    const refusal = refusalOfChange(actor.personId, m, change);
    if (refusal) {
      const message =
        refusal === 'mentors.already_over'
          ? `This mentorship is already ${m.state}.`
          : refusal === 'mentors.request_answered'
            ? `This request is already ${m.state}.`
            : undefined;
      throw refuse(refusal, { field: 'id', params: { state: m.state }, ...(message ? { message } : {}) });
    }
    const next = await changedFields(tx, actor, m, change);
    const [updated] = await tx.update(mentorships).set(next).where(eq(mentorships.id, m.id)).returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: `mentorship.${change}`,
      subjectType: 'mentorship',
      subjectId: m.id,
    });
    if (change === 'accept') {
      await notifyPeople(tx, {
        organizationId: actor.organizationId,
        personIds: [m.requestedBy],
        kind: 'mentor_accepted',
        data: {
          mentorshipId: m.id,
          personId: actor.personId,
          displayName:
            (await displayNamesOf(tx, actor.organizationId, [actor.personId])).get(actor.personId) ?? null,
        },
        dedupeKey: `mentor_accepted:${m.id}`,
      });
    }
    await announce(
      tx,
      actor,
      updated!,
      change === 'accept' ? 'accepted' : change === 'decline' ? 'declined' : 'ended',
    );
    return updated!;
  });
  return (await present(db, actor, [row]))[0]!;
}

/** The pair's log: for its two people only (read audited, and so is a refused read). */
export async function mentorshipLog(db: Executor, actor: Actor, id: string): Promise<MentorshipLogView> {
  const [m] = await db
    .select()
    .from(mentorships)
    .where(and(eq(mentorships.id, id), eq(mentorships.organizationId, actor.organizationId)));
  if (!m || !isMentorshipMember(actor, m)) {
    await recordAudit(db, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'mentorship_log.read',
      subjectType: 'mentorship',
      subjectId: id,
      outcome: 'denied',
    });
    throw notFound('mentorship');
  }
  return await logOf(db, actor, m);
}

/** The log of a mentorship already loaded for one of its two people. */
async function logOf(db: Executor, actor: Actor, m: MentorshipRow): Promise<MentorshipLogView> {
  const entries = await db
    .select()
    .from(mentorshipCheckIns)
    .where(
      and(
        eq(mentorshipCheckIns.organizationId, actor.organizationId),
        eq(mentorshipCheckIns.mentorshipId, m.id),
      ),
    )
    .orderBy(asc(mentorshipCheckIns.createdAt))
    .limit(500);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'mentorship_log.read',
    subjectType: 'mentorship',
    subjectId: m.id,
  });
  const names = await displayNamesOf(db, actor.organizationId, [m.mentorId, m.menteeId]);
  return {
    mentorship: presentMentorship(m, actor.personId, names),
    checkIns: entries.map((e) => presentCheckIn(e, actor.personId, names)),
  };
}

/** Adds a line to the pair's log while the mentorship is active, and answers the log. */
export async function addCheckIn(db: Db, actor: Actor, id: string, note: string): Promise<MentorshipLogView> {
  const m = await db.transaction(async (tx) => {
    const locked = await lockForMember(tx, actor, id);
    const refusal = refusalOfLogEntry(locked);
    if (refusal) throw refuse(refusal, { field: 'id', params: { state: locked.state } });
    const [entry] = await tx
      .insert(mentorshipCheckIns)
      .values({
        organizationId: actor.organizationId,
        mentorshipId: locked.id,
        authorId: actor.personId,
        note,
      })
      .returning({ id: mentorshipCheckIns.id });
    await announce(tx, actor, locked, 'check_in', { checkInId: entry!.id, authorId: actor.personId });
    return locked;
  });
  return await logOf(db, actor, m);
}
