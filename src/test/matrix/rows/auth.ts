// The access matrix's rows for auth: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** Sign-in and reset tries of unknown logins, each its own. */
let unknownLogins = 0;

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = [];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  'POST /api/auth/sign-in':                  [401,   401,   401,   401,  401,  401,   401,  401],
  'POST /api/auth/sign-in/form':             [303,   303,   303,   303,  303,  303,   303,  303],
  'POST /api/auth/sign-out':                 [200,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/auth/reset-password':           [400,   400,   400,   400,  400,  400,   400,  400],
};

export const requests: Requests = {
  'POST /api/auth/sign-in': () => ({
    method: 'POST',
    url: '/api/auth/sign-in',
    // A login of its own each time: five failures of one login from one address make the next one wait.
    body: { login: `nobody-by-this-name-${++unknownLogins}`, password: 'whatever-it-is' },
  }),
  // The page's own form: an unknown login comes back to the form with the problem, for anyone.
  'POST /api/auth/sign-in/form': () => ({
    method: 'POST',
    url: '/api/auth/sign-in/form',
    body: { login: `nobody-by-this-name-${++unknownLogins}`, password: 'whatever-it-is' },
  }),
  'POST /api/auth/sign-out': () => ({ method: 'POST', url: '/api/auth/sign-out', freshSession: true }),
  'POST /api/auth/reset-password': () => ({
    method: 'POST',
    url: '/api/auth/reset-password',
    body: {
      login: `nobody-by-this-name-${++unknownLogins}`,
      code: 'AAAA-BBBB-CCCC',
      newPassword: 'a-new-password-1',
    },
  }),
};
