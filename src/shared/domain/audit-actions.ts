// What the audit log records: every action and every kind of record it names, so the compiler catches
// an action that has no words in the audit log (src/web/app/i18n/*/organization.ts).

/** Every action an audit entry may record, besides a route refused by its policy ("GET /api/people"). */
export const AUDIT_ACTIONS = [
  'agenda.order',
  'agenda_item.add',
  'agenda_item.remove',
  'agenda_item.update',
  'audit.read',
  'auth.reset_password',
  'auth.sign_in',
  'calendar_feed.create',
  'calendar_feed.revoke',
  'celebrations.read',
  'chat.message.hide',
  'chat.message.report',
  'chat.messages.read',
  'chat.name.hidden',
  'chat.name.shown',
  'chat.reports.read',
  'check_in_stats.read',
  'commitment.done',
  'commitment.record',
  'commitments.read',
  'counselor_assignment.create',
  'counselor_assignment.end',
  'counselor_assignments.list',
  'demo.seed',
  'house.read',
  'invitation.accept',
  'invitation.create',
  'invitation.revoke',
  'meeting.assign',
  'meeting.attendance',
  'meeting.cancel',
  'meeting.close',
  'meeting.create.emergency',
  'meeting.create.one_off',
  'meeting.minutes.read',
  'meeting.start',
  'meeting_series.create',
  'meeting_series.end',
  'meeting_series.update',
  'meeting_settings.update',
  'membership.end',
  'membership.grant',
  'membership.move_in',
  'membership.move_out',
  'mentors.suggestions.read',
  'mentorship.accept',
  'mentorship.decline',
  'mentorship.end',
  'mentorship_log.read',
  'minutes.read',
  'minutes.search',
  'motion.close',
  'motion.propose',
  'motions.read',
  'organization_settings.update',
  'outside_attendance.house.read',
  'outside_meeting.create',
  'outside_meeting.delete',
  'outside_meeting.feed_settings',
  'outside_meeting.import',
  'outside_meeting.update',
  'people.list',
  'person.read',
  'person.reset_code',
  'program.create',
  'program.update',
  'reach_out.acknowledge',
  'reach_out.availability',
  'reach_out.close',
  'reach_out.raise',
  'reach_out.read',
  'reach_out.record',
  'reach_out_settings.update',
  'residence.create',
  'residence.update',
  'setup.complete',
  'signal.acknowledge',
  'signals.read',
  'skill_session.accept',
  'skill_session.cancel',
  'skill_session.done',
  'skills.matches.read',
  'support_ledger.counts',
  'support_request.create',
  'support_request.helped',
  'support_request.read',
  'support_request.withdraw',
  'support_response.accept',
  'support_response.create',
  'support_response.withdraw',
  'upcoming-milestones.read',
  'vote.cast',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A refusal by a route's policy is recorded as the route itself. */
export type RouteAction = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} ${string}`;

/** Every kind of record an audit entry may name. */
export const AUDIT_SUBJECTS = [
  'audit_log',
  'calendar_feed',
  'chat_message',
  'commitment',
  'conversation',
  'counselor_assignment',
  'house_meeting',
  'house_meeting_series',
  'invitation',
  'membership',
  'mentorship',
  'motion',
  'organization',
  'outside_meeting',
  'person',
  'program',
  'reach_out_alert',
  'residence',
  'route',
  'signal',
  'skill_listing',
  'skill_session',
  'support_ledger',
  'support_request',
] as const;
export type AuditSubject = (typeof AUDIT_SUBJECTS)[number];

/** The key of an action's words: i18next reads a dot as nesting, so `chat.message.hide` → `chat_message_hide`. */
export type AuditActionKey<S extends string = AuditAction> = S extends `${infer A}.${infer B}`
  ? AuditActionKey<`${A}_${B}`>
  : S extends `${infer A}-${infer B}`
    ? AuditActionKey<`${A}_${B}`>
    : S;
export const auditActionKey = (action: AuditAction) => action.replace(/[.-]/g, '_') as AuditActionKey;

export const isAuditAction = (action: string): action is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(action);
export const isAuditSubject = (subject: string): subject is AuditSubject =>
  (AUDIT_SUBJECTS as readonly string[]).includes(subject);
