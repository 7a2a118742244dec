// One recovery clock: the days, big; the calendar breakdown; the next milestone; its name and who sees
// it; the history of stretches; the kind way to record a new start, and to put the clock away.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockView } from '../../../shared/contracts/journey.ts';
import type { RecoveryAudience } from '../../../shared/domain/recovery-time.ts';
import { useFormErrors } from '../../components/errors.ts';
import { TextField } from '../../components/fields.tsx';
import { formatDate } from '../../components/format.ts';
import { FormProblem, Hidden, Notice } from '../../components/notice.tsx';
import {
  breakdownText,
  daysText,
  milestoneName,
  useArchiveClock,
  useResetClock,
  useUpdateClock,
} from './journey-api.ts';
import { VisibilitySelect } from './new-clock-form.tsx';

export function ClockCard({
  clock,
  today,
  onArchived,
}: {
  clock: ClockView;
  today: string;
  onArchived: (label: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [resetDone, setResetDone] = useState(false);
  const headingId = `clock-${clock.id}`;
  const title = clock.label || t('clocks.defaultLabel');
  const next = clock.nextMilestone;
  return (
    <section className="card clock" aria-labelledby={headingId}>
      <h2 id={headingId} className="clock-label">
        {title}
      </h2>
      <p className="clock-days">{t('today.days', { count: clock.current.days })}</p>
      <p className="clock-breakdown">{breakdownText(t, clock.current.breakdown)}</p>
      <p className="hint">
        {t('clocks.since', { date: formatDate(clock.current.startsOn, i18n.language) })}
        {' · '}
        {t('clocks.stage', { stage: t(`stages.names.${clock.current.stage}`) })}
      </p>
      {resetDone ? <Notice tone="success">{t('clocks.resetDone')}</Notice> : null}
      <p className="clock-next">
        {next.daysTo <= 0
          ? t('clocks.nextMilestoneToday', { milestone: milestoneName(t, next) })
          : t('clocks.nextMilestone', { milestone: milestoneName(t, next), days: daysText(t, next.daysTo) })}
      </p>
      <ClockHistory clock={clock} />
      <ClockSettings clock={clock} />
      <ResetFlow clock={clock} today={today} onDone={() => setResetDone(true)} />
      <ArchiveFlow clock={clock} onDone={() => onArchived(title)} />
    </section>
  );
}

function ClockHistory({ clock }: { clock: ClockView }) {
  const { t, i18n } = useTranslation();
  const date = (d: string) => formatDate(d, i18n.language);
  return (
    <div className="clock-history">
      <h3>{t('clocks.historyHeading')}</h3>
      <ul className="plain-list">
        <li>{t('clocks.longest', { days: daysText(t, clock.longestDays) })}</li>
        <li>{t('clocks.total', { days: daysText(t, clock.totalDays) })}</li>
        {clock.resets > 0 ? <li>{t('clocks.resets', { count: clock.resets })}</li> : null}
      </ul>
      {clock.stretches.length > 1 ? (
        <ul className="stretches">
          {clock.stretches.map((s) => (
            <li key={s.id}>
              {s.endsOn
                ? t('clocks.stretch', {
                    from: date(s.startsOn),
                    to: date(s.endsOn),
                    days: daysText(t, s.days),
                  })
                : t('clocks.stretchCurrent', { from: date(s.startsOn), days: daysText(t, s.days) })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const SETTINGS_FIELDS = ['label', 'visibleTo'] as const;

/** The clock's name and who sees it, behind a disclosure so the card stays short on a phone. */
function ClockSettings({ clock }: { clock: ClockView }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(clock.label);
  const [visibleTo, setVisibleTo] = useState<RecoveryAudience>(clock.visibleTo);
  const update = useUpdateClock(clock.id);
  const { fieldError } = useFormErrors(update.error, SETTINGS_FIELDS);
  const title = clock.label || t('clocks.defaultLabel');
  const changed = () => update.reset();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ label: label.trim(), visibleTo });
  };
  return (
    <details className="clock-settings">
      <summary>
        {t('clocks.settingsSummary')}
        <Hidden> {t('clocks.settingsSummaryFor', { label: title })}</Hidden>
      </summary>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={t('clocks.settingsSummary')}>
        <FormProblem error={update.error} fields={SETTINGS_FIELDS} />
        <TextField
          label={t('clocks.label')}
          hint={t('clocks.labelHint')}
          name="label"
          maxLength={40}
          value={label}
          onChange={(e) => {
            changed();
            setLabel(e.target.value);
          }}
          error={fieldError('label')}
        />
        <VisibilitySelect
          value={visibleTo}
          onChange={(v) => {
            changed();
            setVisibleTo(v);
          }}
          error={fieldError('visibleTo')}
        />
        {update.isSuccess ? <Notice tone="success">{t('clocks.settingsSaved')}</Notice> : null}
        <button type="submit" className="button button-secondary" disabled={update.isPending}>
          {t('clocks.saveSettings')}
        </button>
      </form>
    </details>
  );
}

/** Putting a clock away, asked once more in kind words: it is not a failure, and it can come back. */
function ArchiveFlow({ clock, onDone }: { clock: ClockView; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const archive = useArchiveClock(clock.id);
  const headingId = `archive-${clock.id}`;
  if (!open) {
    return (
      <p>
        <button type="button" className="button button-quiet" onClick={() => setOpen(true)}>
          {t('clocks.archiveButton')}
        </button>
      </p>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    archive.mutate(undefined, { onSuccess: onDone });
  };
  return (
    <form className="form card-inset archive-flow" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>{t('clocks.archiveHeading')}</h3>
      <p>{t('clocks.archiveText')}</p>
      <FormProblem error={archive.error} fields={[]} />
      <div className="button-row">
        <button type="submit" className="button" disabled={archive.isPending}>
          {t('clocks.archiveConfirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function ResetFlow({ clock, today, onDone }: { clock: ClockView; today: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [startsOn, setStartsOn] = useState(today);
  const reset = useResetClock(clock.id);
  const { fieldError } = useFormErrors(reset.error, ['startsOn']);
  if (!open) {
    return (
      <p>
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {t('clocks.resetButton')}
        </button>
      </p>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate(
      { startsOn },
      {
        onSuccess: () => {
          setOpen(false);
          onDone();
        },
      },
    );
  };
  return (
    <form
      className="form card-inset reset-flow"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`reset-${clock.id}`}
    >
      <h3 id={`reset-${clock.id}`}>{t('clocks.resetHeading')}</h3>
      <p>{t('clocks.resetText')}</p>
      <FormProblem error={reset.error} fields={['startsOn']} />
      <TextField
        label={t('clocks.resetDate')}
        name="startsOn"
        type="date"
        max={today}
        value={startsOn}
        onChange={(e) => {
          reset.reset();
          setStartsOn(e.target.value);
        }}
        error={fieldError('startsOn')}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={reset.isPending}>
          {t('clocks.resetConfirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
