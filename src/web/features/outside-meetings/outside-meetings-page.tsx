// Meetings outside the house: my week against the house's goal, the directory with filters, and for
// peer leaders and admins the house's counts, adding meetings, importing and the public feed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAdmin, ledResidenceIds, useMe } from '../../app/session.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { Loading, LoadProblem } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { AttendanceSection } from './attendance-section.tsx';
import { DirectoryFiltersForm } from './directory-filters.tsx';
import { HouseCounts } from './house-counts.tsx';
import { ImportSection } from './import-section.tsx';
import { MeetingCard } from './meeting-card.tsx';
import { MeetingForm } from './meeting-form.tsx';
import { type DirectoryFilters, EMPTY_FILTERS, useDirectory } from './outside-api.ts';

export function OutsideMeetingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [filters, setFilters] = useState<DirectoryFilters>(EMPTY_FILTERS);
  const [adding, setAdding] = useState(false);
  const directory = useDirectory(filters);
  const all = useDirectory(EMPTY_FILTERS);
  const led = ledResidenceIds(me);
  return (
    <Page title={t('outside.title')} intro={t('outside.intro')}>
      <AttendanceSection meetings={all.data?.meetings ?? []} />
      {led.map((residenceId) => (
        <HouseCounts key={residenceId} residenceId={residenceId} />
      ))}
      <section className="card" aria-labelledby="directory-heading">
        <h2 id="directory-heading">{t('outside.directoryHeading')}</h2>
        <DirectoryFiltersForm filters={filters} onChange={setFilters} />
        {directory.isPending ? (
          <Loading />
        ) : directory.isError ? (
          <LoadProblem error={directory.error} onRetry={() => void directory.refetch()} />
        ) : (
          <>
            <p className="hint" role="status">
              {t('outside.found', { count: directory.data.meetings.length })}
            </p>
            <ul className="outside-meetings">
              {directory.data.meetings.map((m) => (
                <MeetingCard
                  key={m.id}
                  meeting={m}
                  canCurate={directory.data.canCurate}
                  meetingArea={directory.data.meetingArea}
                />
              ))}
            </ul>
          </>
        )}
      </section>
      {all.data ? <PublicCalendar path={all.data.calendarPath} /> : null}
      {directory.data?.canAdd ? (
        <section className="card" aria-labelledby="add-meeting-heading">
          <h2 id="add-meeting-heading">{t('outside.addHeading')}</h2>
          <p className="hint">{isAdmin(me) ? t('outside.addHintAdmin') : t('outside.addHintLeader')}</p>
          {adding ? (
            <MeetingForm
              meeting={null}
              canPublish={isAdmin(me)}
              meetingArea={directory.data.meetingArea}
              onDone={() => setAdding(false)}
            />
          ) : (
            <button type="button" className="button button-secondary" onClick={() => setAdding(true)}>
              {t('outside.addButton')}
            </button>
          )}
        </section>
      ) : null}
      {directory.data?.canCurate ? (
        <ImportSection feedPath={directory.data.feedPath} meetingArea={directory.data.meetingArea} />
      ) : null}
    </Page>
  );
}

/** The shared meetings as a calendar a phone can follow: they stay up to date there. */
function PublicCalendar({ path }: { path: string }) {
  const { t } = useTranslation();
  const url = `${window.location.origin}${path}`;
  return (
    <section className="card" aria-labelledby="outside-calendar-heading">
      <h2 id="outside-calendar-heading">{t('outside.calendarHeading')}</h2>
      <p className="hint">{t('outside.calendarHint')}</p>
      <div className="button-row">
        <a className="button" href={url.replace(/^https?:\/\//, 'webcal://')}>
          {t('outside.calendarOpen')}
        </a>
        <CopyButton text={url} label={t('outside.calendarCopy')} />
      </div>
    </section>
  );
}
