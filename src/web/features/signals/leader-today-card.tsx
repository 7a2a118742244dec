// The peer leader's day on Today: who may need them, one line per person (never their words), what is new
// since they last looked first and the rest folded under "Earlier"; "I've seen this" notes a person's
// signals and can be undone for a few seconds (decision 0032). Nothing for someone who leads no house.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type LeaderDayHouseView,
  type LeaderDayPersonView,
  signalApi,
} from '../../../shared/contracts/signals.ts';
import type { SignalKind, SupportKind } from '../../../shared/domain/check-in.ts';
import { call, keyOf, queryFor } from '../../app/api.ts';
import { useRealtime } from '../../app/realtime.tsx';
import { ledResidenceIds, useMe } from '../../app/session.ts';
import { formatDateTime } from '../../components/format.ts';
import { Hidden, Loading, LoadProblem } from '../../components/notice.tsx';

/** How long "Noted — Undo" stays on screen (the server allows a minute). */
const UNDO_MS = 8000;

export function LeaderTodayCard() {
  const me = useMe();
  if (ledResidenceIds(me).length === 0) return null;
  return <LeaderDay />;
}

function LeaderDay() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const day = useQuery(queryFor(signalApi.today));
  // A signal raised, or noted by another peer leader: read the day again.
  useRealtime('signals.', () => void queryClient.invalidateQueries({ queryKey: keyOf(signalApi.today) }));
  if (day.isPending) {
    return (
      <section className="card" aria-label={t('leaderDay.heading')}>
        <Loading />
      </section>
    );
  }
  if (day.isError) {
    return (
      <section className="card" aria-label={t('leaderDay.heading')}>
        <LoadProblem error={day.error} onRetry={() => void day.refetch()} />
      </section>
    );
  }
  const many = day.data.houses.length > 1;
  return (
    <>
      {day.data.houses.map((house) => (
        <HouseDay key={house.residenceId} house={house} named={many} />
      ))}
    </>
  );
}

type Shown = { what: 'noted' | 'undone'; name: string; ids: string[] };

function HouseDay({ house, named }: { house: LeaderDayHouseView; named: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // What was new when Today opened stays new while it is open, though the server now knows we looked.
  const [since] = useState(house.newSince);
  const isNew = (at: string) => since === null || at > since;
  const newest = house.people.reduce<string | null>(
    (m, p) => (m === null || p.latestAt > m ? p.latestAt : m),
    null,
  );
  const seen = useMutation({
    mutationFn: (upTo: string) => call(signalApi.seen, { params: { id: house.residenceId }, body: { upTo } }),
  });
  const seenMutate = seen.mutate;
  useEffect(() => {
    if (newest && (house.newSince === null || newest > house.newSince)) seenMutate(newest);
  }, [newest, house.newSince, seenMutate]);

  const [shown, setShown] = useState<Shown | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!shown) return;
    if (shown.what === 'noted') undoRef.current?.focus();
    const timer = setTimeout(() => setShown(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [shown]);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: keyOf(signalApi.today) });
    void queryClient.invalidateQueries({
      queryKey: keyOf(signalApi.list, { params: { id: house.residenceId } }),
    });
  };
  const note = useMutation({
    mutationFn: (person: LeaderDayPersonView) =>
      call(signalApi.acknowledgePerson, {
        params: { id: house.residenceId, personId: person.personId },
        body: {},
      }),
    onSuccess: (answer, person) => {
      setShown({ what: 'noted', name: person.displayName, ids: answer.signals.map((s) => s.id) });
      refresh();
    },
  });
  const undo = useMutation({
    mutationFn: (ids: string[]) => call(signalApi.undoAcknowledge, { body: { ids } }),
    onSuccess: () => {
      setShown((s) => (s ? { ...s, what: 'undone' } : s));
      refresh();
    },
  });

  const fresh = house.people.filter((p) => p.signals.some((s) => isNew(s.raisedAt)));
  const earlier = house.people.filter((p) => !fresh.includes(p));
  const headingId = `leader-day-${house.residenceId}`;
  const row = (p: LeaderDayPersonView) => (
    <PersonRow
      key={p.personId}
      person={p}
      isNew={fresh.includes(p)}
      busy={note.isPending}
      onSeen={() => note.mutate(p)}
    />
  );
  return (
    <section className="card card-highlight leader-day" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {named ? t('leaderDay.headingHouse', { house: house.residenceName }) : t('leaderDay.heading')}
      </h2>
      <p className="hint">{t('leaderDay.privacy')}</p>
      {house.people.length === 0 ? (
        <p>{t('leaderDay.nothing')}</p>
      ) : fresh.length === 0 ? (
        <p>{t('leaderDay.nothingNew')}</p>
      ) : (
        <>
          <p>{t('leaderDay.new', { count: fresh.length })}</p>
          <ul className="signals">{fresh.map(row)}</ul>
        </>
      )}
      <div role="status" aria-live="polite" className="leader-day-status">
        {shown ? (
          <p className="notice notice-success">
            {t(shown.what === 'noted' ? 'leaderDay.noted' : 'leaderDay.undone', { name: shown.name })}{' '}
            {shown.what === 'noted' ? (
              <button
                ref={undoRef}
                type="button"
                className="button button-secondary button-small"
                disabled={undo.isPending}
                onClick={() => undo.mutate(shown.ids)}
              >
                {t('leaderDay.undo')}
                <Hidden> {t('leaderDay.undoFor', { name: shown.name })}</Hidden>
              </button>
            ) : null}
          </p>
        ) : null}
      </div>
      {earlier.length > 0 ? (
        <details className="leader-day-earlier">
          <summary>{t('leaderDay.earlier', { count: earlier.length })}</summary>
          <ul className="signals">{earlier.map(row)}</ul>
        </details>
      ) : null}
      <p>
        <Link to={`/house/${house.residenceId}/support`}>{t('leaderDay.fullView')}</Link>
      </p>
    </section>
  );
}

function PersonRow({
  person,
  isNew,
  busy,
  onSeen,
}: {
  person: LeaderDayPersonView;
  isNew: boolean;
  busy: boolean;
  onSeen: () => void;
}) {
  const { t, i18n } = useTranslation();
  // One line per kind, with how many times (newest first, as the signals come).
  const kinds = new Map<SignalKind, { count: number; supportKind: SupportKind | null }>();
  for (const s of person.signals) {
    const k = kinds.get(s.kind) ?? { count: 0, supportKind: s.supportKind };
    k.count += 1;
    kinds.set(s.kind, k);
  }
  const words = [...kinds].map(([kind, { count, supportKind }]) => {
    const name = t(`signalKinds.${kind}`);
    const withSupport = supportKind ? `${name} (${t(`supportKinds.${supportKind}`)})` : name;
    return t('leaderDay.kindTimes', { kind: withSupport, count });
  });
  return (
    <li className={`signal signal-${person.severity}`}>
      <p className="signal-line">
        <strong>{person.displayName}</strong>
        {isNew ? <span className="badge">{t('leaderDay.newBadge')}</span> : null}
        {' · '}
        {t(`severities.${person.severity}`)}
      </p>
      <p>{words.join(' · ')}</p>
      <p className="hint">
        {t('leaderDay.latest', { time: formatDateTime(person.latestAt, i18n.language) })}
      </p>
      <button type="button" className="button button-secondary button-small" disabled={busy} onClick={onSeen}>
        {t('leaderDay.seen')}
        <Hidden> {t('common.forPerson', { name: person.displayName })}</Hidden>
      </button>
    </li>
  );
}
