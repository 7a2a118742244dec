// Today, a resident's home, in the order of a day: the check-in first, then what needs them (notifications,
// commitments, BARC-10 when due), then recovery time big and kind with the next milestone.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { barc10Api } from '../../../shared/contracts/barc10.ts';
import { queryFor } from '../../app/api.ts';
import { useMe } from '../../app/session.ts';
import { Loading, LoadProblem, Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { pendingCheckIn, usePendingCheckInSync, useTodayCheckIn } from '../check-ins/check-in-api.ts';
import { MyCommitments } from '../meetings/decisions/my-commitments.tsx';
import { NotificationsCard } from '../meetings/notifications-card.tsx';
import { LeaderTodayCard } from '../signals/leader-today-card.tsx';
import { ClockCard } from './clock-card.tsx';
import { useJourney } from './journey-api.ts';
import { NewClockForm } from './new-clock-form.tsx';
import { PastClocks } from './past-clocks.tsx';

export function TodayPage() {
  const { t } = useTranslation();
  const journey = useJourney();
  // Putting a clock away or bringing one back moves it across the page: say so where the person is.
  const [moved, setMoved] = useState<{ what: 'archived' | 'restored'; label: string } | null>(null);
  const movedRef = useRef<HTMLDivElement>(null);
  // The card that had focus is gone: focus (and scroll to) the words that say where it went.
  useEffect(() => {
    if (moved) movedRef.current?.focus();
  }, [moved]);
  return (
    <Page title={t('today.title')}>
      {moved ? (
        <div ref={movedRef} tabIndex={-1}>
          <Notice tone="success">{t(`clocks.${moved.what}`, { label: moved.label })}</Notice>
        </div>
      ) : null}
      {/* What a person does daily comes first: the check-in, then what needs them, then their clocks. */}
      <CheckInStatus />
      <NeedsYou />
      <div className="today-clocks">
        {journey.isPending ? (
          <Loading />
        ) : journey.isError ? (
          <LoadProblem error={journey.error} onRetry={() => void journey.refetch()} />
        ) : journey.data.clocks.length === 0 ? (
          <section className="card" aria-labelledby="no-clock">
            <h2 id="no-clock">{t('today.noClockTitle')}</h2>
            <p>{t('today.noClockText')}</p>
            <NewClockForm today={journey.data.today} headingLevel={3} />
          </section>
        ) : (
          journey.data.clocks.map((clock) => (
            <ClockCard
              key={clock.id}
              clock={clock}
              today={journey.data.today}
              onArchived={(label) => setMoved({ what: 'archived', label })}
            />
          ))
        )}
      </div>
      <section className="card" aria-labelledby="today-more">
        <h2 id="today-more">{t('today.linksHeading')}</h2>
        <ul className="link-list">
          <li>
            <Link to="/progress">{t('today.progressLink')}</Link>
          </li>
          <li>
            <Link to="/barc10">{t('today.barcLink')}</Link>
          </li>
        </ul>
        {journey.data && journey.data.clocks.length > 0 ? (
          <details className="add-clock">
            <summary>{t('today.addClock')}</summary>
            <NewClockForm today={journey.data.today} headingLevel={3} />
          </details>
        ) : null}
      </section>
      {journey.data ? (
        <PastClocks
          clocks={journey.data.pastClocks}
          onRestored={(label) => setMoved({ what: 'restored', label })}
        />
      ) : null}
    </Page>
  );
}

/**
 * What needs the person today, as one group: unread notifications (a meeting tonight, an answer to a
 * request), the commitments they made or that are for them, the BARC-10 when due. A new card of this kind
 * goes here.
 */
function NeedsYou() {
  const { t } = useTranslation();
  return (
    <section className="needs-you" aria-labelledby="needs-you">
      <h2 id="needs-you" className="group-heading">
        {t('today.needsYouHeading')}
      </h2>
      <LeaderTodayCard />
      <NotificationsCard />
      <MyCommitments />
      <Barc10Due />
    </section>
  );
}

/** The check-in, first on Today: one big button, or "checked in today ✓" with a quiet way to change it. */
function CheckInStatus() {
  const { t } = useTranslation();
  const me = useMe();
  const today = useTodayCheckIn();
  const sent = usePendingCheckInSync(me.id);
  const done = Boolean(today.data?.checkIn);
  const pending = !done && pendingCheckIn(me.id) !== null;
  return (
    <section className="card check-in-status" aria-labelledby="today-check-in">
      <h2 id="today-check-in">{t('today.checkInHeading')}</h2>
      {today.isPending ? (
        <Loading />
      ) : today.isError ? (
        <LoadProblem error={today.error} onRetry={() => void today.refetch()} />
      ) : (
        <>
          {sent ? <Notice tone="success">{t('checkIn.sent')}</Notice> : null}
          {pending ? <Notice>{t('today.pendingCheckIn')}</Notice> : null}
          <p className={done ? 'done' : undefined}>
            {done ? (
              <>
                {t('today.checkInDone')} <span aria-hidden="true">✓</span>
              </>
            ) : (
              t('today.checkInNotYet')
            )}
          </p>
          <Link to="/check-in" className={`button${done ? ' button-secondary' : ' button-large'}`}>
            {done ? t('today.checkInEdit') : t('today.checkInButton')}
          </Link>
        </>
      )}
    </section>
  );
}

function Barc10Due() {
  const { t } = useTranslation();
  const barc = useQuery(queryFor(barc10Api.mine));
  if (!barc.data?.due) return null;
  return (
    <section className="card card-highlight" aria-labelledby="today-barc">
      <h2 id="today-barc">{t('today.barcDueHeading')}</h2>
      <p>{t('today.barcDueText')}</p>
      <Link to="/barc10" className="button button-secondary">
        {t('today.barcDueButton')}
      </Link>
    </section>
  );
}
