// For a peer leader: how many outside meetings each resident went to, week by week (counts only).
import { useTranslation } from 'react-i18next';
import { Loading, LoadProblem } from '../../components/notice.tsx';
import { useHouseAttendance } from './outside-api.ts';

/** "Nov 2" / "2 nov": a short week label that fits a phone's width. */
const shortDate = (isoDate: string, language: string) =>
  new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );

export function HouseCounts({ residenceId }: { residenceId: string }) {
  const { t, i18n } = useTranslation();
  const counts = useHouseAttendance(residenceId);
  const headingId = `house-counts-${residenceId}`;
  const weeks = counts.data?.weeks ?? [];
  const weekLabel = (i: number) =>
    i === weeks.length - 1
      ? t('outside.thisWeek')
      : t('outside.weekOf', { date: shortDate(weeks[i] ?? '', i18n.language) });
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('outside.houseHeading')}</h2>
      <p className="hint">{t('outside.housePrivacy')}</p>
      {counts.isPending ? (
        <Loading />
      ) : counts.isError ? (
        <LoadProblem error={counts.error} onRetry={() => void counts.refetch()} />
      ) : counts.data.residents.length === 0 ? (
        <p className="hint">{t('outside.houseEmpty')}</p>
      ) : (
        <table className="outside-counts stack-table">
          <caption id={`${headingId}-caption`}>
            {counts.data.goal ? t('outside.houseGoal', { goal: counts.data.goal }) : t('outside.houseNoGoal')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('outside.resident')}</th>
              {counts.data.weeks.map((week, i) => (
                <th scope="col" key={week}>
                  {weekLabel(i)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {counts.data.residents.map((r) => (
              <tr key={r.personId}>
                <th scope="row">{r.displayName}</th>
                {r.counts.map((n, i) => (
                  <td key={counts.data.weeks[i]} data-label={weekLabel(i)}>
                    {n}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
