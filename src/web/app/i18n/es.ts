// Las palabras en español de la aplicación web, un archivo por área en es/. Mismas claves que en.ts.
import type { Translations } from './en.ts';
import { account } from './es/account.ts';
import { chat } from './es/chat.ts';
import { core } from './es/core.ts';
import { crisisLines } from './es/crisis-lines.ts';
import { decisions } from './es/decisions.ts';
import { journey } from './es/journey.ts';
import { layout } from './es/layout.ts';
import { meetings } from './es/meetings.ts';
import { notifications } from './es/notifications.ts';
import { organization } from './es/organization.ts';
import { outside } from './es/outside.ts';
import { peers } from './es/peers.ts';
import { reachOut } from './es/reach-out.ts';
import { realtime } from './es/realtime.ts';
import { reasons } from './es/reasons.ts';
import { signalSettings } from './es/signal-settings.ts';
import { signals } from './es/signals.ts';
import { support } from './es/support.ts';

export const es: Translations = {
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
