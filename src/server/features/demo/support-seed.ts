// Demo peer support: six weeks of each house's requests for help in all four kinds — most answered,
// accepted (each with its private thread) and marked "this helped" (with its support ledger entry), a
// few withdrawn or expired, some anonymous or to the whole organization — plus this week's open ones
// and a standing offer or two per house. Deterministic: the caller's seeded generator.
import { and, eq, inArray } from 'drizzle-orm';
import { SUPPORT_KINDS, type SupportKind } from '../../../shared/domain/vocabulary.ts';
import { isCurrentMembership } from '../../platform/database/current-membership.ts';
import type { Executor as Tx } from '../../platform/database/executor.ts';
import {
  memberships,
  residences,
  supportLedger,
  supportRequests,
  supportResponses,
} from '../../platform/database/schema.ts';
import { openSupportThread } from '../support/threads.ts';

const ASKS: Record<SupportKind, string[]> = {
  emotional: [
    'Rough day after my family visit. Could someone sit with me tonight?',
    'Court date Thursday and I am nervous. Would love someone to talk to before.',
    'Thirty days tomorrow and feeling shaky. Anyone up for a talk on the porch?',
  ],
  informational: [
    'How do I apply for SNAP online? I keep getting stuck on the form.',
    'Does anyone know a meeting near the bus line on Tuesday nights?',
    'Could someone look over my résumé before Friday?',
  ],
  instrumental: [
    'I need a ride to my job interview Thursday morning.',
    'Can someone show me how to cook a few cheap dinners?',
    'Need help filling in the housing application.',
  ],
  affiliational: [
    'Anyone want to go to the Saturday morning meeting together?',
    'Looking for a walking buddy after dinner this week.',
    'Game night Friday? Looking for two more players.',
  ],
};
const OFFERS: Record<SupportKind, string> = {
  emotional: 'I am a good listener. Knock on my door any evening.',
  informational: 'I can help with benefit forms and job applications.',
  instrumental: 'I can give rides on weekends.',
  affiliational: 'I walk to the noon meeting every weekday. Join me!',
};
const NOTES = ['I can help!', 'I have time that day.', 'Count me in.', 'Happy to, text me.'];

const DAY = 86_400_000;

async function houseMembers(tx: Tx, organizationId: string, residenceId: string) {
  const rows = await tx
    .selectDistinct({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.residenceId, residenceId),
        inArray(memberships.role, ['resident', 'peer_leader']),
        isCurrentMembership(),
      ),
    );
  return rows.map((r) => r.personId).sort();
}

type Outcome = 'helped' | 'accepted' | 'offered' | 'open' | 'withdrawn' | 'expired';

/** One post and what happened to it, at `at`. */
async function post(
  tx: Tx,
  o: {
    organizationId: string;
    residenceId: string;
    authorId: string;
    helperIds: string[];
    type: 'request' | 'offer';
    kind: SupportKind;
    body: string;
    audience: 'house' | 'organization';
    anonymous: boolean;
    at: Date;
    outcome: Outcome;
    note: string;
  },
) {
  const helped = o.outcome === 'helped';
  const state =
    o.type === 'offer'
      ? helped || o.outcome === 'accepted'
        ? 'accepted'
        : 'open'
      : helped
        ? 'done'
        : o.outcome;
  const days = o.type === 'offer' ? 60 : 7;
  const [row] = await tx
    .insert(supportRequests)
    .values({
      organizationId: o.organizationId,
      authorId: o.authorId,
      residenceId: o.residenceId,
      type: o.type,
      supportKind: o.kind,
      body: o.body,
      audience: o.audience,
      anonymous: o.anonymous,
      state,
      expiresAt: new Date(o.at.getTime() + days * DAY),
      createdAt: o.at,
      closedAt: ['done', 'withdrawn', 'expired'].includes(state) ? new Date(o.at.getTime() + 2 * DAY) : null,
    })
    .returning({ id: supportRequests.id });
  const id = row!.id;
  if (o.outcome === 'open' || o.outcome === 'expired' || o.helperIds.length === 0) return;
  const [first, ...others] = o.helperIds;
  const accepted = o.outcome === 'helped' || o.outcome === 'accepted';
  for (const [i, responderId] of [first!, ...others.slice(0, 1)].entries()) {
    const isAccepted = accepted && i === 0;
    const conversationId = isAccepted
      ? await openSupportThread(tx, {
          organizationId: o.organizationId,
          post: { id, type: o.type, authorId: o.authorId, anonymous: o.anonymous },
          otherId: responderId,
        })
      : null;
    const respondedAt = new Date(o.at.getTime() + (i + 1) * 40 * 60_000);
    const helpedAt = isAccepted && helped ? new Date(o.at.getTime() + DAY) : null;
    await tx.insert(supportResponses).values({
      organizationId: o.organizationId,
      requestId: id,
      responderId,
      note: o.note,
      state: isAccepted ? 'accepted' : 'offered',
      conversationId,
      createdAt: respondedAt,
      acceptedAt: isAccepted ? new Date(respondedAt.getTime() + 30 * 60_000) : null,
      helpedAt,
    });
    if (helpedAt) {
      await tx.insert(supportLedger).values({
        organizationId: o.organizationId,
        residenceId: o.residenceId,
        giverId: o.type === 'offer' ? o.authorId : responderId,
        receiverId: o.type === 'offer' ? responderId : o.authorId,
        supportKind: o.kind,
        source: 'request',
        supportRequestId: id,
        at: helpedAt,
      });
    }
  }
}

export async function seedSupport(tx: Tx, organizationId: string, random: () => number, now = new Date()) {
  const houses = await tx
    .select({ id: residences.id })
    .from(residences)
    .where(eq(residences.organizationId, organizationId))
    .orderBy(residences.name);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  let posts = 0;
  for (const house of houses) {
    const members = await houseMembers(tx, organizationId, house.id);
    if (members.length < 3) continue;
    const others = (authorId: string) => members.filter((m) => m !== authorId).sort(() => random() - 0.5);
    // Six weeks back to this week: three requests a week, every kind in turn.
    for (let week = 6; week >= 0; week--) {
      for (let n = 0; n < 3; n++) {
        const kind = SUPPORT_KINDS[(week * 3 + n) % SUPPORT_KINDS.length]!;
        const authorId = pick(members);
        const at = new Date(
          now.getTime() - (week * 7 + n * 2 + 1) * DAY - Math.floor(random() * 10) * 3_600_000,
        );
        const roll = random();
        const outcome: Outcome =
          week === 0
            ? (['open', 'offered', 'accepted'] as const)[n]!
            : roll < 0.75
              ? 'helped'
              : roll < 0.88
                ? 'withdrawn'
                : 'expired';
        await post(tx, {
          organizationId,
          residenceId: house.id,
          authorId,
          helperIds: others(authorId).slice(0, 2),
          type: 'request',
          kind,
          body: pick(ASKS[kind]),
          audience: random() < 0.2 ? 'organization' : 'house',
          anonymous: kind === 'emotional' && random() < 0.5,
          at,
          outcome,
          note: pick(NOTES),
        });
        posts++;
      }
    }
    // A standing offer or two per house; one has already helped someone.
    for (const [i, kind] of (
      ['instrumental', pick(['emotional', 'informational', 'affiliational'] as const)] as const
    ).entries()) {
      const authorId = members[i % members.length]!;
      await post(tx, {
        organizationId,
        residenceId: house.id,
        authorId,
        helperIds: others(authorId).slice(0, 1),
        type: 'offer',
        kind,
        body: OFFERS[kind],
        audience: 'house',
        anonymous: false,
        at: new Date(now.getTime() - (20 - i * 5) * DAY),
        outcome: i === 0 ? 'helped' : 'open',
        note: 'Could you help me this Saturday?',
      });
      posts++;
    }
  }
  return posts;
}
