// Record rules of peer support: who sees a post, who sees its author, who may act on it. Pure
// functions of the viewer's facts (audience.ts loads them) so every route and event applies the same rules.
import type { SupportAudience } from '../../../shared/contracts/support.ts';

export type Viewer = {
  personId: string;
  /** Houses the viewer lives in or leads today. */
  houseIds: string[];
  ledHouseIds: string[];
  /** Houses sharing a program with the viewer's houses. */
  programNeighbourIds: string[];
  /** A resident, peer leader or alumnus: the people who ask for and give support. */
  isPeer: boolean;
  isAlumni: boolean;
};

export type SupportPost = {
  id: string;
  organizationId: string;
  authorId: string;
  residenceId: string | null;
  audience: SupportAudience;
  anonymous: boolean;
};

/** The house's peer leader keeps an eye on the house's posts (and sees an anonymous author). */
export const leadsHouseOf = (v: Viewer, post: SupportPost) =>
  post.residenceId !== null && v.ledHouseIds.includes(post.residenceId);

/**
 * A post reaches its audience only: my house → that house's members; my program → the houses sharing
 * a program with it; my organization → its peers; alumni → its alumni. The author, the house's peer
 * leader and anyone who already responded keep seeing it. Everyone else: as if it did not exist.
 */
export function canSeeSupportPost(
  v: Viewer,
  post: SupportPost,
  responderIds: readonly string[] = [],
): boolean {
  if (post.authorId === v.personId || leadsHouseOf(v, post) || responderIds.includes(v.personId)) return true;
  switch (post.audience) {
    case 'house':
      return post.residenceId !== null && v.houseIds.includes(post.residenceId);
    case 'program':
      return post.residenceId !== null && v.programNeighbourIds.includes(post.residenceId);
    case 'organization':
      return v.isPeer;
    case 'alumni':
      return v.isAlumni;
  }
}

/** Anonymous towards peers: only the author and the house's peer leader see who posted it. */
export const canSeeSupportAuthor = (v: Viewer, post: SupportPost) =>
  !post.anonymous || post.authorId === v.personId || leadsHouseOf(v, post);

/** Responding is for peers, never on one's own post. */
export const canRespondToPost = (v: Viewer, post: SupportPost) => v.isPeer && post.authorId !== v.personId;
