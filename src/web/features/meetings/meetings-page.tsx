// /meetings: my house's next meeting (with "add to the agenda"), what is coming, past meetings with
// their minutes, and for the peer leader (or an admin) the schedule and how the house meets.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingSummary } from '../../../shared/contracts/meetings.ts';
import { houseApi, residenceApi } from '../../../shared/contracts/residences.ts';
import { queryFor } from '../../app/api.ts';
import { hasHouseRole, isAdmin, useMe } from '../../app/session.ts';
import { SelectField } from '../../components/fields.tsx';
import { Loading, LoadProblem } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { CalendarSubscribe } from '../calendars/calendar-subscribe.tsx';
import { AddAgendaItemForm } from './add-agenda-item-form.tsx';
import { EmergencyMeetingForm } from './emergency-meeting-form.tsx';
import { formatMeetingTime, useHouseMeetings } from './meetings-api.ts';
import { ScheduleAdmin } from './schedule-admin.tsx';

/** The houses I belong to; an admin (who lives in none) chooses among the organization's houses. */
function useMyHouses() {
  const me = useMe();
  const admin = isAdmin(me);
  const houses = useQuery(queryFor(houseApi.mine));
  const residences = useQuery({ ...queryFor(residenceApi.list), enabled: admin });
  const mine = (houses.data?.houses ?? []).map((h) => ({ id: h.residence.id, name: h.residence.name }));
  const all = admin ? (residences.data?.residences ?? []).map((r) => ({ id: r.id, name: r.name })) : [];
  const list = [...mine, ...all.filter((r) => !mine.some((m) => m.id === r.id))];
  const pending = houses.isPending || (admin && residences.isPending);
  return { list, pending, error: houses.error ?? residences.error, refetch: () => void houses.refetch() };
}

export function MeetingsPage() {
  const { t } = useTranslation();
  const houses = useMyHouses();
  const me = useMe();
  const [chosen, setChosen] = useState('');
  const residenceId = chosen || houses.list[0]?.id || '';
  return (
    <Page title={t('meetings.title')} intro={t('meetings.intro')}>
      {houses.pending ? (
        <Loading />
      ) : houses.error ? (
        <LoadProblem error={houses.error} onRetry={houses.refetch} />
      ) : houses.list.length === 0 ? (
        <div className="card empty-state">
          <p>{t('meetings.noHouse')}</p>
        </div>
      ) : (
        <>
          {houses.list.length > 1 ? (
            <SelectField
              label={t('meetings.chooseHouse')}
              value={residenceId}
              onChange={(event) => setChosen(event.target.value)}
            >
              {houses.list.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <HouseMeetings key={residenceId} residenceId={residenceId} />
          {/* An admin lives in no house: the chosen house's calendar instead of a personal one. */}
          <CalendarSubscribe
            key={`calendar-${residenceId}`}
            scope={isAdmin(me) && !hasHouseRole(me) ? 'residence' : 'person'}
            residenceId={residenceId}
          />
        </>
      )}
    </Page>
  );
}

function HouseMeetings({ residenceId }: { residenceId: string }) {
  const { t } = useTranslation();
  const meetings = useHouseMeetings(residenceId);
  if (meetings.isPending) return <Loading />;
  if (meetings.isError) return <LoadProblem error={meetings.error} onRetry={() => void meetings.refetch()} />;
  const { upcoming, past, isMember, canManage, residence } = meetings.data;
  const next = upcoming.find((m) => m.state !== 'cancelled');
  const later = upcoming.filter((m) => m !== next);
  return (
    <>
      <section className="card card-highlight next-meeting" aria-labelledby="next-meeting">
        <h2 id="next-meeting">{t('meetings.nextHeading', { house: residence.name })}</h2>
        {next ? (
          <>
            <MeetingLine meeting={next} linkTitle />
            {isMember ? (
              <details className="add-agenda">
                <summary>{t('meetings.addToAgenda')}</summary>
                <AddAgendaItemForm meetingId={next.id} />
              </details>
            ) : null}
          </>
        ) : (
          <p className="hint">{t('meetings.noneScheduled')}</p>
        )}
      </section>
      <section className="card" aria-labelledby="upcoming-meetings">
        <h2 id="upcoming-meetings">{t('meetings.upcomingHeading')}</h2>
        {later.length === 0 ? (
          <p className="hint">{t('meetings.noUpcoming')}</p>
        ) : (
          <ul className="meeting-list">
            {later.map((m) => (
              <li key={m.id}>
                <MeetingLine meeting={m} linkTitle />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="past-meetings">
        <h2 id="past-meetings">{t('meetings.pastHeading')}</h2>
        {past.length === 0 ? (
          <p className="hint">{t('meetings.noPast')}</p>
        ) : (
          <ul className="meeting-list">
            {past.map((m) => (
              <li key={m.id}>
                <MeetingLine meeting={m} linkTitle />
                {isMember ? (
                  <Link to={`/meetings/${m.id}/minutes`} className="meeting-minutes-link">
                    {t('meetings.readMinutes')}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {isMember ? (
          <p>
            <Link to={`/house/${residenceId}/minutes`}>{t('meetings.searchMinutes')}</Link>
          </p>
        ) : (
          <p className="hint">{t('meetings.adminPrivacy')}</p>
        )}
      </section>
      {isMember ? <EmergencyMeetingForm residenceId={residenceId} canManage={canManage} /> : null}
      {canManage ? <ScheduleAdmin data={meetings.data} /> : null}
    </>
  );
}

/** One meeting in a list: when, what, who chairs. */
export function MeetingLine({ meeting, linkTitle }: { meeting: MeetingSummary; linkTitle?: boolean }) {
  const { t, i18n } = useTranslation();
  const when = formatMeetingTime(meeting.startsAt, meeting.timeZone, i18n.language);
  return (
    <div className={`meeting-line meeting-${meeting.state}`}>
      <p className="meeting-when">
        {linkTitle && meeting.state !== 'cancelled' ? (
          <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>
        ) : (
          <span>{meeting.title}</span>
        )}{' '}
        · <time dateTime={meeting.startsAt}>{when}</time>
      </p>
      <p className="meeting-meta">
        {meeting.state !== 'upcoming' ? (
          <span className={`badge badge-${meeting.state}`}>{t(`meetings.states.${meeting.state}`)}</span>
        ) : null}
        {meeting.kind !== 'regular' ? (
          <span className={`badge badge-${meeting.kind}`}>{t(`meetings.kinds.${meeting.kind}`)}</span>
        ) : null}
        {meeting.chair ? <span>{t('meetings.chairIs', { name: meeting.chair.displayName })}</span> : null}
        {meeting.secretary ? (
          <span>{t('meetings.secretaryIs', { name: meeting.secretary.displayName })}</span>
        ) : null}
        {meeting.location ? <span>{meeting.location}</span> : null}
        <span>{t('meetings.itemCount', { count: meeting.agendaCount })}</span>
      </p>
    </div>
  );
}
