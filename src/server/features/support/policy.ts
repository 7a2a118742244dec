// Record rules of peer support: who sees a post, who sees its author, who may act on it, and when a post
// is still open. Pure functions of the viewer's facts (audience.ts loads them) so every route, presenter
// and event applies the same rules.
import type { SupportAudience, SupportReason, SupportState } from '../../../shared/contracts/support.ts';

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

/** What the rules need of a response: who made it. */
export type SupportResponseFacts = { responderId: string };

/** A post that is past its expiry counts as expired even before the expiry job marks it. */
export function effectiveState(row: { state: string; expiresAt: Date }, now: Date): SupportState {
  const state = row.state as SupportState;
  if ((state === 'open' || state === 'offered') && row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return state;
}

/** A post takes responses, acceptances and withdrawals while it is open, offered or accepted. */
export const isActive = (state: SupportState) =>
  state === 'open' || state === 'offered' || state === 'accepted';

/** Asking for and giving support is for peers. */
export const canPost = (v: Viewer) => v.isPeer;

/**
 * Why the viewer may not respond to a post in this state, or null when they may: never on one's own
 * post, only peers, only while it is open. The card's "I can help" and the command use this one rule.
 */
export function refusalToRespond(v: Viewer, post: SupportPost, state: SupportState): SupportReason | null {
  if (post.authorId === v.personId) return 'support.own_post';
  if (!v.isPeer) return 'support.not_peer';
  if (!isActive(state)) return 'support.closed';
  return null;
}

export const canRespondToPost = (v: Viewer, post: SupportPost, state: SupportState) =>
  refusalToRespond(v, post, state) === null;

/** Accepting offers and withdrawing a post are its author's. */
export const isAuthorOf = (v: Viewer, post: Pick<SupportPost, 'authorId'>) => post.authorId === v.personId;

/** Taking an offer back is its responder's. */
export const isResponderOf = (v: Viewer, response: SupportResponseFacts) =>
  response.responderId === v.personId;

/**
 * Who was helped and who helped on an accepted response: on a request its author was helped; on a
 * standing offer the one who asked for it was. Only the person helped marks "this helped".
 */
export function helpOf(post: { type: string; authorId: string }, response: SupportResponseFacts) {
  const offer = post.type === 'offer';
  return {
    receiverId: offer ? response.responderId : post.authorId,
    giverId: offer ? post.authorId : response.responderId,
  };
}
