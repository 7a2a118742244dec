// Issue a one-time password-reset code for someone (admins, or the peer leader of their house) and
// show it once, with words to read it aloud.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { peopleApi, type ResetCodeSchema } from '../../shared/contracts/people.ts';
import { call } from '../app/api.ts';
import { formatMoment } from './format.ts';
import { Hidden, LoadProblem } from './notice.tsx';
import { SpokenCode } from './spoken-code.tsx';

type ResetCode = z.infer<typeof ResetCodeSchema>;

export function ResetCodeButton({
  personId,
  name,
  username,
}: {
  personId: string;
  name: string;
  username?: string;
}) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState<ResetCode | null>(null);
  const issue = useMutation({
    mutationFn: () => call(peopleApi.issueResetCode, { params: { id: personId } }),
    onSuccess: setShown,
  });
  if (shown) {
    return (
      <div className="reset-code card-inset" role="status">
        <p>
          <strong>{t('resetCode.heading', { name })}</strong>
        </p>
        <SpokenCode code={shown.code} />
        <p>{t('resetCode.instructions', { name })}</p>
        {username ? <p>{t('resetCode.username', { username })}</p> : null}
        <p className="hint">
          {t('resetCode.expires', {
            time: formatMoment(shown.expiresAt, i18n.language, { afterWord: true }),
          })}
        </p>
        <button type="button" className="button button-secondary" onClick={() => setShown(null)}>
          {t('resetCode.done')}
        </button>
      </div>
    );
  }
  return (
    <>
      <button
        type="button"
        className="button button-small button-secondary"
        onClick={() => issue.mutate()}
        disabled={issue.isPending}
      >
        {t('resetCode.button')}
        <Hidden> {t('common.forPerson', { name })}</Hidden>
      </button>
      {issue.isError ? <LoadProblem error={issue.error} /> : null}
    </>
  );
}
