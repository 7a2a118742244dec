// The journey's charts: my mood, craving and sleep; my BARC-10 totals; a house's weekly check-ins.
// Drawn as plain SVG by LineChart, each with its table; this module is its own lazily loaded chunk.
import { useTranslation } from 'react-i18next';
import type { Barc10View } from '../../../../shared/contracts/barc10.ts';
import type { CheckInStatsView, CheckInView } from '../../../../shared/contracts/check-ins.ts';
import { BARC10_REFERENCE, BARC10_TOTAL_MAX, BARC10_TOTAL_MIN } from '../../../../shared/domain/barc10.ts';
import { addDays, daysBetween } from '../../../../shared/domain/recovery-time.ts';
import { formatDate } from '../../../components/format.ts';
import { type ChartPoint, LineChart } from './line-chart.tsx';

const shortDate = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );

const average = (values: number[]) =>
  values.length === 0 ? 0 : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

/** Every day from `from` to `to`, with the check-in's value or a gap. */
function dailyPoints(
  checkIns: CheckInView[],
  from: string,
  to: string,
  pick: (c: CheckInView) => number | null,
  language: string,
): ChartPoint[] {
  const byDate = new Map(checkIns.map((c) => [c.localDate, c]));
  const points: ChartPoint[] = [];
  const length = daysBetween(from, to);
  for (let i = 0; i <= length; i++) {
    const date = addDays(from, i);
    const found = byDate.get(date);
    points.push({ label: shortDate(date, language), value: found ? pick(found) : null });
  }
  return points;
}

export function ProgressCharts({
  checkIns,
  from,
  to,
}: {
  checkIns: CheckInView[];
  from: string;
  to: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const series = [
    { key: 'mood', title: t('progress.mood'), min: 1, max: 5, pick: (c: CheckInView) => c.mood },
    { key: 'craving', title: t('progress.craving'), min: 0, max: 10, pick: (c: CheckInView) => c.craving },
    { key: 'sleep', title: t('progress.sleep'), min: 0, max: 12, pick: (c: CheckInView) => c.sleepHours },
  ] as const;
  return (
    <>
      {series.map((s) => {
        const values = checkIns.map(s.pick).filter((v): v is number => v !== null);
        return (
          <LineChart
            key={s.key}
            title={s.title}
            summary={t('progress.summary', { count: values.length, average: average(values) })}
            points={dailyPoints(checkIns, from, to, s.pick, lang)}
            min={s.min}
            max={Math.max(s.max, ...values)}
            valueLabel={s.title}
          />
        );
      })}
    </>
  );
}

export function Barc10Chart({ assessments }: { assessments: Barc10View[] }) {
  const { t, i18n } = useTranslation();
  const latest = assessments.at(-1)?.total ?? 0;
  return (
    <LineChart
      title={t('barc10.chartTitle')}
      summary={t('barc10.chartSummary', { count: assessments.length, latest })}
      points={assessments.map((a) => ({ label: formatDate(a.localDate, i18n.language), value: a.total }))}
      min={BARC10_TOTAL_MIN}
      max={BARC10_TOTAL_MAX}
      valueLabel={t('barc10.total')}
      reference={{ value: BARC10_REFERENCE, label: t('barc10.referenceLabel') }}
    />
  );
}

export function HouseStatsCharts({ stats }: { stats: CheckInStatsView }) {
  const { t, i18n } = useTranslation();
  const weeks = stats.weeks;
  const label = (w: CheckInStatsView['weeks'][number]) => shortDate(w.weekStart, i18n.language);
  const rate = weeks.map((w) => ({
    label: label(w),
    value: w.checkInRate === null ? null : Math.round(w.checkInRate * 100),
  }));
  const mood = weeks.map((w) => ({
    label: label(w),
    value: w.averageMood === null ? null : Math.round(w.averageMood * 10) / 10,
  }));
  const lastRate = rate.filter((p) => p.value !== null).at(-1)?.value ?? 0;
  const lastMood = mood.filter((p) => p.value !== null).at(-1)?.value ?? 0;
  return (
    <>
      <LineChart
        title={t('support.rateChart')}
        summary={t('support.rateSummary', { weeks: weeks.length, latest: lastRate })}
        points={rate}
        min={0}
        max={100}
        valueLabel={t('support.rate')}
        formatValue={(v) => `${v}%`}
      />
      <LineChart
        title={t('support.moodChart')}
        summary={t('support.moodSummary', { weeks: weeks.length, latest: lastMood })}
        points={mood}
        min={1}
        max={5}
        valueLabel={t('support.averageMood')}
      />
      {weeks.some((w) => w.suppressed) ? (
        <p className="hint">{t('support.suppressed', { count: stats.minimumPeople })}</p>
      ) : null}
    </>
  );
}
