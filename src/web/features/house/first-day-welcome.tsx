// The first-day welcome on My house: what Hearth is for a new resident, who their peer leader is, and the
// three things to do first. It shows until they put it away (kept on their profile, so on every device).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { meApi } from '../../../shared/contracts/people.ts';
import type { House } from '../../../shared/contracts/residences.ts';
import { call } from '../../app/api.ts';
import { meQueryKey, useMe } from '../../app/session.ts';
import { LoadProblem } from '../../components/notice.tsx';

export function FirstDayWelcome({ house }: { house: House }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const dismiss = useMutation({
    mutationFn: () => call(meApi.dismissWelcome),
    onSuccess: (next) => queryClient.setQueryData(meQueryKey, next),
  });
  if (!me.welcome) return null;
  const leaders = house.peerLeaders.filter((p) => !p.isMe).map((p) => p.displayName);
  return (
    <section className="card first-day" aria-labelledby="first-day-title">
      <h2 id="first-day-title">{t('firstDay.title', { name: me.firstName, house: house.residence.name })}</h2>
      <p>{t('firstDay.what')}</p>
      <p>
        {leaders.length > 0
          ? t('firstDay.peerLeader', { names: leaders.join(', '), count: leaders.length })
          : t('firstDay.noPeerLeader')}
      </p>
      <h3>{t('firstDay.firstThings')}</h3>
      <ol className="first-things">
        <li>
          <Link to="/check-in">{t('firstDay.checkIn')}</Link> {t('firstDay.checkInWhy')}
        </li>
        <li>
          <Link to="/today">{t('firstDay.clock')}</Link> {t('firstDay.clockWhy')}
        </li>
        <li>
          <Link to="/chat">{t('firstDay.meet')}</Link> {t('firstDay.meetWhy')}
        </li>
      </ol>
      {dismiss.isError ? <LoadProblem error={dismiss.error} /> : null}
      <button
        type="button"
        className="button button-secondary"
        disabled={dismiss.isPending}
        onClick={() => dismiss.mutate()}
      >
        {t('firstDay.dismiss')}
      </button>
    </section>
  );
}
