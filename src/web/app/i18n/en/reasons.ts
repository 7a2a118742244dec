// English words for every reason the server may refuse with (shared/contracts/reasons.ts), by area.
// The Spanish file es/reasons.ts has exactly the same keys; a unit test checks that every reason has both.
export const reasons = {
  reasons: {
    request: {
      invalid: 'Please check the fields marked below.',
      invalid_json: 'Hearth could not understand that request. Please try again.',
      empty_body: 'Hearth could not understand that request. Please try again.',
      not_understood: 'Hearth could not understand that request. Please try again.',
      csrf_rejected: 'This request came from another site and was refused.',
      not_signed_in: 'Please sign in first.',
      session_expired: 'Your session has ended. Please sign in again.',
      forbidden: 'You do not have access to this.',
      not_found: 'We could not find that. It may have been removed.',
      too_large: 'That is more than Hearth can take at once. Please shorten it.',
      not_json: 'Hearth could not understand that request. Please try again.',
      internal: 'Something went wrong on our side. It has been logged; please try again in a moment.',
      unavailable: 'Hearth cannot reach its records just now. Please try again in a moment.',
    },
    limits: {
      sign_in:
        'Several tries did not match, so sign-in waits a little before the next one. On a phone you signed in from before, it never waits for tries made elsewhere.',
      chat_message: 'You are sending messages very fast. Please wait a moment, then send again.',
      support_post:
        'You have posted many requests and offers in the last hour, and each one reaches everyone it is for. Please wait a little before posting again.',
      invitation: 'That is a lot of invitations in a short time. Please wait a little, then go on.',
      invitation_code:
        'Many invitation codes were tried from here in a short time. Please wait a few minutes, then try again.',
      reach_out_alert:
        'Your people were alerted several times in the last minutes. If you need help right now, call or text the crisis line below, or call the emergency number.',
    },
    field: {
      required: 'Please fill this in.',
      unknown: 'Hearth does not know this field. Please reload the page.',
      wrong_type: 'This is not valid.',
      too_short: 'Please use at least {{minimum}} characters.',
      too_long: 'Please use at most {{maximum}} characters.',
      too_small: 'Please enter {{minimum}} or more.',
      too_big: 'Please enter {{maximum}} or less.',
      too_few: 'Please choose at least {{minimum}}.',
      too_many: 'Please choose at most {{maximum}}.',
      not_whole: 'Please enter a whole number.',
      not_an_option: 'Please choose one of the options.',
      not_a_date: 'Please enter a date.',
      not_a_time: 'Please enter a date and time.',
      not_an_id: 'This is not valid. Please reload the page.',
      not_an_email: 'Please enter an email address, like name@example.org.',
      not_a_url: 'Please enter a web address, like https://example.org.',
      time_zone: 'Please enter a time zone name like America/Chicago.',
      years: 'Please choose a date between the years 1900 and 2200.',
      characters: 'Please use only the characters this field allows.',
      unstorable: 'This has a character Hearth cannot keep. Please retype it.',
      invalid: 'This is not valid.',
    },
    audit: {
      // The audit area's refusals (shared/contracts), one line each.
    },
    auth: {
      // The auth area's refusals (shared/contracts), one line each.
      sign_in_failed:
        'That username or password did not match. After several tries, sign-in waits a little before the next one.',
      reset_code_invalid:
        'That reset code did not work with that username. Check both, or ask your peer leader for a new code.',
    },
    barc10: {
      // The barc10 area's refusals (shared/contracts), one line each.
    },
    calendars: {
      // The calendars area's refusals (shared/contracts), one line each.
    },
    chat: {
      // The chat area's refusals (shared/contracts), one line each.
    },
    check_in: {
      // The check in area's refusals (shared/contracts), one line each.
      local_date_out_of_range: 'A check-in kept on the phone can be saved for today or yesterday only.',
      day_already_has_one: 'That day already has a check-in, so this one was not saved again.',
      already_today: 'You have already checked in today. You can change today’s check-in instead.',
      only_today: 'Only today’s check-in can be changed.',
    },
    counselor_assignments: {
      // The counselor assignments area's refusals (shared/contracts), one line each.
      not_a_counselor: 'Please choose someone who is a counselor here.',
      not_a_resident: 'Please choose someone who lives in one of the houses now.',
      already_assigned: 'This counselor already works with this resident.',
      already_ended: 'This assignment has already ended.',
    },
    decisions: {
      // The decisions area's refusals (shared/contracts), one line each.
    },
    invitations: {
      // The invitations area's refusals (shared/contracts), one line each.
      code_not_found: 'We could not find that invitation code. Check it, or ask for a new one.',
      already_used: 'This invitation has already been used. If that was not you, please ask for a new one.',
      withdrawn: 'This invitation was withdrawn. Please ask the person who invited you for a new one.',
      expired: 'This invitation has expired. Please ask the person who invited you for a new one.',
    },
    journey: {
      // The journey area's refusals (shared/contracts), one line each.
    },
    meetings: {
      // The meetings area's refusals (shared/contracts), one line each.
    },
    memberships: {
      // The memberships area's refusals (shared/contracts), one line each.
    },
    mentors: {
      // The mentors area's refusals (shared/contracts), one line each.
    },
    notifications: {
      // The notifications area's refusals (shared/contracts), one line each.
    },
    outside_meetings: {
      // The outside meetings area's refusals (shared/contracts), one line each.
    },
    people: {
      // The people area's refusals (shared/contracts), one line each.
      username_taken: 'That username is taken. Please choose another.',
      residence_required: 'Please choose a residence for the {{role}} role.',
      residence_not_allowed: 'The {{role}} role is not tied to a residence.',
      unknown_residence: 'Please choose a residence.',
      no_free_bed: 'This house has no free bed. Move someone out or raise its number of beds.',
      already_lives_in_house: 'This person already lives in a house. Move them out first.',
      already_has_role: 'This person already has the {{role}} role.',
      role_already_ended: 'This role has already ended.',
      end_before_start: 'This date cannot be before the start date.',
      own_admin_role: 'You cannot remove your own administrator role. Ask another administrator.',
    },
    programs: {
      // The programs area's refusals (shared/contracts), one line each.
    },
    reach_out: {
      // The reach out area's refusals (shared/contracts), one line each.
    },
    realtime: {
      // The live connection's refusals (shared/contracts/realtime.ts), one line each.
      cross_site: 'This connection came from another site and was refused.',
      too_many_channels: 'Hearth could not follow that many updates at once. Please reload the page.',
      unknown_channel: 'Hearth could not follow those updates. Please reload the page.',
      not_a_websocket: 'Hearth could not open its live connection. Please reload the page.',
    },
    residences: {
      // The residences area's refusals (shared/contracts), one line each.
      unknown_program: 'One of the programs no longer exists. Please reload the page.',
    },
    setup: {
      // The setup area's refusals (shared/contracts), one line each.
      not_available: 'Hearth is already set up. Please sign in.',
      link_invalid: 'That setup link is not valid. Use the newest link Hearth printed when it started.',
    },
    signals: {
      // The signals area's refusals (shared/contracts), one line each.
    },
    skills: {
      // The skills area's refusals (shared/contracts), one line each.
    },
    support: {
      // The support area's refusals (shared/contracts), one line each.
    },
  },
};
