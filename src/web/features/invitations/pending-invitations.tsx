// Invitations not yet used, each with a way to withdraw it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { invitationApi } from '../../../shared/contracts/invitations.ts';
import { call, queryFor } from '../../app/api.ts';
import { formatMoment } from '../../components/format.ts';
import { Hidden, Loading, LoadProblem } from '../../components/notice.tsx';

export function PendingInvitations({ residenceId }: { residenceId?: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const invitations = useQuery(queryFor(invitationApi.list));
  const withdraw = useMutation({
    mutationFn: (id: string) => call(invitationApi.withdraw, { params: { id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [invitationApi.list.tags[0]] }),
  });
  if (invitations.isPending) return <Loading />;
  if (invitations.isError)
    return <LoadProblem error={invitations.error} onRetry={() => void invitations.refetch()} />;
  const shown = invitations.data.invitations.filter((i) => !residenceId || i.residenceId === residenceId);
  return (
    <>
      {withdraw.isError ? <LoadProblem error={withdraw.error} /> : null}
      {shown.length === 0 ? (
        <p className="hint">{t('invitations.nonePending')}</p>
      ) : (
        <ul className="plain-list invitations">
          {shown.map((i) => {
            const what = i.residenceName
              ? t('me.roleAt', { role: t(`roles.${i.role}`), house: i.residenceName })
              : t(`roles.${i.role}`);
            return (
              <li key={i.id} className="invitation">
                <div>
                  <strong>{what}</strong>
                  {i.note ? <span> — {i.note}</span> : null}
                  <div className="hint">
                    {t('invitations.expires', { time: formatMoment(i.expiresAt, i18n.language) })}
                  </div>
                </div>
                <button
                  type="button"
                  className="button button-small button-secondary"
                  onClick={() => withdraw.mutate(i.id)}
                  disabled={withdraw.isPending}
                >
                  {t('invitations.withdraw')}
                  <Hidden> {i.note ? `${what} — ${i.note}` : what}</Hidden>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
