// The crisis lines shown on every screen, signed in or not: small, and in the app's first download.
export const crisisLines = {
  crisisLines: {
    footerLead: 'Need to talk to someone now?',
    crisisHeading: 'Talk to someone now',
    crisisIntro: 'Free and confidential, any time of day or night. It covers drinking and drug use too.',
    callLine: 'Call {{number}}',
    textLine: 'Text {{number}}',
    veterans: 'When they answer, press {{key}} for the Veterans Crisis Line.',
    spanish: 'Press {{key}} for Spanish.',
    emergency: 'In danger right now? Call {{number}}.',
  },
};
