// English words of the web app: the organization's signal thresholds and counselor assignments (admin).
// The Spanish file es/signal-settings.ts has exactly the same keys.
export const signalSettings = {
  signalSettings: {
    nav: 'Signals',
    title: 'Early-warning signals',
    intro:
      'When a check-in crosses one of these lines, the peer leaders of the person’s house get a signal: who, and what kind. Never the person’s own words.',
    cravingThreshold: 'A craving at or above',
    cravingThresholdHint: 'On the 0–10 scale residents answer (10 = the strongest). Usually 8.',
    lowMoodThreshold: 'A mood at or below',
    lowMoodThresholdHint: '1 = very low, 5 = very good. Usually 1.',
    silenceDays: 'Days without a check-in',
    silenceDaysHint: 'A quiet resident is noticed after this many days. Usually 3.',
    wholeNumber: '{{field}}: enter a whole number from {{min}} to {{max}}.',
    save: 'Save the thresholds',
    saved: 'Saved. New check-ins are read with these thresholds from now on.',
    current: 'Now: craving {{craving}} or more, mood {{mood}} or less, {{days}} days of silence.',
  },
  counselors: {
    heading: 'Counselors and their residents',
    intro:
      'Assigning a counselor shares nothing by itself: what a counselor may see of a resident is up to the resident.',
    noCounselors: 'Nobody has the counselor role yet. Give someone that role first.',
    noResidents: 'Nobody lives in a house right now.',
    resident: 'Resident',
    counselor: 'Counselor',
    choose: 'Choose…',
    assign: 'Assign the counselor',
    assigned: '{{counselor}} is now the counselor of {{resident}}.',
    currentHeading: 'Current assignments',
    none: 'No assignments yet.',
    line: '{{resident}} with {{counselor}}',
    since: 'since {{date}}',
    end: 'End',
    endFor: 'the assignment of {{resident}} with {{counselor}}',
    ended: 'The assignment of {{resident}} with {{counselor}} has ended.',
    alreadyEnded: 'The assignment of {{resident}} with {{counselor}} had already ended.',
    required: '{{field}}: please choose one.',
  },
};
