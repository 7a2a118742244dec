// Setup file of every tier: see hygiene.ts.
import { afterEach, beforeEach } from 'vitest';
import {
  assertNoRefusedConnections,
  assertNoUnexpectedConsoleErrors,
  blockNetwork,
  watchConsoleErrors,
} from './hygiene.ts';

blockNetwork();
beforeEach(() => watchConsoleErrors());
afterEach(() => {
  assertNoUnexpectedConsoleErrors();
  assertNoRefusedConnections();
});
