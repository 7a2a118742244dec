// Turns server errors into words in the active language by their reasons (decision 0027), and finds
// the message for each form field.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../shared/contracts/errors.ts';
import { ROLES, type Role } from '../../shared/domain/vocabulary.ts';
import { ApiError } from '../app/api.ts';

/** Field messages the server's contracts use, in the words of our translations. */
const FIELD_MESSAGES = {
  'is required': 'server.isRequired',
  'must be at least 3 characters': 'server.atLeast3',
  'must be at least 10 characters': 'server.atLeast10',
  'must be at most 200 characters': 'server.atMost200',
  'may use letters, digits, dot, dash and underscore': 'server.usernameCharacters',
  'must be an email address': 'server.email',
  'must be an IANA time zone like America/Chicago': 'server.timeZone',
  'must be at least 1': 'server.atLeast1',
  'must be a NARR level from 1 to 4': 'server.narrLevel',
  'is not valid': 'server.notValid',
  'did not work': 'server.codeDidNotWork',
  'must be a date like 2026-01-31': 'server.date',
  'must not be before the start date': 'server.notBeforeStart',
  'names a residence that does not exist': 'server.unknownResidence',
  'names a program that does not exist': 'server.unknownProgram',
  'That username is taken. Please choose another.': 'server.usernameTaken',
  'This house has no free bed. Move someone out or raise its bed capacity.': 'server.noFreeBed',
  'This person already lives in a house. Move them out first.': 'server.alreadyLivesInHouse',
  'This role has already ended.': 'server.roleAlreadyEnded',
  'You cannot remove your own admin role. Ask another admin.': 'server.ownAdminRole',
  'That setup link is not valid. Use the newest link Hearth printed when it started.':
    'server.setupLinkInvalid',
  "Only today's check-in can be changed; this one is from an earlier day.": 'server.onlyToday',
} as const;

/** A reason's words (`reasons.support.offer_on_own_request`) with the values it speaks of, if it has any. */
function wordsOfReason(t: TFunction, reason: string, params?: FieldProblem['params']): string | null {
  const key = `reasons.${reason}`;
  const words = (t as unknown as (k: string, o?: object) => string)(key, { ...params, defaultValue: '' });
  return words && words !== key ? words : null;
}

/** What was refused, in our words, and when to try again (from Retry-After). */
function tooManyRequests(t: TFunction, error: ApiError): string {
  const what = wordsOfReason(t, error.reason) ?? t('errors.tooManyRequests');
  const seconds = error.retryAfterSeconds;
  if (!seconds) return what;
  const when =
    seconds < 90
      ? t('limits.tryAgainInSeconds', { count: seconds })
      : t('limits.tryAgainInMinutes', { count: Math.ceil(seconds / 60) });
  return `${what} ${when}`;
}

const asRole = (value: string | undefined): Role | null =>
  value && (ROLES as readonly string[]).includes(value) ? (value as Role) : null;

export function translateServerMessage(t: TFunction, message: string): string {
  const known = FIELD_MESSAGES[message as keyof typeof FIELD_MESSAGES];
  if (known) return t(known);
  const requiredFor = asRole(/^is required for the (\w+) role$/.exec(message)?.[1]);
  if (requiredFor) return t('server.requiredForRole', { role: t(`rolesInSentence.${requiredFor}`) });
  const emptyFor = asRole(/^must be empty for the (\w+) role$/.exec(message)?.[1]);
  if (emptyFor) return t('server.emptyForRole', { role: t(`rolesInSentence.${emptyFor}`) });
  const hasAlready = asRole(/^This person already has the (\w+) role\.$/.exec(message)?.[1]);
  if (hasAlready) return t('server.alreadyHasRole', { role: t(`rolesInSentence.${hasAlready}`) });
  return message;
}

/** One sentence for the whole error, to show above a form or in place of a screen's content. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  if (error.code === 'too_many_requests') return tooManyRequests(t, error);
  if (error.code === 'validation_failed' && error.fields.length > 0) return t('errors.checkFields');
  const known = wordsOfReason(t, error.reason);
  if (known) return known;
  switch (error.code) {
    case 'network':
      return t('errors.network');
    case 'sign_in_failed':
      return t('errors.signInFailed');
    case 'too_many_requests':
      return tooManyRequests(t, error);
    case 'session_expired':
      return t('errors.sessionExpired');
    case 'not_signed_in':
      return t('errors.notSignedIn');
    case 'invitation_expired':
      return t('errors.invitationExpired');
    case 'invitation_used':
      return t('errors.invitationUsed');
    case 'reset_code_invalid':
      return t('errors.resetCodeInvalid');
    case 'setup_not_available':
      return t('errors.setupNotAvailable');
    case 'csrf_rejected':
      return t('errors.csrf');
    case 'payload_too_large':
      return t('errors.tooLarge');
    case 'validation_failed':
    case 'bad_request':
      return error.fields.length > 0 ? t('errors.checkFields') : t('errors.badRequest');
    case 'forbidden':
      return error.fields.length > 0 ? translateServerMessage(t, error.message) : t('errors.forbidden');
    case 'not_found':
      return error.message.startsWith('We could not find that invitation code')
        ? t('errors.invitationNotFound')
        : t('errors.notFound');
    case 'conflict':
      return translateServerMessage(t, error.message);
    case 'internal':
    case 'unavailable':
      return t('errors.internal');
    default:
      return translateServerMessage(t, error.message);
  }
}

/** "admin.password" → "admin.password". */
const normalizeField = (field: string) => field.replace(/^(body|params|querystring)\./, '');

/**
 * The message for each named field of a form, and what is left for the summary above it.
 * A server field "username" also matches a form field "admin.username".
 */
export function useFormErrors(error: unknown, formFields: readonly string[]) {
  const { t } = useTranslation();
  const problems =
    error instanceof ApiError ? error.fields.map((f) => ({ ...f, field: normalizeField(f.field) })) : [];
  const matches = (formField: string, problemField: string) =>
    formField === problemField || formField.split('.').pop() === problemField;
  const words = (p: FieldProblem) =>
    wordsOfReason(t, p.reason, p.params) ?? translateServerMessage(t, p.message);
  const fieldError = (name: string): string | undefined => {
    const found = problems.find((p) => matches(name, p.field));
    return found ? words(found) : undefined;
  };
  const unshown = problems.filter((p) => !formFields.some((f) => matches(f, p.field))).map(words);
  // When every problem sits next to its field, the summary only points there.
  const summary = !error
    ? null
    : problems.length > 0 && unshown.length === 0
      ? t('errors.checkFields')
      : errorMessage(t, error);
  const extra = unshown.filter((m) => m !== summary);
  return { fieldError, summary, extra };
}
