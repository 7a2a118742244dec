import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, useFormErrors } from './errors.ts';

type Tone = 'info' | 'success' | 'error';

export function Notice({ tone = 'info', children }: { tone?: Tone; children: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** The summary above a form: what went wrong, plus problems that have no field on the form. */
export function FormProblem({ error, fields }: { error: unknown; fields: readonly string[] }) {
  const { summary, extra } = useFormErrors(error, fields);
  if (!summary) return null;
  return (
    <Notice tone="error">
      <p>{summary}</p>
      {extra.length > 0 ? (
        <ul>
          {extra.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** A query that failed: what happened, and a way to try again. */
export function LoadProblem({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Notice tone="error">
      <p>{errorMessage(t, error)}</p>
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      ) : null}
    </Notice>
  );
}

/** Text only screen readers hear, e.g. which person a repeated button is for. */
export function Hidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}
