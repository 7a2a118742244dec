// "Past clocks": the clocks a person put away, with their history as it stood that day, readable only by
// them, and a way to bring each one back to Today. Putting a clock away is never shown as a failure.
import { useTranslation } from 'react-i18next';
import type { PastClockView } from '../../../shared/contracts/journey.ts';
import { formatDate } from '../../components/format.ts';
import { FormProblem, Hidden } from '../../components/notice.tsx';
import { daysText, useRestoreClock } from './journey-api.ts';

export function PastClocks({
  clocks,
  onRestored,
}: {
  clocks: readonly PastClockView[];
  onRestored: (label: string) => void;
}) {
  const { t } = useTranslation();
  if (clocks.length === 0) return null;
  return (
    <section className="card past-clocks" aria-labelledby="past-clocks">
      <h2 id="past-clocks">{t('clocks.pastHeading')}</h2>
      <p className="hint">{t('clocks.pastIntro')}</p>
      <ul className="plain-list">
        {clocks.map((clock) => (
          <PastClock key={clock.id} clock={clock} onRestored={onRestored} />
        ))}
      </ul>
    </section>
  );
}

function PastClock({ clock, onRestored }: { clock: PastClockView; onRestored: (label: string) => void }) {
  const { t, i18n } = useTranslation();
  const restore = useRestoreClock(clock.id);
  const title = clock.label || t('clocks.defaultLabel');
  const date = (d: string) => formatDate(d, i18n.language);
  const headingId = `past-clock-${clock.id}`;
  return (
    <li className="past-clock" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <p className="hint">{t('clocks.pastArchivedOn', { date: date(clock.archivedOn) })}</p>
      <ul className="plain-list">
        <li>{t('clocks.longest', { days: daysText(t, clock.longestDays) })}</li>
        <li>{t('clocks.total', { days: daysText(t, clock.totalDays) })}</li>
        {clock.resets > 0 ? <li>{t('clocks.resets', { count: clock.resets })}</li> : null}
      </ul>
      {clock.stretches.length > 1 ? (
        <ul className="stretches">
          {clock.stretches.map((s) => (
            <li key={s.id}>
              {t('clocks.stretch', {
                from: date(s.startsOn),
                to: date(s.endsOn ?? clock.archivedOn),
                days: daysText(t, s.days),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      <FormProblem error={restore.error} fields={[]} />
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={restore.isPending}
        onClick={() => restore.mutate(undefined, { onSuccess: () => onRestored(title) })}
      >
        {t('clocks.restore')}
        <Hidden> {t('clocks.restoreFor', { label: title })}</Hidden>
      </button>
    </li>
  );
}
