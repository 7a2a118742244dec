// Starts the one Hearth the journeys share and makes its organization and first admin through the API.
// Workers find it at HEARTH_E2E_URL; the first-run journey starts a Hearth of its own.
import { chromiumPath, startHearth } from './hearth.ts';
import { setUpOrganization } from './world.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!chromiumPath()) {
    throw new Error(
      `No Chromium at ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}: install it with \`apt-get install chromium\`, or set CHROMIUM_PATH.`,
    );
  }
  const hearth = await startHearth();
  try {
    if (!hearth.setupLink) throw new Error(`Hearth printed no setup link:\n${hearth.output()}`);
    await setUpOrganization(hearth.url, hearth.setupLink);
  } catch (error) {
    await hearth.stop();
    throw error;
  }
  process.env.HEARTH_E2E_URL = hearth.url;
  return async () => {
    await hearth.stop();
  };
}
