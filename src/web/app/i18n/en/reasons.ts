// English words for every reason the server may refuse with (shared/contracts/reasons.ts), by area.
// The Spanish file es/reasons.ts has exactly the same keys; a unit test checks that every reason has both.
import { FIRST_SCREEN_WORDS } from '../../../../shared/domain/first-screen-words.ts';

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
      unavailable: FIRST_SCREEN_WORDS.en.problems['request.unavailable'],
    },
    limits: {
      sign_in: FIRST_SCREEN_WORDS.en.problems['limits.sign_in'],
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
      sign_in_failed: FIRST_SCREEN_WORDS.en.problems['auth.sign_in_failed'],
      reset_code_invalid:
        'That reset code did not work with that username. Check both, or ask your peer leader for a new code.',
    },
    barc10: {
      // The barc10 area's refusals (shared/contracts), one line each.
    },
    calendars: {
      // The calendars area's refusals (shared/contracts), one line each.
      residence_required: 'Please choose the house for this calendar.',
      residence_not_for_person: 'A personal calendar is not for one house. Please reload the page.',
      residence_for_staff: 'A house’s calendar address is for its peer leaders and admins.',
      too_many_addresses:
        'You have 10 calendar addresses already. Please remove one you no longer use first.',
    },
    chat: {
      // The chat area's refusals (shared/contracts), one line each.
      own_message: 'This is your own message, so there is nothing to report.',
      not_reported: 'Only a message someone reported can be hidden.',
      name_already_shown: 'Your name is already shown here.',
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
      not_recorder: 'Only the chair, the secretary or the peer leader records this.',
      not_in_progress: 'Commitments and votes are recorded while the meeting is in progress.',
      not_house_member: 'Please choose someone who lives in or leads this house now.',
      not_an_item_of_meeting: 'That item is not on this meeting’s agenda. Please reload the page.',
      already_done: 'This commitment is already marked done.',
      not_helper: 'Only the person who helps, or the peer leader, marks this done.',
      house_decides_without_votes: 'This house has chosen not to decide by vote at its meetings.',
      vote_closed: 'This vote is closed.',
      already_voted: 'You have already voted on this motion. Your vote is kept.',
      not_present: 'Only members present at the meeting can vote. Mark yourself present first.',
      minutes_not_published: 'The minutes are published when the meeting closes.',
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
      future_recovery_date: 'A recovery date cannot be in the future. Please choose today or an earlier day.',
      same_start: 'Your current stretch already starts on that day, so nothing needed changing.',
      start_before_current:
        'A new start comes after your current start date ({{date}}). Please choose a later day.',
      own_milestone: 'This milestone is yours to enjoy; congratulations come from your peers.',
    },
    meetings: {
      // The meetings area's refusals (shared/contracts), one line each.
      rrule_invalid: 'Please choose a repeat Hearth can follow, like every week on Sunday.',
      search_for_members: 'Searching the minutes is for the members of the house.',
      series_ended: 'This schedule has ended, so it can no longer be changed.',
      not_house_member: 'Please choose someone who lives in or leads this house now.',
      chair_is_secretary: 'The secretary needs to be someone other than the chair.',
      roles_of_past_meeting: 'The chair and secretary of a past meeting stay as they were.',
      start_only_upcoming: 'This meeting has already started, or it is over.',
      close_only_in_progress: 'Only a meeting in progress can be closed. Start it first.',
      cancel_only_upcoming: 'Only a meeting that has not started yet can be cancelled.',
      attendance_self_present: 'You can mark yourself present; the secretary marks everyone else.',
      attendance_during_meeting:
        'Attendance is taken while the meeting is in progress. Before it starts, you can let the house know you cannot come.',
      meeting_over: 'This meeting is over. Please add it to the next one.',
      agenda_of_past_meeting: 'The agenda of a past meeting stays as it was.',
      order_every_item:
        'The agenda changed while you were ordering it. Please reload the page and try again.',
      minutes_during_meeting: 'Minutes are written while the meeting is in progress.',
      reword_before_meeting: 'An item can be reworded until the meeting starts.',
      standing_item_stays: 'Standing items and follow-ups stay on the agenda.',
    },
    memberships: {
      // The memberships area's refusals (shared/contracts), one line each.
    },
    mentors: {
      // The mentors area's refusals (shared/contracts), one line each.
      mentor_or_mentee: 'Choose either a mentor to ask or a peer to offer mentoring to.',
      is_you: 'That is you. A mentorship is between you and someone else.',
      for_residents: 'Asking for a mentor is for people living in a house right now.',
      not_open: 'They are not taking on someone to mentor right now.',
      not_further_along:
        'A mentor is someone further along in recovery than you, as far as they share it with you.',
      mentee_is_alumni: 'They have moved on from their house; mentoring is offered to current residents.',
      not_newer:
        'You can offer to mentor someone newer in recovery than you, as far as they share it with you.',
      already_paired: 'You two already have a mentorship or an open request.',
      request_answered: 'This request has changed in the meantime. The list is up to date now.',
      already_over: 'This mentorship has already ended. The list is up to date now.',
      answer_is_theirs: 'The person you asked is the one to answer your request.',
      log_closed: 'The log is closed: this mentorship has ended.',
    },
    notifications: {
      // The notifications area's refusals (shared/contracts), one line each.
      quiet_hours_incomplete: 'Quiet hours need both a start and an end.',
      quiet_hours_same: 'Quiet hours must end at another time than they start.',
      endpoint_not_https:
        'This browser offered a push address Hearth cannot use. Please try another browser.',
      endpoint_private:
        'This browser offered a push address on a private network, which Hearth does not send to. Please try another browser.',
    },
    outside_meetings: {
      // The outside meetings area's refusals (shared/contracts), one line each.
      row_not_object: 'this row is not a meeting',
      row_required: 'is missing',
      row_slug_format: 'should be up to 64 letters, numbers or dashes',
      row_unstorable: 'holds characters Hearth cannot keep',
      row_not_text: 'should be text',
      row_too_long: 'is longer than {{maximum}} characters',
      row_day_format: 'should be a day from 0 to 6 (Sunday is 0), or a list of them',
      row_time_format: 'should be a time like 19:30',
      row_time_required: 'is missing, and a meeting with a day needs one',
      row_time_zone: 'should be a time zone like America/Chicago',
      row_repeated_slug: 'is the same as in row {{row}}',
      row_types_not_list: 'was not a list, so no types were kept',
      row_type_online: 'ONL is no longer used; online meetings are known by their link',
      row_type_unknown: '{{code}} is not a Meeting Guide type, so it was left out',
      row_text_left_out: 'was not text, so it was left out',
      row_text_shortened: 'was longer than {{maximum}} characters, so it was shortened',
      row_link_left_out: 'was not a web address, so it was left out',
      not_plain_text: 'Please use plain text here, without HTML.',
      unknown_type: 'Please choose one of the listed meeting types.',
      repeated_day: 'Please choose each day only once.',
      time_required: 'Please add a time for the days you chose.',
      nothing_to_change: 'Nothing was changed.',
      name_required: 'Please write the meeting’s name, since it is not in the list.',
      address_or_file: 'Please give either the feed’s web address or a file, not both.',
      online_needs_place:
        'Meeting-finder apps need a place for every meeting: please give a city and state, or a region.',
      attended_in_future: 'A meeting you went to cannot be in the future.',
      attended_too_long_ago: 'Meetings can be logged up to {{days}} days back.',
      unknown_meeting: 'That meeting is no longer in the directory. Please choose it again.',
      feed_not_http: 'Please enter a web address starting with https://.',
      feed_not_found: 'Hearth could not find that address. Please check it.',
      feed_private_address: 'That address is on a private network, which Hearth does not import from.',
      feed_unreachable: 'Hearth could not reach that address. Please try again later.',
      feed_timeout: 'That address did not answer within 10 seconds. Please try again later.',
      feed_incomplete: 'The feed stopped before it was complete. Please try again.',
      feed_unreadable: 'Hearth could not read a feed at that address.',
      feed_too_large: 'The feed is larger than 5 MB, more than Hearth takes at once.',
      feed_not_json: 'This is not a Meeting Guide feed (it is not JSON).',
      feed_not_a_list: 'This is not a Meeting Guide feed: it should be a list of meetings.',
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
      alert_closed: 'This alert is already closed: they said they are okay now.',
      not_on_call:
        'Being available to be called is for people who live in or lead a house. You can still reach out yourself.',
      not_answered:
        'Only the person who reached out, or someone who said they are calling, can close this alert.',
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
      note_required: 'Please write a few words on what you did.',
      already_acknowledged: 'This signal was already acknowledged; its note is kept as history.',
      nothing_open: 'Someone has already noted this person’s check-ins.',
      undo_too_late: 'It is too late to undo this one. It stays noted, with its history.',
      undo_not_yours: 'Only the person who noted it can undo it.',
    },
    skills: {
      // The skills area's refusals (shared/contracts), one line each.
      label_needed: 'Please say which skill, in your own words.',
      label_only_for_other: 'Your own words are only for a skill that is not on the list.',
      already_listed: 'That skill is already on your list.',
      own_listing: 'That is one of your own skills.',
      session_already_planned: 'You two already have a session planned for this skill.',
      session_changed: 'This session has changed in the meantime. The list is up to date now.',
      session_proposed_by_you: 'You suggested this session, so the other person is the one to accept it.',
      session_not_accepted: 'The other person has not accepted this session yet.',
    },
    support: {
      // The support area's refusals (shared/contracts), one line each.
      not_peer: 'Asking for and giving support is for residents, peer leaders and alumni.',
      no_house: 'You need a current house for this audience.',
      no_program: 'Your house is not part of a program yet. Choose your house or your organization.',
      own_post: 'This is your own post, so you cannot respond to it.',
      closed: 'This is no longer open.',
      offer_withdrawn: 'This offer was withdrawn, so it cannot be accepted.',
      not_author: 'Only the person who posted this can do that.',
      not_accepted: 'Only an accepted offer can be marked as helped.',
      not_receiver: 'Only the person who was helped marks it as helped.',
      not_responder: 'Only the person who offered can withdraw this offer.',
    },
  },
};
