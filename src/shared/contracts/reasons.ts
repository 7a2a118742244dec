// Every reason an endpoint may refuse with, gathered from the areas' contracts (decision 0027).

import { auditReasons } from './audit.ts';
import { authReasons } from './auth.ts';
import { barc10Reasons } from './barc10.ts';
import { calendarsReasons } from './calendars.ts';
import { chatReasons } from './chat.ts';
import { checkInReasons } from './check-ins.ts';
import { counselorAssignmentReasons } from './counselor-assignments.ts';
import { decisionReasons } from './decisions.ts';
import { COMMON_REASONS, type ReasonSpec } from './errors.ts';
import { invitationReasons } from './invitations.ts';
import { journeyReasons } from './journey.ts';
import { limitReasons } from './limits.ts';
import { meetingReasons } from './meetings.ts';
import { membershipReasons } from './memberships.ts';
import { mentorReasons } from './mentors.ts';
import { notificationReasons } from './notifications.ts';
import { outsideMeetingReasons } from './outside-meetings.ts';
import { peopleReasons } from './people.ts';
import { programReasons } from './programs.ts';
import { reachOutReasons } from './reach-out.ts';
import { realtimeReasons } from './realtime.ts';
import { residenceReasons } from './residences.ts';
import { setupReasons } from './setup.ts';
import { signalReasons } from './signals.ts';
import { skillReasons } from './skills.ts';
import { supportReasons } from './support.ts';

export const REASONS = {
  ...COMMON_REASONS,
  ...limitReasons,
  ...auditReasons,
  ...authReasons,
  ...barc10Reasons,
  ...calendarsReasons,
  ...chatReasons,
  ...checkInReasons,
  ...counselorAssignmentReasons,
  ...decisionReasons,
  ...invitationReasons,
  ...journeyReasons,
  ...meetingReasons,
  ...membershipReasons,
  ...mentorReasons,
  ...notificationReasons,
  ...outsideMeetingReasons,
  ...peopleReasons,
  ...programReasons,
  ...reachOutReasons,
  ...realtimeReasons,
  ...residenceReasons,
  ...setupReasons,
  ...signalReasons,
  ...skillReasons,
  ...supportReasons,
} as const satisfies Record<string, ReasonSpec>;
export type ReasonName = keyof typeof REASONS;

export const isReasonName = (name: string): name is ReasonName => Object.hasOwn(REASONS, name);
