import { z } from 'zod';
import { LANGUAGES } from '../domain/vocabulary.ts';
import { IdParamsSchema, OkSchema } from './common.ts';
import { endpoint } from './endpoint.ts';
import { defineReasons } from './errors.ts';
import { MeSchema } from './people.ts';

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, { message: 'must be at least 3 characters' })
  .max(40)
  .regex(/^[a-z0-9._-]+$/, { message: 'may use letters, digits, dot, dash and underscore' });
export const PasswordSchema = z
  .string()
  .min(10, { message: 'must be at least 10 characters' })
  .max(200, { message: 'must be at most 200 characters' });

export const SignInRequestSchema = z.strictObject({
  login: z.string().trim().min(1, { message: 'is required' }).max(200),
  password: z.string().min(1, { message: 'is required' }).max(200),
});

/**
 * The sign-in form the server writes into the page (sent before the app's code arrives, as an HTML form
 * would send it). Empty fields are a problem the page shows, not a refusal.
 */
export const SignInFormSchema = z.strictObject({
  login: z.string().max(200).default(''),
  password: z.string().max(200).default(''),
});

export const PasswordResetRequestSchema = z.strictObject({
  login: z.string().trim().min(1).max(200),
  code: z.string().trim().min(4).max(40),
  newPassword: PasswordSchema,
});

export const SessionSchema = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  device: z.string(),
  current: z.boolean(),
});
export const SessionListSchema = z.object({ sessions: z.array(SessionSchema) });
export type SessionView = z.infer<typeof SessionSchema>;

export const NewAccountSchema = z.strictObject({
  firstName: z.string().trim().min(1, { message: 'is required' }).max(60),
  lastName: z.string().trim().max(60).default(''),
  username: UsernameSchema,
  email: z.email({ message: 'must be an email address' }).max(200).optional(),
  password: PasswordSchema,
  language: z.enum(LANGUAGES).default('en'),
  pronouns: z.string().trim().max(40).optional(),
});

/** Why this area refuses a request (decision 0027); each has words in the web app. */
export const authReasons = defineReasons('auth', {
  /** One refusal for a wrong password and an unknown account: neither reveals which. */
  sign_in_failed: {
    code: 'sign_in_failed',
    message:
      'That username or password did not match. After several tries, sign-in slows down for a little while.',
  },
  reset_code_invalid: {
    code: 'reset_code_invalid',
    message: 'That code did not work for this account. Ask your peer leader or admin for a new one.',
  },
});
export type AuthReason = keyof typeof authReasons;

export const authApi = {
  signIn: endpoint({
    method: 'POST',
    path: '/api/auth/sign-in',
    operationId: 'signIn',
    summary: 'Sign in with username or email and password',
    description:
      'Answers who signed in, as GET /api/me does, so the first screen after signing in waits for no other request.',
    tags: ['auth'],
    body: SignInRequestSchema,
    responses: { 200: MeSchema },
    reasons: ['auth.sign_in_failed', 'limits.sign_in'],
  }),
  signInByForm: endpoint({
    method: 'POST',
    path: '/api/auth/sign-in/form',
    operationId: 'signInByForm',
    summary: 'Sign in from the page’s own form, before the app has loaded',
    description:
      'Takes the form as a browser sends it (application/x-www-form-urlencoded) and answers 303: to the first screen when signed in, else back to /sign-in?problem=<reason> (auth.sign_in_failed, limits.sign_in, request.invalid, request.unavailable), which the page shows in words.',
    tags: ['auth'],
    body: SignInFormSchema,
    responses: { 303: { mediaType: 'text/plain' } },
  }),
  signOut: endpoint({
    method: 'POST',
    path: '/api/auth/sign-out',
    operationId: 'signOut',
    summary: 'Sign out of this device',
    tags: ['auth'],
    responses: { 200: OkSchema },
  }),
  resetPassword: endpoint({
    method: 'POST',
    path: '/api/auth/reset-password',
    operationId: 'resetPassword',
    summary: 'Choose a new password with a code from a peer leader or admin',
    tags: ['auth'],
    body: PasswordResetRequestSchema,
    responses: { 200: OkSchema },
    reasons: ['auth.reset_code_invalid', 'limits.sign_in'],
  }),
  listSessions: endpoint({
    method: 'GET',
    path: '/api/me/sessions',
    operationId: 'listMySessions',
    summary: 'My signed-in devices',
    tags: ['auth'],
    responses: { 200: SessionListSchema },
  }),
  revokeSession: endpoint({
    method: 'DELETE',
    path: '/api/me/sessions/:id',
    operationId: 'revokeMySession',
    summary: 'Sign out one of my devices',
    tags: ['auth'],
    params: IdParamsSchema,
    responses: { 200: OkSchema },
  }),
} as const;
