// Skill sessions: one peer asks to learn (or offers to teach) through the other's listing, the other
// accepts, and once it has happened either marks it done, which records the help in the support ledger.
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { NewSkillSession, SkillSessionView } from '../../../shared/contracts/skills.ts';
import { SKILL_KIND, type Skill, type SkillSessionKind } from '../../../shared/domain/skills.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Executor, Tx } from '../../platform/database/executor.ts';
import { skillListings, skillSessions, supportLedger } from '../../platform/database/schema.ts';
import { notFound, refuse } from '../../platform/errors.ts';
import { notifyPeople } from '../../platform/notify.ts';
import { publish } from '../../platform/realtime/publish.ts';
import { displayNamesOf } from './names.ts';
import { loadPeers } from './peers.ts';
import {
  canSeeSkillsOf,
  currentHousesOf,
  isSessionMember,
  refusalOfSessionChange,
  type SessionChange,
  sessionActions,
} from './policy.ts';

type SessionRow = typeof skillSessions.$inferSelect;

export function presentSession(
  s: SessionRow,
  viewerId: string,
  names: Map<string, string>,
): SkillSessionView {
  const ref = (id: string) => ({ personId: id, displayName: names.get(id) ?? '' });
  return {
    id: s.id,
    skill: s.skill as Skill,
    label: s.label,
    teacher: ref(s.teacherId),
    learner: ref(s.learnerId),
    supportKind: s.supportKind as SkillSessionKind,
    state: s.state as SkillSessionView['state'],
    plannedFor: s.plannedFor?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
    doneAt: s.doneAt?.toISOString() ?? null,
    myRole: viewerId === s.teacherId ? 'teacher' : 'learner',
    proposedByMe: s.proposedBy === viewerId,
    ...sessionActions(viewerId, s),
  };
}

async function presentAll(db: Executor, actor: Actor, rows: SessionRow[]) {
  // Names of people who have since moved on are still shown, so not only current peers.
  const names = await displayNamesOf(
    db,
    actor.organizationId,
    rows.flatMap((s) => [s.teacherId, s.learnerId]),
  );
  return rows.map((s) => presentSession(s, actor.personId, names));
}

export async function listMySessions(db: Executor, actor: Actor): Promise<SkillSessionView[]> {
  const rows = await db
    .select()
    .from(skillSessions)
    .where(
      and(
        eq(skillSessions.organizationId, actor.organizationId),
        or(eq(skillSessions.teacherId, actor.personId), eq(skillSessions.learnerId, actor.personId)),
      ),
    )
    .orderBy(desc(skillSessions.createdAt))
    .limit(200);
  return await presentAll(db, actor, rows);
}

/** Tells the other person of the pair (notification) and both of them (live screens). */
async function announce(
  tx: Tx,
  actor: Actor,
  s: SessionRow,
  what: 'proposed' | 'arranged' | 'done' | 'cancelled',
) {
  const other = s.teacherId === actor.personId ? s.learnerId : s.teacherId;
  await publish(tx, {
    organizationId: actor.organizationId,
    recipients: [s.teacherId, s.learnerId],
    type: `skills.session_${what}`,
    payload: { sessionId: s.id, skill: s.skill, state: s.state },
  });
  if (what === 'cancelled') return; // no alert for a plan that fell through
  await notifyPeople(tx, {
    organizationId: actor.organizationId,
    personIds: [other],
    kind: 'skill_session',
    data: {
      sessionId: s.id,
      skill: s.skill,
      state: s.state,
      personId: actor.personId,
      displayName:
        (await displayNamesOf(tx, actor.organizationId, [actor.personId])).get(actor.personId) ?? null,
    },
    dedupeKey: `skill_session:${s.id}:${what}`,
  });
}

/** Another peer's listing that I may see (my own: refused; one I may not see: not found). */
async function visibleListing(tx: Tx, actor: Actor, listingId: string) {
  const [listing] = await tx
    .select()
    .from(skillListings)
    .where(and(eq(skillListings.id, listingId), eq(skillListings.organizationId, actor.organizationId)));
  if (!listing) throw notFound('skill');
  if (listing.personId === actor.personId) throw refuse('skills.own_listing', { field: 'listingId' });
  const [owner] = await loadPeers(tx, actor.organizationId, [listing.personId]);
  const visible =
    owner &&
    canSeeSkillsOf(currentHousesOf(actor), {
      residenceIds: owner.residenceIds,
      visibleTo: owner.skillsVisibleTo,
    });
  if (!visible) throw notFound('skill');
  return listing;
}

/** Proposes a session through another peer's listing I may see. */
export async function proposeSession(
  db: Db,
  actor: Actor,
  input: NewSkillSession,
): Promise<SkillSessionView> {
  const created = await db.transaction(async (tx) => {
    const listing = await visibleListing(tx, actor, input.listingId);
    const teacherId = listing.direction === 'teach' ? listing.personId : actor.personId;
    const learnerId = listing.direction === 'teach' ? actor.personId : listing.personId;
    const open = await tx
      .select({ id: skillSessions.id })
      .from(skillSessions)
      .where(
        and(
          eq(skillSessions.organizationId, actor.organizationId),
          eq(skillSessions.teacherId, teacherId),
          eq(skillSessions.learnerId, learnerId),
          eq(skillSessions.skill, listing.skill),
          eq(skillSessions.label, listing.label),
          inArray(skillSessions.state, ['proposed', 'arranged']),
        ),
      );
    if (open.length > 0) throw refuse('skills.session_already_planned', { field: 'listingId' });
    const [session] = await tx
      .insert(skillSessions)
      .values({
        organizationId: actor.organizationId,
        skill: listing.skill,
        label: listing.label,
        teacherId,
        learnerId,
        proposedBy: actor.personId,
        supportKind: input.supportKind ?? SKILL_KIND[listing.skill as Skill] ?? 'instrumental',
        plannedFor: input.plannedFor ? new Date(input.plannedFor) : null,
      })
      .returning();
    await announce(tx, actor, session!, 'proposed');
    return session!;
  });
  return (await presentAll(db, actor, [created]))[0]!;
}

/** Loads the session for one of its two people (anyone else: not found) and applies a change. */
export async function changeSession(
  db: Db,
  actor: Actor,
  id: string,
  change: SessionChange,
): Promise<SkillSessionView> {
  const updated = await db.transaction(async (tx) => {
    const [s] = await tx
      .select()
      .from(skillSessions)
      .where(and(eq(skillSessions.id, id), eq(skillSessions.organizationId, actor.organizationId)))
      .for('update');
    if (!s || !isSessionMember(actor.personId, s)) throw notFound('session');
    const refusal = refusalOfSessionChange(actor.personId, s, change);
    if (refusal) {
      throw refuse(refusal, {
        field: 'id',
        params: { state: s.state },
        ...(refusal === 'skills.session_changed' ? { message: `This session is already ${s.state}.` } : {}),
      });
    }
    const next = await changedFields(tx, actor, s, change);
    const [row] = await tx.update(skillSessions).set(next).where(eq(skillSessions.id, s.id)).returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: `skill_session.${change}`,
      subjectType: 'skill_session',
      subjectId: s.id,
    });
    await announce(
      tx,
      actor,
      row!,
      change === 'accept' ? 'arranged' : change === 'cancel' ? 'cancelled' : 'done',
    );
    return row!;
  });
  return (await presentAll(db, actor, [updated]))[0]!;
}

/** The session's new state; marking it done records the help in the support ledger. */
async function changedFields(
  tx: Tx,
  actor: Actor,
  s: SessionRow,
  change: SessionChange,
): Promise<Partial<SessionRow>> {
  const now = new Date();
  if (change === 'accept') return { state: 'arranged', arrangedAt: now };
  if (change === 'cancel') return { state: 'cancelled', cancelledAt: now };
  const [entry] = await tx
    .insert(supportLedger)
    .values({
      organizationId: actor.organizationId,
      residenceId: await ledgerHouse(tx, actor.organizationId, s.teacherId, s.learnerId),
      giverId: s.teacherId,
      receiverId: s.learnerId,
      supportKind: s.supportKind,
      source: 'skill',
      at: now,
    })
    .returning({ id: supportLedger.id });
  return { state: 'done', doneAt: now, ledgerEntryId: entry!.id };
}

/** The house a ledger entry counts for: one both live in, else the learner's, else the teacher's. */
async function ledgerHouse(tx: Tx, organizationId: string, teacherId: string, learnerId: string) {
  const pair = await loadPeers(tx, organizationId, [teacherId, learnerId]);
  const t = pair.find((p) => p.personId === teacherId)?.residenceIds ?? [];
  const l = pair.find((p) => p.personId === learnerId)?.residenceIds ?? [];
  return l.find((r) => t.includes(r)) ?? l[0] ?? t[0] ?? null;
}
