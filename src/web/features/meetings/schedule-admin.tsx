// The schedule, for a house's peer leader and the organization's admins: recurring meetings (in the
// house's own time zone), ending one, and how the house meets (quorum, outside goal, reminders).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseMeetingsView, SeriesView } from '../../../shared/contracts/meetings.ts';
import { useFormErrors } from '../../components/errors.ts';
import { CheckboxField, SelectField, TextField } from '../../components/fields.tsx';
import { formatDate, todayIso } from '../../components/format.ts';
import { FormProblem, Hidden, Loading, LoadProblem, Notice } from '../../components/notice.tsx';
import {
  useCreateSeries,
  useEndSeries,
  useMeetingSettings,
  useSaveMeetingSettings,
  WEEKDAYS,
  weeklyRule,
} from './meetings-api.ts';

export function ScheduleAdmin({ data }: { data: HouseMeetingsView }) {
  const { t } = useTranslation();
  const residenceId = data.residence.id;
  return (
    <section className="card schedule-admin" aria-labelledby="schedule-admin">
      <h2 id="schedule-admin">{t('meetings.scheduleHeading')}</h2>
      <p className="hint">{t('meetings.scheduleHint', { zone: data.residence.timeZone })}</p>
      {data.series.length === 0 ? (
        <p>{t('meetings.noSeries')}</p>
      ) : (
        <ul className="plain-list series-list">
          {data.series.map((s) => (
            <SeriesItem key={s.id} series={s} />
          ))}
        </ul>
      )}
      <details className="new-series">
        <summary>{t('meetings.newSeries')}</summary>
        <NewSeriesForm residenceId={residenceId} />
      </details>
      <details className="meeting-settings">
        <summary>{t('meetings.settingsHeading')}</summary>
        <SettingsForm residenceId={residenceId} />
      </details>
    </section>
  );
}

/** "Every Sunday at 19:00" for the rules the form makes; any other rule is shown as written. */
function useRuleWords(series: SeriesView): string {
  const { t } = useTranslation();
  const match = /^FREQ=WEEKLY;(INTERVAL=2;)?BYDAY=(SU|MO|TU|WE|TH|FR|SA)$/.exec(series.rrule);
  if (!match) return t('meetings.ruleOther', { rule: series.rrule, time: series.startTime });
  const day = t(`meetings.weekdays.${match[2] as (typeof WEEKDAYS)[number]}`);
  return match[1]
    ? t('meetings.ruleFortnightly', { day, time: series.startTime })
    : t('meetings.ruleWeekly', { day, time: series.startTime });
}

function SeriesItem({ series }: { series: SeriesView }) {
  const { t, i18n } = useTranslation();
  const end = useEndSeries();
  const words = useRuleWords(series);
  return (
    <li>
      <p>
        <strong>{series.title}</strong>: {words}
        {series.location ? ` · ${series.location}` : ''}
      </p>
      <p className="hint">{t('meetings.since', { date: formatDate(series.startsOn, i18n.language) })}</p>
      {end.isError ? <LoadProblem error={end.error} /> : null}
      <button
        type="button"
        className="button button-quiet"
        disabled={end.isPending}
        onClick={() => {
          if (window.confirm(t('meetings.endConfirm'))) end.mutate(series.id);
        }}
      >
        {t('meetings.endSeries')} <Hidden>{series.title}</Hidden>
      </button>
    </li>
  );
}

const SERIES_FIELDS = ['title', 'rrule', 'startsOn', 'startTime', 'durationMinutes', 'location'] as const;

function NewSeriesForm({ residenceId }: { residenceId: string }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(t('meetings.defaultTitle'));
  const [day, setDay] = useState<(typeof WEEKDAYS)[number]>('SU');
  const [fortnightly, setFortnightly] = useState(false);
  const [startTime, setStartTime] = useState('19:00');
  const [startsOn, setStartsOn] = useState(todayIso());
  const [duration, setDuration] = useState('60');
  const [location, setLocation] = useState('');
  const [saved, setSaved] = useState(false);
  const create = useCreateSeries(residenceId);
  const { fieldError } = useFormErrors(create.error, SERIES_FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    create.mutate(
      {
        title,
        rrule: weeklyRule(day, fortnightly),
        startsOn,
        startTime,
        durationMinutes: Number(duration),
        location,
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormProblem error={create.error} fields={SERIES_FIELDS} />
      {saved ? <Notice tone="success">{t('meetings.seriesSaved')}</Notice> : null}
      <TextField
        label={t('meetings.meetingTitle')}
        value={title}
        maxLength={80}
        onChange={(event) => setTitle(event.target.value)}
        error={fieldError('title')}
      />
      <SelectField
        label={t('meetings.weekday')}
        value={day}
        onChange={(event) => setDay(event.target.value as (typeof WEEKDAYS)[number])}
        error={fieldError('rrule')}
      >
        {WEEKDAYS.map((d) => (
          <option key={d} value={d}>
            {t(`meetings.weekdays.${d}`)}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        label={t('meetings.fortnightly')}
        checked={fortnightly}
        onChange={(event) => setFortnightly(event.target.checked)}
      />
      <TextField
        label={t('meetings.time')}
        hint={t('meetings.timeHint')}
        type="time"
        value={startTime}
        onChange={(event) => setStartTime(event.target.value)}
        error={fieldError('startTime')}
      />
      <TextField
        label={t('meetings.startsOn')}
        type="date"
        value={startsOn}
        onChange={(event) => setStartsOn(event.target.value)}
        error={fieldError('startsOn')}
      />
      <TextField
        label={t('meetings.duration')}
        type="number"
        inputMode="numeric"
        min={5}
        max={600}
        value={duration}
        onChange={(event) => setDuration(event.target.value)}
        error={fieldError('durationMinutes')}
      />
      <TextField
        label={t('meetings.location')}
        value={location}
        maxLength={200}
        onChange={(event) => setLocation(event.target.value)}
        error={fieldError('location')}
      />
      <button type="submit" className="button" disabled={create.isPending}>
        {t('meetings.saveSeries')}
      </button>
    </form>
  );
}

const SETTINGS_FIELDS = ['quorum', 'weeklyOutsideGoal', 'reminderMinutes'] as const;
const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));

function SettingsForm({ residenceId }: { residenceId: string }) {
  const settings = useMeetingSettings(residenceId);
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <LoadProblem error={settings.error} onRetry={() => void settings.refetch()} />;
  return <SettingsFields residenceId={residenceId} initial={settings.data} />;
}

function SettingsFields({
  residenceId,
  initial,
}: {
  residenceId: string;
  initial: {
    quorum: number | null;
    weeklyOutsideGoal: number | null;
    reminderMinutes: number;
    decidesByVote: boolean;
    defaultQuorum: number;
  };
}) {
  const { t } = useTranslation();
  const [quorum, setQuorum] = useState(initial.quorum?.toString() ?? '');
  const [goal, setGoal] = useState(initial.weeklyOutsideGoal?.toString() ?? '');
  const [reminder, setReminder] = useState(initial.reminderMinutes.toString());
  const [byVote, setByVote] = useState(initial.decidesByVote);
  const [saved, setSaved] = useState(false);
  const save = useSaveMeetingSettings(residenceId);
  const { fieldError } = useFormErrors(save.error, SETTINGS_FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(
      {
        quorum: numberOrNull(quorum),
        weeklyOutsideGoal: numberOrNull(goal),
        reminderMinutes: Number(reminder),
        decidesByVote: byVote,
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormProblem error={save.error} fields={SETTINGS_FIELDS} />
      {saved ? <Notice tone="success">{t('meetings.settingsSaved')}</Notice> : null}
      <CheckboxField
        label={t('meetings.decidesByVote')}
        hint={t('meetings.decidesByVoteHint')}
        checked={byVote}
        onChange={(event) => setByVote(event.target.checked)}
      />
      <TextField
        label={t('meetings.quorum')}
        hint={t('meetings.quorumHint', { count: initial.defaultQuorum })}
        type="number"
        inputMode="numeric"
        min={1}
        value={quorum}
        onChange={(event) => setQuorum(event.target.value)}
        error={fieldError('quorum')}
      />
      <TextField
        label={t('meetings.weeklyGoal')}
        hint={t('meetings.weeklyGoalHint')}
        type="number"
        inputMode="numeric"
        min={0}
        value={goal}
        onChange={(event) => setGoal(event.target.value)}
        error={fieldError('weeklyOutsideGoal')}
      />
      <TextField
        label={t('meetings.reminder')}
        hint={t('meetings.reminderHint')}
        type="number"
        inputMode="numeric"
        min={0}
        value={reminder}
        onChange={(event) => setReminder(event.target.value)}
        error={fieldError('reminderMinutes')}
      />
      <button type="submit" className="button" disabled={save.isPending}>
        {t('meetings.saveSettings')}
      </button>
    </form>
  );
}
