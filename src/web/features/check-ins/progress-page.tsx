// My progress: mood, craving and sleep over the last 30 or 90 days (charts load on demand).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { Loading, LoadProblem } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { ChartsLoading, ProgressCharts } from '../journey/charts/lazy-charts.tsx';
import { useCheckIns } from './check-in-api.ts';

export function ProgressPage() {
  const { t } = useTranslation();
  const [days, setDays] = useState<30 | 90>(30);
  const list = useCheckIns(days);
  return (
    <Page title={t('progress.title')} intro={t('progress.intro')}>
      <ChoiceGroup
        name="range"
        legend={t('progress.range')}
        className="choices-range"
        options={[
          { value: 30, label: t('progress.days30') },
          { value: 90, label: t('progress.days90') },
        ]}
        value={days}
        onChange={(d) => setDays(d === 90 ? 90 : 30)}
      />
      <section className="card" aria-label={days === 30 ? t('progress.days30') : t('progress.days90')}>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <LoadProblem error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.checkIns.length === 0 ? (
          <p>{t('progress.empty')}</p>
        ) : (
          <ChartsLoading>
            <ProgressCharts checkIns={list.data.checkIns} from={list.data.from} to={list.data.to} />
          </ChartsLoading>
        )}
      </section>
      <p>
        <Link to="/today">{t('checkIn.backToToday')}</Link>
      </p>
    </Page>
  );
}
