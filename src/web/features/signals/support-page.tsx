// The peer leader's view of a house: who may need them (signals — never private words), milestones
// to celebrate, who has gone quiet, who asked for support today, and the house's weekly check-ins.
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { houseApi } from '../../../shared/contracts/residences.ts';
import type { SignalView } from '../../../shared/contracts/signals.ts';
import { queryFor } from '../../app/api.ts';
import { useFormErrors } from '../../components/errors.ts';
import { TextField } from '../../components/fields.tsx';
import { formatDate, formatDateTime, todayIso } from '../../components/format.ts';
import { FormProblem, Hidden, Loading, LoadProblem } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { ChartsLoading, HouseStatsCharts } from '../journey/charts/lazy-charts.tsx';
import { milestoneName } from '../journey/journey-api.ts';
import { useAcknowledgeSignal, useCheckInStats, useSignals, useUpcomingMilestones } from './signals-api.ts';

export function SupportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const houses = useQuery(queryFor(houseApi.mine));
  const name = houses.data?.houses.find((h) => h.residence.id === id)?.residence.name;
  return (
    <Page title={name ? t('support.title', { house: name }) : t('support.titleGeneric')}>
      <p className="hint">{t('support.privacy')}</p>
      <SupportSections residenceId={id} />
    </Page>
  );
}

export function SupportSections({ residenceId }: { residenceId: string }) {
  const signals = useSignals(residenceId);
  return (
    <>
      {signals.isPending ? (
        <Loading />
      ) : signals.isError ? (
        <LoadProblem error={signals.error} onRetry={() => void signals.refetch()} />
      ) : (
        <SignalSections residenceId={residenceId} signals={signals.data.signals} />
      )}
      <UpcomingMilestones residenceId={residenceId} />
      <HouseStats residenceId={residenceId} />
    </>
  );
}

function SignalSections({ residenceId, signals }: { residenceId: string; signals: SignalView[] }) {
  const { t } = useTranslation();
  const open = signals.filter((s) => !s.acknowledgement);
  const done = signals.filter((s) => s.acknowledgement);
  const today = todayIso();
  const askedToday = signals.filter((s) => s.kind === 'support_request' && s.localDate === today);
  const silent = open.filter((s) => s.kind === 'silence');
  return (
    <>
      <section className="card" aria-labelledby="signals-open">
        <h2 id="signals-open">{t('support.signalsHeading')}</h2>
        {open.length === 0 ? (
          <p className="hint">{t('support.noSignals')}</p>
        ) : (
          <ul className="signals">
            {open.map((s) => (
              <SignalItem key={s.id} signal={s} residenceId={residenceId} />
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="signals-today">
        <h2 id="signals-today">{t('support.supportTodayHeading')}</h2>
        <NameList
          names={askedToday.map((s) => ({
            id: s.id,
            text: s.supportKind ? `${s.displayName} (${t(`supportKinds.${s.supportKind}`)})` : s.displayName,
          }))}
          empty={t('support.noSupportToday')}
        />
      </section>
      <section className="card" aria-labelledby="signals-silent">
        <h2 id="signals-silent">{t('support.silentHeading')}</h2>
        <NameList
          names={silent.map((s) => ({ id: s.id, text: s.displayName }))}
          empty={t('support.noSilent')}
        />
      </section>
      <section className="card" aria-labelledby="signals-done">
        <h2 id="signals-done">{t('support.acknowledgedHeading')}</h2>
        {done.length === 0 ? (
          <p className="hint">{t('support.noAcknowledged')}</p>
        ) : (
          <ul className="signals">
            {done.map((s) => (
              <SignalItem key={s.id} signal={s} residenceId={residenceId} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function NameList({ names, empty }: { names: { id: string; text: string }[]; empty: string }) {
  if (names.length === 0) return <p className="hint">{empty}</p>;
  return (
    <ul className="plain-list">
      {names.map((n) => (
        <li key={n.id}>{n.text}</li>
      ))}
    </ul>
  );
}

function SignalItem({ signal, residenceId }: { signal: SignalView; residenceId: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const acknowledge = useAcknowledgeSignal(residenceId);
  const { fieldError } = useFormErrors(acknowledge.error, ['note']);
  const kind = t(`signalKinds.${signal.kind}`);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    acknowledge.mutate({ id: signal.id, note: note.trim() }, { onSuccess: () => setOpen(false) });
  };
  return (
    <li className={`signal signal-${signal.severity}`}>
      <p className="signal-line">
        <strong>{t('support.signal', { name: signal.displayName, kind })}</strong>
        {signal.supportKind ? ` · ${t(`supportKinds.${signal.supportKind}`)}` : null}
      </p>
      <p className="hint">
        {t(`severities.${signal.severity}`)} ·{' '}
        {t('support.raised', { time: formatDateTime(signal.raisedAt, i18n.language) })}
      </p>
      {signal.acknowledgement ? (
        <p className="signal-ack">
          {t('support.acknowledgedBy', {
            time: formatDateTime(signal.acknowledgement.at, i18n.language),
            name: signal.acknowledgement.byName,
          })}
          {signal.acknowledgement.note ? `: “${signal.acknowledgement.note}”` : null}
        </p>
      ) : open ? (
        <form className="form card-inset" onSubmit={onSubmit} noValidate>
          <FormProblem error={acknowledge.error} fields={['note']} />
          <TextField
            label={t('support.note')}
            hint={t('support.noteHint')}
            name="note"
            maxLength={280}
            value={note}
            onChange={(e) => {
              acknowledge.reset();
              setNote(e.target.value);
            }}
            error={fieldError('note')}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={acknowledge.isPending}>
              {t('support.saveAcknowledge')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button-secondary button-small" onClick={() => setOpen(true)}>
          {t('support.acknowledge')}
          <Hidden> {t('common.forPerson', { name: signal.displayName })}</Hidden>
        </button>
      )}
    </li>
  );
}

function UpcomingMilestones({ residenceId }: { residenceId: string }) {
  const { t, i18n } = useTranslation();
  const upcoming = useUpcomingMilestones(residenceId);
  return (
    <section className="card" aria-labelledby="upcoming-milestones">
      <h2 id="upcoming-milestones">{t('support.upcomingHeading')}</h2>
      {upcoming.isPending ? (
        <Loading />
      ) : upcoming.isError ? (
        <LoadProblem error={upcoming.error} onRetry={() => void upcoming.refetch()} />
      ) : upcoming.data.upcoming.length === 0 ? (
        <p className="hint">{t('support.noUpcoming')}</p>
      ) : (
        <ul className="plain-list">
          {upcoming.data.upcoming.map((u) => (
            <li key={`${u.personId}-${u.milestone.key}`}>
              {t('support.upcoming', {
                name: u.displayName,
                milestone: milestoneName(t, u.milestone),
                date: formatDate(u.date, i18n.language),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function HouseStats({ residenceId }: { residenceId: string }) {
  const { t } = useTranslation();
  const stats = useCheckInStats(residenceId);
  return (
    <section className="card" aria-labelledby="house-stats">
      <h2 id="house-stats">{t('support.statsHeading')}</h2>
      {stats.isPending ? (
        <Loading />
      ) : stats.isError ? (
        <LoadProblem error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <ChartsLoading>
          <HouseStatsCharts stats={stats.data} />
        </ChartsLoading>
      )}
    </section>
  );
}
