import { describe, expect, it } from 'vitest';
import type { SupportAudience } from '../../../shared/contracts/support.ts';
import {
  canRespondToPost,
  canSeeSupportAuthor,
  canSeeSupportPost,
  effectiveState,
  helpOf,
  refusalToRespond,
  type SupportPost,
  type Viewer,
} from './policy.ts';

const viewer = (over: Partial<Viewer> = {}): Viewer => ({
  personId: 'me',
  houseIds: [],
  ledHouseIds: [],
  programNeighbourIds: [],
  isPeer: true,
  isAlumni: false,
  ...over,
});
const post = (audience: SupportAudience, over: Partial<SupportPost> = {}): SupportPost => ({
  id: 'p',
  organizationId: 'o',
  authorId: 'author',
  residenceId: 'maple',
  audience,
  anonymous: false,
  ...over,
});

const housemate = viewer({ houseIds: ['maple'], programNeighbourIds: ['maple', 'birch'] });
const leader = viewer({ houseIds: ['maple'], ledHouseIds: ['maple'] });
const programPeer = viewer({ houseIds: ['birch'], programNeighbourIds: ['maple', 'birch'] });
const otherHouse = viewer({ houseIds: ['oak'] });
const otherLeader = viewer({ houseIds: ['oak'], ledHouseIds: ['oak'] });
const alumnus = viewer({ isAlumni: true });
const staff = viewer({ isPeer: false });

describe('who sees a support post', () => {
  it.each([
    ['house', [housemate, leader], [programPeer, otherHouse, otherLeader, alumnus, staff]],
    ['program', [housemate, leader, programPeer], [otherHouse, otherLeader, alumnus, staff]],
    ['organization', [housemate, leader, programPeer, otherHouse, otherLeader, alumnus], [staff]],
    ['alumni', [leader, alumnus], [housemate, programPeer, otherHouse, otherLeader, staff]],
  ] as const)('a %s post reaches its audience and the house leader, nobody else', (audience, yes, no) => {
    for (const v of yes) expect(canSeeSupportPost(v, post(audience))).toBe(true);
    for (const v of no) expect(canSeeSupportPost(v, post(audience))).toBe(false);
  });

  it('keeps a post visible to its author and to anyone who already responded', () => {
    expect(canSeeSupportPost(viewer({ personId: 'author' }), post('house'))).toBe(true);
    expect(canSeeSupportPost(otherHouse, post('house'), ['me'])).toBe(true);
  });
});

describe('anonymity towards peers', () => {
  const anonymous = post('organization', { anonymous: true });
  it("hides the author from every peer, another house's leader included", () => {
    for (const v of [housemate, programPeer, otherHouse, otherLeader, alumnus]) {
      expect(canSeeSupportAuthor(v, anonymous)).toBe(false);
    }
  });
  it("shows the author to themself and to their house's peer leader", () => {
    expect(canSeeSupportAuthor(viewer({ personId: 'author' }), anonymous)).toBe(true);
    expect(canSeeSupportAuthor(leader, anonymous)).toBe(true);
  });
  it('shows everyone the author of a post with a name', () => {
    expect(canSeeSupportAuthor(otherHouse, post('organization'))).toBe(true);
  });
});

describe('responding', () => {
  it("is for peers, never on one's own post, while the post is open", () => {
    expect(canRespondToPost(housemate, post('house'), 'open')).toBe(true);
    expect(canRespondToPost(housemate, post('house'), 'accepted')).toBe(true);
    expect(canRespondToPost(viewer({ personId: 'author' }), post('house'), 'open')).toBe(false);
    expect(canRespondToPost(staff, post('house'), 'open')).toBe(false);
    expect(canRespondToPost(housemate, post('house'), 'done')).toBe(false);
  });

  it('names the reason it is refused, own post first', () => {
    expect(refusalToRespond(viewer({ personId: 'author' }), post('house'), 'expired')).toBe(
      'support.own_post',
    );
    expect(refusalToRespond(staff, post('house'), 'open')).toBe('support.not_peer');
    expect(refusalToRespond(housemate, post('house'), 'withdrawn')).toBe('support.closed');
    expect(refusalToRespond(housemate, post('house'), 'offered')).toBeNull();
  });
});

describe('a post past its expiry', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  it('counts as expired while it waited for an answer, before the expiry job marks it', () => {
    const past = new Date('2026-03-01T11:00:00Z');
    expect(effectiveState({ state: 'open', expiresAt: past }, now)).toBe('expired');
    expect(effectiveState({ state: 'offered', expiresAt: past }, now)).toBe('expired');
    expect(effectiveState({ state: 'accepted', expiresAt: past }, now)).toBe('accepted');
    expect(effectiveState({ state: 'open', expiresAt: new Date('2026-03-02T00:00:00Z') }, now)).toBe('open');
  });
});

describe('"this helped"', () => {
  it('is marked by the one helped: the author of a request, the one who asked on a standing offer', () => {
    expect(helpOf({ type: 'request', authorId: 'a' }, { responderId: 'r' })).toEqual({
      receiverId: 'a',
      giverId: 'r',
    });
    expect(helpOf({ type: 'offer', authorId: 'a' }, { responderId: 'r' })).toEqual({
      receiverId: 'r',
      giverId: 'a',
    });
  });
});
