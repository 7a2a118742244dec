// English words of the web app: the signed-in shell's layout (bottom navigation, "More") and the words
// every form says near its button. The Spanish file es/layout.ts has exactly the same keys.
export const layout = {
  layout: {
    more: 'More',
    moreLabel: 'More places in Hearth',
    close: 'Close',
    signedInTo: 'Signed in to {{organization}}',
  },
  formFeedback: {
    chooseOne: 'Please choose one.',
  },
};
