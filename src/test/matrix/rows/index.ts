// Every area's rows of the access matrix, for the check that every route of the app has one.
import type { AreaMatrix } from '../world.ts';
import * as audit from './audit.ts';
import * as auth from './auth.ts';
import * as barc10 from './barc10.ts';
import * as calendars from './calendars.ts';
import * as chat from './chat.ts';
import * as checkIns from './check-ins.ts';
import * as decisions from './decisions.ts';
import * as health from './health.ts';
import * as house from './house.ts';
import * as invitations from './invitations.ts';
import * as journey from './journey.ts';
import * as me from './me.ts';
import * as meetings from './meetings.ts';
import * as mentors from './mentors.ts';
import * as notifications from './notifications.ts';
import * as outsideMeetings from './outside-meetings.ts';
import * as people from './people.ts';
import * as platform from './platform.ts';
import * as programs from './programs.ts';
import * as reachOut from './reach-out.ts';
import * as residences from './residences.ts';
import * as setup from './setup.ts';
import * as signals from './signals.ts';
import * as skills from './skills.ts';
import * as support from './support.ts';

export const MATRIX_BY_AREA: Record<string, AreaMatrix> = {
  platform,
  health,
  setup,
  auth,
  me,
  house,
  residences,
  programs,
  invitations,
  people,
  audit,
  'check-ins': checkIns,
  signals,
  barc10,
  journey,
  decisions,
  meetings,
  notifications,
  'outside-meetings': outsideMeetings,
  calendars,
  'reach-out': reachOut,
  chat,
  support,
  skills,
  mentors,
};
