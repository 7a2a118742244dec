// Who a support post reaches: the viewer's facts for the record rules (policy.ts), and the people an
// event about a post is published to, split into those who may see an anonymous author and those who may not.
import { and, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Role } from '../../../shared/domain/vocabulary.ts';
import { type Actor, hasRole, residencesWithRole } from '../../platform/auth/actor.ts';
import { isCurrentMembership } from '../../platform/database/current-membership.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { memberships, residencePrograms } from '../../platform/database/schema.ts';
import { houseMemberIds, peerLeaderIds } from '../../platform/realtime/publish.ts';
import type { SupportPost, Viewer } from './policy.ts';

const other = alias(residencePrograms, 'other');

/** Residences that share a program with any of the given ones (themselves included when in a program). */
export async function programNeighbourIds(
  db: Executor,
  organizationId: string,
  residenceIds: readonly string[],
): Promise<string[]> {
  if (residenceIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ residenceId: other.residenceId })
    .from(residencePrograms)
    .innerJoin(
      other,
      and(
        eq(other.programId, residencePrograms.programId),
        eq(other.organizationId, residencePrograms.organizationId),
      ),
    )
    .where(
      and(
        eq(residencePrograms.organizationId, organizationId),
        inArray(residencePrograms.residenceId, [...residenceIds]),
      ),
    );
  return rows.map((r) => r.residenceId);
}

/** The houses a person lives in or leads today. */
export const currentHouseIds = (actor: Actor): string[] => [
  ...new Set([...residencesWithRole(actor, 'resident'), ...residencesWithRole(actor, 'peer_leader')]),
];

/** Everything the record rules need about the viewer, loaded once per request. */
export async function viewerOf(db: Executor, actor: Actor): Promise<Viewer> {
  const houseIds = currentHouseIds(actor);
  return {
    personId: actor.personId,
    houseIds,
    ledHouseIds: residencesWithRole(actor, 'peer_leader'),
    programNeighbourIds: await programNeighbourIds(db, actor.organizationId, houseIds),
    isPeer: hasRole(actor, 'resident') || hasRole(actor, 'peer_leader') || hasRole(actor, 'alumni'),
    isAlumni: hasRole(actor, 'alumni'),
  };
}

async function peersOfOrganization(db: Executor, organizationId: string, roles: Role[]): Promise<string[]> {
  const rows = await db
    .selectDistinct({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        inArray(memberships.role, roles),
        isCurrentMembership(),
      ),
    );
  return rows.map((r) => r.personId);
}

async function programMemberIds(db: Executor, organizationId: string, residenceId: string) {
  const houses = await programNeighbourIds(db, organizationId, [residenceId]);
  const ids = await Promise.all(houses.map((h) => houseMemberIds(db, h)));
  return ids.flat();
}

/** The audience of a post today, without its author. */
export async function audienceIds(db: Executor, post: SupportPost): Promise<string[]> {
  let ids: string[];
  switch (post.audience) {
    case 'house':
      ids = post.residenceId ? await houseMemberIds(db, post.residenceId) : [];
      break;
    case 'program':
      ids = post.residenceId ? await programMemberIds(db, post.organizationId, post.residenceId) : [];
      break;
    case 'organization':
      ids = await peersOfOrganization(db, post.organizationId, ['resident', 'peer_leader', 'alumni']);
      break;
    default:
      ids = await peersOfOrganization(db, post.organizationId, ['alumni']);
  }
  return [...new Set(ids)].filter((id) => id !== post.authorId);
}

/**
 * The people who hear of a post, in two groups: `named` may see who posted it (the author and the
 * house's peer leaders, or everyone when it is not anonymous), `unnamed` are peers of an anonymous post.
 * `extra` (e.g. its responders) are added to whichever group fits them.
 */
export async function postRecipients(
  db: Executor,
  post: SupportPost,
  extra: readonly string[] = [],
): Promise<{ named: string[]; unnamed: string[] }> {
  const leaders = post.residenceId ? await peerLeaderIds(db, post.residenceId) : [];
  const everyone = [...new Set([...(await audienceIds(db, post)), ...leaders, ...extra, post.authorId])];
  if (!post.anonymous) return { named: everyone, unnamed: [] };
  const named = new Set([post.authorId, ...leaders]);
  return {
    named: everyone.filter((id) => named.has(id)),
    unnamed: everyone.filter((id) => !named.has(id)),
  };
}
