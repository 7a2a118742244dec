// Record rules of chat: who is in a conversation, who reviews its reports, who may report, hide or
// choose to show their name. A house conversation's members are the house's current residents and peer
// leaders (from the actor's memberships, never copied); a thread's members are its member rows. A peer
// leader reviews reports in their house's conversation and in threads of people living in their house.
import { type Actor, residencesWithRole } from '../../platform/auth/actor.ts';

/** The houses whose conversation the actor belongs to: where they live or lead today. */
export const chatHouses = (actor: Actor): string[] => [
  ...new Set([...residencesWithRole(actor, 'resident'), ...residencesWithRole(actor, 'peer_leader')]),
];

/** What the rules need of a conversation, as the actor's row of it says. */
export type ConversationFacts = { kind: 'house' | 'thread'; residenceId: string | null; memberRow: boolean };

export const isMemberOf = (actor: Actor, c: ConversationFacts): boolean =>
  c.kind === 'house' ? chatHouses(actor).includes(c.residenceId as string) : c.memberRow;

/**
 * Reviewing reports: a house conversation's peer leaders; for a thread, the peer leaders of a house
 * one of its members lives in today (`leadsAMember`, which only the database can say).
 */
export const canModerate = (actor: Actor, c: ConversationFacts, leadsAMember: boolean): boolean =>
  c.kind === 'house'
    ? residencesWithRole(actor, 'peer_leader').includes(c.residenceId as string)
    : leadsAMember;

/** A member reports someone else's message, never their own. */
export const canReport = (actor: Actor, message: { authorId: string | null }) =>
  message.authorId !== actor.personId;

/** Only a message someone reported can be hidden. */
export const canBeHidden = (message: { reportCount: number }) => message.reportCount > 0;

/** Showing or hiding one's name is for a member who joined without it. */
export const joinedWithoutName = (member: { myUnnamedAs: string | null }) => member.myUnnamedAs !== null;
