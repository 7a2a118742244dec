// The words of each limit's 429 answer (decision 0025): the server sends them, the web app finds its
// translation by them and adds the wait it read from Retry-After.
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

/** The limit a 429's message belongs to, if any. */
export const limitOfMessage = (message: string): LimitName | null =>
  (Object.keys(LIMIT_MESSAGES) as LimitName[]).find((name) => LIMIT_MESSAGES[name] === message) ?? null;
