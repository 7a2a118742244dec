// Calling a meeting outside the schedule: any member of the house may call an emergency meeting
// (Oxford House: when the house must talk now); the peer leader may also plan a one-off meeting.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NewMeeting } from '../../../shared/contracts/meetings.ts';
import { useFormErrors } from '../../components/errors.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { todayIso } from '../../components/format.ts';
import { FormProblem } from '../../components/notice.tsx';
import { useCreateMeeting } from './meetings-api.ts';

const FIELDS = ['kind', 'title', 'date', 'time', 'location'] as const;

export function EmergencyMeetingForm({
  residenceId,
  canManage,
}: {
  residenceId: string;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [kind, setKind] = useState<NewMeeting['kind']>('emergency');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(todayIso());
  const [time, setTime] = useState('20:00');
  const [location, setLocation] = useState('');
  const create = useCreateMeeting(residenceId);
  const { fieldError } = useFormErrors(create.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { kind, title, date, time, location },
      { onSuccess: (meeting) => void navigate(`/meetings/${meeting.id}`) },
    );
  };
  return (
    <details className="card call-meeting">
      <summary>{canManage ? t('meetings.callOrPlan') : t('meetings.callEmergency')}</summary>
      <p className="hint">{t('meetings.emergencyHint')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <FormProblem error={create.error} fields={FIELDS} />
        {canManage ? (
          <SelectField
            label={t('meetings.kindLabel')}
            value={kind}
            onChange={(event) => setKind(event.target.value as NewMeeting['kind'])}
          >
            <option value="emergency">{t('meetings.kinds.emergency')}</option>
            <option value="one_off">{t('meetings.kinds.one_off')}</option>
          </SelectField>
        ) : null}
        <TextField
          label={t('meetings.meetingTitle')}
          value={title}
          maxLength={80}
          required
          onChange={(event) => setTitle(event.target.value)}
          error={fieldError('title')}
        />
        <TextField
          label={t('meetings.date')}
          type="date"
          value={date}
          required
          onChange={(event) => setDate(event.target.value)}
          error={fieldError('date')}
        />
        <TextField
          label={t('meetings.time')}
          hint={t('meetings.timeHint')}
          type="time"
          value={time}
          required
          onChange={(event) => setTime(event.target.value)}
          error={fieldError('time')}
        />
        <TextField
          label={t('meetings.location')}
          value={location}
          maxLength={200}
          onChange={(event) => setLocation(event.target.value)}
          error={fieldError('location')}
        />
        <button type="submit" className="button" disabled={create.isPending}>
          {kind === 'emergency' ? t('meetings.callButton') : t('meetings.planButton')}
        </button>
      </form>
    </details>
  );
}
