// Turns server errors into words in the active language by their reasons (decision 0027), and finds
// the message for each form field.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../shared/contracts/errors.ts';
import { ROLES, type Role } from '../../shared/domain/vocabulary.ts';
import { ApiError } from '../app/api.ts';

const asRole = (value: string | undefined): Role | null =>
  value && (ROLES as readonly string[]).includes(value) ? (value as Role) : null;

/** The values a reason speaks of, in words: a role is named as in a sentence ("peer leader"). */
function wordsOfParams(t: TFunction, params: FieldProblem['params']): FieldProblem['params'] {
  const role = asRole(typeof params?.role === 'string' ? params.role : undefined);
  return role ? { ...params, role: t(`rolesInSentence.${role}`) } : params;
}

/** A reason's words (`reasons.support.offer_on_own_request`) with the values it speaks of, if it has any. */
function wordsOfReason(t: TFunction, reason: string, params?: FieldProblem['params']): string | null {
  const key = `reasons.${reason}`;
  const words = (t as unknown as (k: string, o?: object) => string)(key, {
    ...wordsOfParams(t, params),
    defaultValue: '',
  });
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

/** One sentence for the whole error, to show above a form or in place of a screen's content. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  if (error.code === 'too_many_requests') return tooManyRequests(t, error);
  if (error.code === 'validation_failed' && error.fields.length > 0) return t('errors.checkFields');
  // A refusal about one field carries its values there (refuse(reason, { field, params })).
  const params = error.fields.find((f) => f.reason === error.reason)?.params;
  const known = wordsOfReason(t, error.reason, params);
  if (known) return known;
  switch (error.code) {
    case 'network':
      return t('errors.network');
    case 'too_many_requests':
      return tooManyRequests(t, error);
    case 'session_expired':
      return t('errors.sessionExpired');
    case 'not_signed_in':
      return t('errors.notSignedIn');
    case 'csrf_rejected':
      return t('errors.csrf');
    case 'payload_too_large':
      return t('errors.tooLarge');
    case 'validation_failed':
    case 'bad_request':
      return error.fields.length > 0 ? t('errors.checkFields') : t('errors.badRequest');
    case 'forbidden':
      return t('errors.forbidden');
    case 'not_found':
      return t('errors.notFound');
    case 'internal':
    case 'unavailable':
      return t('errors.internal');
    default:
      // A reason this version of the app has no words for (a newer server): plain words, never its English.
      return t('errors.unexpected');
  }
}

/**
 * The message for each named field of a form, and what is left for the summary above it.
 * A server field "username" also matches a form field "admin.username".
 */
export function useFormErrors(error: unknown, formFields: readonly string[]) {
  const { t } = useTranslation();
  const problems = error instanceof ApiError ? error.fields : [];
  const matches = (formField: string, problemField: string) =>
    formField === problemField || formField.split('.').pop() === problemField;
  const words = (p: FieldProblem) => wordsOfReason(t, p.reason, p.params) ?? t('reasons.field.invalid');
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
