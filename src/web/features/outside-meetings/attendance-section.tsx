// My week: how many outside meetings I went to against my house's goal, logging one, and my recent log.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutsideMeetingView } from '../../../shared/contracts/outside-meetings.ts';
import { useFormErrors } from '../../components/errors.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { formatDate, todayIso } from '../../components/format.ts';
import { FormProblem, Hidden, Loading, LoadProblem, Notice } from '../../components/notice.tsx';
import { useLogAttendance, useMyAttendance, useRemoveAttendance } from './outside-api.ts';

const FIELDS = ['outsideMeetingId', 'name', 'attendedOn'] as const;

export function AttendanceSection({ meetings }: { meetings: OutsideMeetingView[] }) {
  const { t, i18n } = useTranslation();
  const mine = useMyAttendance();
  const log = useLogAttendance();
  const remove = useRemoveAttendance();
  const [meetingId, setMeetingId] = useState('');
  const [name, setName] = useState('');
  const [attendedOn, setAttendedOn] = useState(todayIso());
  const { fieldError } = useFormErrors(log.error, FIELDS);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    log.mutate(
      { outsideMeetingId: meetingId || null, name: meetingId ? '' : name.trim(), attendedOn },
      {
        onSuccess: () => {
          setName('');
          setMeetingId('');
        },
      },
    );
  };
  return (
    <section className="card card-highlight" aria-labelledby="my-week-heading">
      <h2 id="my-week-heading">{t('outside.myWeekHeading')}</h2>
      {mine.isPending ? (
        <Loading />
      ) : mine.isError ? (
        <LoadProblem error={mine.error} onRetry={() => void mine.refetch()} />
      ) : (
        <>
          <p className="outside-week" role="status">
            {mine.data.goal
              ? t('outside.weekOfGoal', { count: mine.data.thisWeek, goal: mine.data.goal })
              : t('outside.weekCount', { count: mine.data.thisWeek })}
          </p>
          {mine.data.goal ? (
            <meter
              className="outside-meter"
              min={0}
              max={mine.data.goal}
              value={Math.min(mine.data.thisWeek, mine.data.goal)}
              aria-label={t('outside.goalMeter')}
            />
          ) : null}
          {mine.data.goal && mine.data.thisWeek >= mine.data.goal ? (
            <p className="hint">{t('outside.goalReached')}</p>
          ) : null}
        </>
      )}
      <form className="form" onSubmit={onSubmit} noValidate>
        <h3>{t('outside.logHeading')}</h3>
        <FormProblem error={log.error} fields={FIELDS} />
        <SelectField
          label={t('outside.logWhich')}
          value={meetingId}
          error={fieldError('outsideMeetingId')}
          onChange={(e) => setMeetingId(e.target.value)}
        >
          <option value="">{t('outside.logNotListed')}</option>
          {meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </SelectField>
        {meetingId ? null : (
          <TextField
            label={t('outside.logName')}
            hint={t('outside.logNameHint')}
            value={name}
            maxLength={200}
            error={fieldError('name')}
            onChange={(e) => setName(e.target.value)}
          />
        )}
        <TextField
          label={t('outside.logDate')}
          type="date"
          value={attendedOn}
          max={todayIso()}
          error={fieldError('attendedOn')}
          onChange={(e) => setAttendedOn(e.target.value)}
        />
        <button type="submit" className="button" disabled={log.isPending}>
          {t('outside.logButton')}
        </button>
        {log.isSuccess ? (
          <Notice tone="success">{t('outside.logged', { name: log.data.name })}</Notice>
        ) : null}
      </form>
      {mine.data && mine.data.recent.length > 0 ? (
        <>
          <h3>{t('outside.recentHeading')}</h3>
          <ul className="plain-list outside-recent">
            {mine.data.recent.slice(0, 8).map((entry) => (
              <li key={entry.id}>
                <span>
                  {formatDate(entry.attendedOn, i18n.language)} · {entry.name}
                </span>{' '}
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(entry.id)}
                >
                  {t('outside.removeEntry')}
                  <Hidden>{` ${entry.name} ${formatDate(entry.attendedOn, i18n.language)}`}</Hidden>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
