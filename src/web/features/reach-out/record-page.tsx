// A house's reach-out record for its peer leaders and admins: who reached out and when, who answered and
// when, escalations and closing times. No words to read: alerts carry none.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { houseApi } from '../../../shared/contracts/residences.ts';
import { queryFor } from '../../app/api.ts';
import { formatMoment } from '../../components/format.ts';
import { Loading, LoadProblem } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useHouseRecord } from './reach-out-api.ts';

export function RecordPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const houses = useQuery(queryFor(houseApi.mine));
  const house = houses.data?.houses.find((h) => h.residence.id === id)?.residence.name ?? '';
  const record = useHouseRecord(id);
  const time = (at: string) => formatMoment(at, i18n.language);
  return (
    <Page title={t('reachOut.recordTitle', { house })} intro={t('reachOut.recordIntro')}>
      {record.isPending ? (
        <Loading />
      ) : record.isError ? (
        <LoadProblem error={record.error} onRetry={() => void record.refetch()} />
      ) : record.data.alerts.length === 0 ? (
        <p>{t('reachOut.recordEmpty')}</p>
      ) : (
        <ul className="reach-out-record">
          {record.data.alerts.map((alert) => (
            <li key={alert.id} className="card">
              <h2 className="reach-out-record-who">
                {t('reachOut.recordAsked', { name: alert.displayName })} · {time(alert.createdAt)}
              </h2>
              <ul>
                {alert.acknowledgements.length === 0 ? <li>{t('reachOut.recordUnanswered')}</li> : null}
                {alert.acknowledgements.map((a) => (
                  <li key={a.personId}>
                    {t('reachOut.recordAnswered', { name: a.displayName, time: time(a.at) })}
                  </li>
                ))}
                {alert.escalatedAt ? (
                  <li>{t('reachOut.recordEscalated', { time: time(alert.escalatedAt) })}</li>
                ) : null}
                <li>
                  {alert.closedAt
                    ? t('reachOut.recordClosed', { time: time(alert.closedAt) })
                    : t('reachOut.recordOpen')}
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
