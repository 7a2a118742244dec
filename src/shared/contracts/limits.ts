// The words of each limit's 429 answer (decision 0025): the server sends them, the web app finds its
// translation by its reason (limitReasons) and adds the wait it read from Retry-After.
import { defineReasons } from './errors.ts';
export const LIMIT_MESSAGES = {
  signIn:
    'Several tries did not match, so sign-in waits a little before the next one. Please try again in a moment.',
  chatMessage: 'You are sending messages very fast. Please wait a moment, then send again.',
  supportPost:
    'You have posted many requests and offers in the last hour, and each one reaches everyone it is for. Please wait a little before posting again.',
  invitation: 'That is a lot of invitations in a short time. Please wait a little, then go on.',
  invitationCode:
    'Many invitation codes were tried from here in a short time. Please wait a few minutes, then try again.',
  reachOutAlert:
    'Your people were alerted several times in the last minutes. If you need help right now, call or text the crisis line, or call the emergency number.',
} as const;
export type LimitName = keyof typeof LIMIT_MESSAGES;

/** Each limit's refusal, which the web app translates and follows with the wait it read from Retry-After. */
export const limitReasons = defineReasons('limits', {
  sign_in: { code: 'too_many_requests', message: LIMIT_MESSAGES.signIn },
  chat_message: { code: 'too_many_requests', message: LIMIT_MESSAGES.chatMessage },
  support_post: { code: 'too_many_requests', message: LIMIT_MESSAGES.supportPost },
  invitation: { code: 'too_many_requests', message: LIMIT_MESSAGES.invitation },
  invitation_code: { code: 'too_many_requests', message: LIMIT_MESSAGES.invitationCode },
  reach_out_alert: { code: 'too_many_requests', message: LIMIT_MESSAGES.reachOutAlert },
});
export type LimitReason = keyof typeof limitReasons;

export const LIMIT_REASONS = {
  signIn: 'limits.sign_in',
  chatMessage: 'limits.chat_message',
  supportPost: 'limits.support_post',
  invitation: 'limits.invitation',
  invitationCode: 'limits.invitation_code',
  reachOutAlert: 'limits.reach_out_alert',
} as const satisfies Record<LimitName, LimitReason>;
