// Mentors: suggestions for a newer resident (shared/domain/mentor-matching.ts), asking, both accepting,
// either ending it without a reason, and the pair's shared check-in log.
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type {
  MentorOverviewView,
  MentorSuggestionView,
  MentorshipLogView,
} from '../../../shared/contracts/mentors.ts';
import {
  isFurtherAlong,
  type MentorProfile,
  suggestMentors,
} from '../../../shared/domain/mentor-matching.ts';
import { type Skill, skillKey } from '../../../shared/domain/skills.ts';
import { recordAudit } from '../../platform/audit.ts';
import { type Actor, hasRole } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import {
  mentorshipCheckIns,
  mentorships,
  peerSettings,
  skillListings,
} from '../../platform/database/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { notifyPeople } from '../../platform/notify.ts';
import { canSeeSkillsOf, isMentorshipMember } from '../../platform/policies.ts';
import { publish } from '../../platform/realtime/publish.ts';
import { openConversation } from '../chat/conversations.ts';
import { displayNamesOf } from '../skills/names.ts';
import { loadPeers, type Peer, peerRef, visiblePathway, visibleStage } from '../skills/peers.ts';
import { presentMentorship } from './presenters.ts';

type MentorshipRow = typeof mentorships.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** A current resident may be suggested mentors (alumni and peer leaders are further along already). */
export const canHaveMentor = (actor: Actor) => hasRole(actor, 'resident');

async function present(db: Pick<Db, 'execute'>, actor: Actor, rows: MentorshipRow[]) {
  const names = await displayNamesOf(
    db,
    actor.organizationId,
    rows.flatMap((m) => [m.mentorId, m.menteeId]),
  );
  return rows.map((m) => presentMentorship(m, actor.personId, names));
}

export async function mentorOverview(db: Db, actor: Actor): Promise<MentorOverviewView> {
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
async function skillsOf(db: Db, organizationId: string, people: Peer[]) {
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
async function openPartnersOf(db: Pick<Db, 'select'>, actor: Actor) {
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

/**
 * Mentors suggested to me: peers open to mentoring, further along, best fit first. Uses only what each
 * of them shares with me (level of recovery, pathway, skills).
 */
export async function mentorSuggestions(db: Db, actor: Actor): Promise<MentorSuggestionView[]> {
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
    if (otherId === actor.personId) throw invalid(field, 'is you');
    const [me, other] = [
      (await loadPeers(tx, actor.organizationId, [actor.personId]))[0],
      (await loadPeers(tx, actor.organizationId, [otherId]))[0],
    ];
    if (!me || !other) throw notFound('person');
    const meProfile = profileOf(me, me.stage, null, []);
    const otherProfile = profileOf(other, visibleStage(actor, other), null, []);
    if (asMentee) {
      if (!canHaveMentor(actor)) throw new AppError('forbidden', 'Mentors are for current residents.');
      if (!other.openToMentoring) throw conflict('They are not open to mentoring right now.', field);
      if (!isFurtherAlong(otherProfile, meProfile)) throw invalid(field, 'is not further along than you');
    } else {
      if (other.alumni) throw invalid(field, 'is an alumnus, not a current resident');
      if (!isFurtherAlong(meProfile, otherProfile)) throw invalid(field, 'is not newer than you');
    }
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
    if (!created) throw conflict('You two already have a mentorship or an open request.', field);
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

/** Accept, decline (the one asked) or end (either, no reason asked). */
export async function changeMentorship(
  db: Db,
  actor: Actor,
  id: string,
  change: 'accept' | 'decline' | 'end',
) {
  const row = await db.transaction(async (tx) => {
    const m = await lockForMember(tx, actor, id);
    const now = new Date();
    let next: Partial<MentorshipRow>;
    if (change === 'end') {
      if (m.state !== 'proposed' && m.state !== 'active')
        throw conflict(`This mentorship is already ${m.state}.`, 'id');
      next = { state: 'ended', endedAt: now };
    } else {
      if (m.state !== 'proposed') throw conflict(`This request is already ${m.state}.`, 'id');
      if (m.requestedBy === actor.personId)
        throw conflict('The person you asked answers your request.', 'id');
      if (change === 'decline') {
        next = { state: 'declined', endedAt: now };
      } else {
        const conversationId = await openConversation(tx, {
          organizationId: actor.organizationId,
          kind: 'thread',
          memberIds: [m.mentorId, m.menteeId],
          subject: { type: 'mentorship', id: m.id },
        });
        next = { state: 'active', acceptedAt: now, conversationId };
      }
    }
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

/** The pair's log: for its two people only (read audited). */
export async function mentorshipLog(db: Db, actor: Actor, id: string): Promise<MentorshipLogView> {
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
    checkIns: entries.map((e) => ({
      id: e.id,
      author: { personId: e.authorId, displayName: names.get(e.authorId) ?? '' },
      mine: e.authorId === actor.personId,
      note: e.note,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}

/** Adds a line to the pair's log while the mentorship is active. */
export async function addCheckIn(db: Db, actor: Actor, id: string, note: string): Promise<MentorshipLogView> {
  await db.transaction(async (tx) => {
    const m = await lockForMember(tx, actor, id);
    if (m.state !== 'active') throw conflict('The log is open while the mentorship is active.', 'id');
    const [entry] = await tx
      .insert(mentorshipCheckIns)
      .values({ organizationId: actor.organizationId, mentorshipId: m.id, authorId: actor.personId, note })
      .returning({ id: mentorshipCheckIns.id });
    await announce(tx, actor, m, 'check_in', { checkInId: entry!.id, authorId: actor.personId });
  });
  return await mentorshipLog(db, actor, id);
}
