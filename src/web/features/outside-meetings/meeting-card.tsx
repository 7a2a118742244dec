// One meeting of the directory: when, where (or how to join online), its types; "I went" for anyone,
// edit and remove for admins.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutsideMeetingView } from '../../../shared/contracts/outside-meetings.ts';
import { todayIso } from '../../components/format.ts';
import { Hidden, Notice } from '../../components/notice.tsx';
import { MeetingForm } from './meeting-form.tsx';
import { dayNames, typeName, useDeleteMeeting, useLogAttendance } from './outside-api.ts';

export function MeetingCard({
  meeting,
  canCurate,
  meetingArea,
}: {
  meeting: OutsideMeetingView;
  canCurate: boolean;
  meetingArea: string;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const log = useLogAttendance();
  const remove = useDeleteMeeting();
  const days = dayNames(i18n.language);
  const when =
    meeting.days.length > 0 && meeting.time
      ? t('outside.when', {
          days: meeting.days.map((d) => days[d]).join(', '),
          time: meeting.time,
          endTime: meeting.endTime ? `–${meeting.endTime}` : '',
        })
      : t('outside.notWeekly');
  const headingId = `meeting-${meeting.id}`;
  return (
    <li className="outside-meeting" aria-labelledby={headingId}>
      <h3 id={headingId}>{meeting.name}</h3>
      <p>
        {when} <span className="hint">({meeting.timeZone})</span>
      </p>
      {meeting.location || meeting.formattedAddress ? (
        <p className="address">{[meeting.location, meeting.formattedAddress].filter(Boolean).join(' · ')}</p>
      ) : null}
      {meeting.online ? (
        <p>
          <span className="badge">{t('outside.online')}</span>{' '}
          {meeting.conferenceUrl ? (
            <a href={meeting.conferenceUrl} rel="noopener noreferrer" target="_blank">
              {t('outside.joinOnline')}
              <Hidden>{` ${meeting.name}`}</Hidden>
            </a>
          ) : null}
          {meeting.conferencePhone ? ` ${t('outside.byPhone', { phone: meeting.conferencePhone })}` : null}
        </p>
      ) : null}
      {meeting.types.length > 0 ? (
        <ul className="tags" aria-label={t('outside.typesLabel')}>
          {meeting.types.map((code) => (
            <li key={code}>{typeName(code, i18n.language)}</li>
          ))}
        </ul>
      ) : null}
      <p className="hint">
        {t(`outside.fellowships.${meeting.fellowship as 'aa'}`, { defaultValue: meeting.fellowship })}
        {meeting.languages.length > 0
          ? ` · ${meeting.languages.map((l) => t(`outside.languages.${l as 'en'}`, { defaultValue: l })).join(', ')}`
          : ''}
        {canCurate ? ` · ${meeting.isPublic ? t('outside.public') : t('outside.notPublic')}` : ''}
      </p>
      {meeting.notes ? <p className="outside-notes">{meeting.notes}</p> : null}
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={log.isPending}
          onClick={() => log.mutate({ outsideMeetingId: meeting.id, attendedOn: todayIso() })}
        >
          {t('outside.iWent')}
          <Hidden>{` ${meeting.name}`}</Hidden>
        </button>
        {canCurate && !editing ? (
          <>
            <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
              {t('outside.edit')}
              <Hidden>{` ${meeting.name}`}</Hidden>
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(t('outside.removeConfirm', { name: meeting.name })))
                  remove.mutate(meeting.id);
              }}
            >
              {t('outside.remove')}
              <Hidden>{` ${meeting.name}`}</Hidden>
            </button>
          </>
        ) : null}
      </div>
      {log.isSuccess ? <Notice tone="success">{t('outside.logged', { name: meeting.name })}</Notice> : null}
      {log.isError ? <Notice tone="error">{t('outside.logFailed')}</Notice> : null}
      {editing ? (
        <MeetingForm
          meeting={meeting}
          canPublish
          meetingArea={meetingArea}
          onDone={() => setEditing(false)}
        />
      ) : null}
    </li>
  );
}
