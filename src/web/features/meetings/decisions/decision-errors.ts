// The rules of commitments and votes, as the server states them, in the reader's language.
import { useTranslation } from 'react-i18next';
import { DECISION_MESSAGES, type DecisionMessage } from '../../../../shared/contracts/decisions.ts';
import { ApiError } from '../../../app/api.ts';
import { errorMessage, useFormErrors } from '../../../components/errors.ts';

const KEY_OF = new Map(
  Object.entries(DECISION_MESSAGES).map(([key, message]) => [message as string, key as DecisionMessage]),
);

/** One sentence for a failed change: our own rule when the server named one, else the app's usual words. */
export function useDecisionProblem(error: unknown): string | null {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError) {
    const key = KEY_OF.get(error.message) ?? KEY_OF.get(error.fields[0]?.message ?? '');
    if (key) return t(`decisionErrors.${key}`);
  }
  return errorMessage(t, error);
}

/** Field messages for a form, with "not a member of this house" in the reader's language. */
export function useDecisionFieldErrors(error: unknown, fields: readonly string[]) {
  const { t } = useTranslation();
  const { fieldError, summary } = useFormErrors(error, fields);
  return {
    summary,
    fieldError: (name: string) => {
      const message = fieldError(name);
      return message === DECISION_MESSAGES.notMember ? t('decisionErrors.notMember') : message;
    },
  };
}
