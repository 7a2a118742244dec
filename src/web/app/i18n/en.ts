// English words of the web app, one file per area under en/. es.ts has exactly the same keys (a unit
// test checks it). A new area adds en/<area>.ts and es/<area>.ts and one line in each index.

import { account } from './en/account.ts';
import { chat } from './en/chat.ts';
import { core } from './en/core.ts';
import { crisisLines } from './en/crisis-lines.ts';
import { decisions } from './en/decisions.ts';
import { journey } from './en/journey.ts';
import { layout } from './en/layout.ts';
import { meetings } from './en/meetings.ts';
import { notifications } from './en/notifications.ts';
import { organization } from './en/organization.ts';
import { outside } from './en/outside.ts';
import { peers } from './en/peers.ts';
import { reachOut } from './en/reach-out.ts';
import { realtime } from './en/realtime.ts';
import { reasons } from './en/reasons.ts';
import { signalSettings } from './en/signal-settings.ts';
import { signals } from './en/signals.ts';
import { support } from './en/support.ts';

export const en = {
  ...notifications,
  ...core,
  ...account,
  ...organization,
  ...journey,
  ...signalSettings,
  ...meetings,
  ...decisions,
  ...outside,
  ...peers,
  ...realtime,
  ...reachOut,
  ...crisisLines,
  ...chat,
  ...support,
  ...reasons,
  ...signals,
  ...layout,
};

export type Translations = typeof en;
