// The house's celebrations this week (only milestones the person chose to share), with congratulations;
// and, for the house's peer leaders, the way to their support view.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CelebrationView, journeyApi } from '../../../shared/contracts/journey.ts';
import { call, keyOf, queryFor } from '../../app/api.ts';
import { formatDate } from '../../components/format.ts';
import { Hidden, Loading, LoadProblem } from '../../components/notice.tsx';
import { milestoneName } from './journey-api.ts';

export function HouseJourney({ residenceId, leads }: { residenceId: string; leads: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {leads ? (
        <section className="card card-highlight" aria-labelledby={`lead-${residenceId}`}>
          <h2 id={`lead-${residenceId}`}>{t('support.heading')}</h2>
          <p>{t('leaderDay.onToday')}</p>
          <p>
            <Link className="button" to="/today">
              {t('leaderDay.openToday')}
            </Link>
          </p>
          <p>
            <Link to={`/house/${residenceId}/support`}>{t('support.openSupport')}</Link>
          </p>
        </section>
      ) : null}
      <Celebrations residenceId={residenceId} />
    </>
  );
}

function Celebrations({ residenceId }: { residenceId: string }) {
  const { t } = useTranslation();
  const feed = useQuery(queryFor(journeyApi.houseCelebrations, { params: { id: residenceId } }));
  return (
    <section className="card" aria-labelledby={`celebrations-${residenceId}`}>
      <h2 id={`celebrations-${residenceId}`}>{t('celebrations.heading')}</h2>
      {feed.isPending ? (
        <Loading />
      ) : feed.isError ? (
        <LoadProblem error={feed.error} onRetry={() => void feed.refetch()} />
      ) : feed.data.celebrations.length === 0 ? (
        <p className="hint">{t('celebrations.none')}</p>
      ) : (
        <ul className="celebrations">
          {feed.data.celebrations.map((c) => (
            <CelebrationItem key={c.id} celebration={c} residenceId={residenceId} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CelebrationItem({
  celebration: c,
  residenceId,
}: {
  celebration: CelebrationView;
  residenceId: string;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const congratulate = useMutation({
    mutationFn: () => call(journeyApi.congratulate, { params: { id: c.id } }),
    onSuccess: () =>
      void queryClient.invalidateQueries({
        queryKey: keyOf(journeyApi.houseCelebrations, { params: { id: residenceId } }),
      }),
  });
  return (
    <li className="celebration">
      <p>
        <strong>
          {t('celebrations.reached', { name: c.displayName, milestone: milestoneName(t, c.milestone) })}
        </strong>{' '}
        <span className="hint">{formatDate(c.reachedOn, i18n.language)}</span>
      </p>
      <p className="hint">{t('celebrations.count', { count: c.congratulations })}</p>
      {c.isMe ? null : c.congratulatedByMe ? (
        <p className="done">{t('celebrations.congratulated')}</p>
      ) : (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => congratulate.mutate()}
          disabled={congratulate.isPending}
        >
          {t('celebrations.congratulate')}
          <Hidden> {t('common.forPerson', { name: c.displayName })}</Hidden>
        </button>
      )}
    </li>
  );
}
