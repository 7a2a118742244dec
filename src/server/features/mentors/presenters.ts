// What each of the two people sees of their mentorship; nobody else sees it at all.
import type { MentorshipLogView, MentorshipView } from '../../../shared/contracts/mentors.ts';
import type { mentorshipCheckIns, mentorships } from '../../platform/database/schema.ts';
import { refusalOfChange } from './policy.ts';

type MentorshipRow = typeof mentorships.$inferSelect;

export function presentMentorship(
  m: MentorshipRow,
  viewerId: string,
  names: Map<string, string>,
): MentorshipView {
  const ref = (id: string) => ({ personId: id, displayName: names.get(id) ?? '' });
  return {
    id: m.id,
    mentor: ref(m.mentorId),
    mentee: ref(m.menteeId),
    myRole: viewerId === m.mentorId ? 'mentor' : 'mentee',
    state: m.state as MentorshipView['state'],
    requestedByMe: m.requestedBy === viewerId,
    createdAt: m.createdAt.toISOString(),
    acceptedAt: m.acceptedAt?.toISOString() ?? null,
    endedAt: m.endedAt?.toISOString() ?? null,
    conversationId: m.state === 'active' ? m.conversationId : null,
    canAccept: refusalOfChange(viewerId, m, 'accept') === null,
  };
}

/** A line of the pair's log. */
export function presentCheckIn(
  e: typeof mentorshipCheckIns.$inferSelect,
  viewerId: string,
  names: Map<string, string>,
): MentorshipLogView['checkIns'][number] {
  return {
    id: e.id,
    author: { personId: e.authorId, displayName: names.get(e.authorId) ?? '' },
    mine: e.authorId === viewerId,
    note: e.note,
    createdAt: e.createdAt.toISOString(),
  };
}
