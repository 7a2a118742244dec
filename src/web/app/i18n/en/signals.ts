// English words of the web app: the peer leader's day on Today (who may need them, by person).
// The Spanish file es/signals.ts has exactly the same keys.
export const signals = {
  leaderDay: {
    heading: 'Who may need you',
    headingHouse: 'Who may need you at {{house}}',
    privacy: 'You see who and what kind — never anyone’s own words.',
    nothing: 'Nobody is waiting on you right now. Everyone who reached out has been heard.',
    nothingNew: 'Nothing new since you last looked.',
    new_one: '{{count}} person new since you last looked',
    new_other: '{{count}} people new since you last looked',
    newBadge: 'New',
    earlier_one: 'Earlier ({{count}} person)',
    earlier_other: 'Earlier ({{count}} people)',
    kindTimes_one: '{{kind}}',
    kindTimes_other: '{{kind}} ({{count}} times)',
    latest: 'Latest {{time}}',
    seen: 'I’ve seen this',
    noted: 'Noted — you’ve seen {{name}}’s check-in.',
    undo: 'Undo',
    undoFor: 'Undo for {{name}}',
    undone: 'Undone — {{name}} is back on your list.',
    fullView: 'The whole house view, with notes',
    onToday: 'Who may need you is on Today, by person.',
    openToday: 'See who may need you',
  },
};
