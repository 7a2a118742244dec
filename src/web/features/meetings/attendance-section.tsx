// Who is at the meeting. While it runs, a resident marks themself present with one tap; the chair,
// secretary or peer leader marks everyone. Before it starts, a resident can say they cannot come.
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_STATUSES, type MeetingDetailView } from '../../../shared/contracts/meetings.ts';
import { useMe } from '../../app/session.ts';
import { SelectField } from '../../components/fields.tsx';
import { LoadProblem, Notice } from '../../components/notice.tsx';
import { useAttendance } from './meetings-api.ts';

export function AttendanceSection({ meeting }: { meeting: MeetingDetailView }) {
  const { t } = useTranslation();
  const me = useMe();
  const mark = useAttendance(meeting.id);
  const mine = meeting.attendance.find((a) => a.personId === me.id);
  const running = meeting.state === 'in_progress';
  const marking = running && meeting.viewer.canRun;
  const present = meeting.attendance.filter((a) => a.status === 'present').length;
  return (
    <section className="card attendance" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">{t('meetings.attendanceHeading')}</h2>
      {mark.isError ? <LoadProblem error={mark.error} /> : null}
      {mine && running && mine.status !== 'present' ? (
        <button
          type="button"
          className="button button-large"
          disabled={mark.isPending}
          onClick={() => mark.mutate({ personId: me.id, status: 'present' })}
        >
          {t('meetings.imHere')}
        </button>
      ) : null}
      {mine && running && mine.status === 'present' ? (
        <Notice tone="success">{t('meetings.youArePresent')}</Notice>
      ) : null}
      {mine && meeting.state === 'upcoming' && mine.status !== 'excused' ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={mark.isPending}
          onClick={() => mark.mutate({ personId: me.id, status: 'excused' })}
        >
          {t('meetings.cantCome')}
        </button>
      ) : null}
      {mine && meeting.state === 'upcoming' && mine.status === 'excused' ? (
        <p className="hint">{t('meetings.youAreExcused')}</p>
      ) : null}
      {meeting.state !== 'upcoming' ? (
        <p>{t('meetings.presentCount', { count: present, total: meeting.attendance.length })}</p>
      ) : null}
      <ul className="attendance-list">
        {meeting.attendance.map((a) => (
          <li key={a.personId}>
            {marking ? (
              <SelectField
                label={a.displayName}
                value={a.status ?? ''}
                disabled={mark.isPending}
                onChange={(event) =>
                  mark.mutate({
                    personId: a.personId,
                    status: event.target.value as (typeof ATTENDANCE_STATUSES)[number],
                  })
                }
              >
                <option value="" disabled>
                  {t('meetings.notMarked')}
                </option>
                {ATTENDANCE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`meetings.attendance.${s}`)}
                  </option>
                ))}
              </SelectField>
            ) : (
              <span>
                {a.displayName}:{' '}
                <span className={`attendance-${a.status ?? 'none'}`}>
                  {a.status ? t(`meetings.attendance.${a.status}`) : t('meetings.notMarked')}
                </span>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
