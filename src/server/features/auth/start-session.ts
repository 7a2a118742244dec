// Signing a person in on the device that asked: the session cookie, and (unless told otherwise) the
// device remembered as theirs (decision 0025). Sign-in, accepting an invitation and setup end this way.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { rememberDevice, setDeviceCookie } from '../../platform/auth/known-devices.ts';
import {
  createSession,
  describeDevice,
  secureCookies,
  setSessionCookie,
} from '../../platform/auth/sessions.ts';
import type { App } from '../../platform/types.ts';

type Person = { id: string; organizationId: string };

/** Remembers this device for the person (a known one is only touched) and sets its cookie when new. */
export async function rememberThisDevice(
  app: App,
  reply: FastifyReply,
  person: Person,
  knownTokenHash: string | null = null,
): Promise<void> {
  const device = await rememberDevice(app.db, person, knownTokenHash);
  if (device) setDeviceCookie(reply, device, secureCookies(app.config.publicUrl));
}

/**
 * Opens a session for the person on this device. `device`: remember it (with the hash it is already
 * known by, if any), or `false` to leave devices alone.
 */
export async function startSession(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  person: Person,
  device: { knownTokenHash: string | null } | false,
): Promise<void> {
  const token = await createSession(
    app.db,
    person,
    describeDevice(request),
    app.config.sessionDays,
    app.clock.now(),
  );
  setSessionCookie(reply, token, app.config.sessionDays, secureCookies(app.config.publicUrl));
  if (device) await rememberThisDevice(app, reply, person, device.knownTokenHash);
}
