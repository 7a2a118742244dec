// Adding a meeting to the directory, or changing one (admins). Type codes are Meeting Guide codes.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutsideMeetingView } from '../../../shared/contracts/outside-meetings.ts';
import { FELLOWSHIPS, MEETING_LANGUAGES } from '../../../shared/domain/meeting-guide.ts';
import { PROGRAM_FOCUSES } from '../../../shared/domain/vocabulary.ts';
import { useFormErrors } from '../../components/errors.ts';
import {
  CheckboxField,
  CheckboxGroup,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/fields.tsx';
import { FormProblem } from '../../components/notice.tsx';
import { dayNames, typeName, useSaveMeeting } from './outside-api.ts';

/** The codes people look for most; any other spec code an import brings is kept. */
const COMMON_TYPES = [
  'O',
  'C',
  'W',
  'M',
  'LGBTQ',
  'Y',
  'BE',
  'D',
  'SP',
  'ST',
  'B',
  'MED',
  'A',
  'X',
  'S',
] as const;

const FIELDS = [
  'name',
  'days',
  'time',
  'endTime',
  'timeZone',
  'types',
  'fellowship',
  'programFocus',
  'languages',
  'location',
  'formattedAddress',
  'approximate',
  'conferenceUrl',
  'conferencePhone',
  'notes',
  'isPublic',
] as const;

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'America/New_York';

export function MeetingForm({
  meeting,
  canPublish,
  meetingArea,
  onDone,
}: {
  meeting: OutsideMeetingView | null;
  canPublish: boolean;
  /** Where the organization's online meetings are based: the feed's place for one naming none. */
  meetingArea: string;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const save = useSaveMeeting();
  const { fieldError } = useFormErrors(save.error, FIELDS);
  const [form, setForm] = useState({
    name: meeting?.name ?? '',
    days: (meeting?.days ?? []).map(String),
    time: meeting?.time ?? '',
    endTime: meeting?.endTime ?? '',
    timeZone: meeting?.timeZone ?? browserZone(),
    types: meeting?.types ?? [],
    fellowship: meeting?.fellowship ?? 'aa',
    programFocus: meeting?.programFocus ?? [],
    languages: meeting?.languages ?? [i18n.language === 'es' ? 'es' : 'en'],
    location: meeting?.location ?? '',
    formattedAddress: meeting?.formattedAddress ?? '',
    approximate: meeting?.approximate ?? false,
    conferenceUrl: meeting?.conferenceUrl ?? '',
    conferencePhone: meeting?.conferencePhone ?? '',
    notes: meeting?.notes ?? '',
    isPublic: meeting?.isPublic ?? false,
  });
  const set = (change: Partial<typeof form>) => setForm((f) => ({ ...f, ...change }));
  const days = dayNames(i18n.language);
  const typeCodes = [...new Set([...COMMON_TYPES, ...form.types])];
  const online = form.conferenceUrl.trim() !== '' || form.conferencePhone.trim() !== '';
  const addressHint = !online
    ? undefined
    : meetingArea
      ? t('outside.form.addressOnlineHintArea', { area: meetingArea })
      : t('outside.form.addressOnlineHint');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: form.name.trim(),
      days: form.days.map(Number).sort((a, b) => a - b),
      time: form.time || null,
      endTime: form.endTime || null,
      timeZone: form.timeZone.trim(),
      types: form.types,
      fellowship: form.fellowship as (typeof FELLOWSHIPS)[number],
      programFocus: form.programFocus as (typeof PROGRAM_FOCUSES)[number][],
      languages: form.languages as (typeof MEETING_LANGUAGES)[number][],
      location: form.location.trim(),
      formattedAddress: form.formattedAddress.trim(),
      approximate: form.formattedAddress.trim() !== '' && form.approximate,
      conferenceUrl: form.conferenceUrl.trim() || null,
      conferencePhone: form.conferencePhone.trim() || null,
      notes: form.notes.trim(),
      ...(canPublish ? { isPublic: form.isPublic } : {}),
    };
    save.mutate({ id: meeting?.id ?? null, body }, { onSuccess: onDone });
  };
  return (
    <form className="form card-inset" onSubmit={onSubmit} noValidate>
      <FormProblem error={save.error} fields={FIELDS} />
      <TextField
        label={t('outside.form.name')}
        value={form.name}
        maxLength={200}
        required
        error={fieldError('name')}
        onChange={(e) => set({ name: e.target.value })}
      />
      <CheckboxGroup
        legend={t('outside.form.days')}
        hint={t('outside.form.daysHint')}
        error={fieldError('days')}
        options={days.map((label, i) => ({ value: String(i), label }))}
        value={form.days}
        onChange={(next) => set({ days: next })}
      />
      <TextField
        label={t('outside.form.time')}
        type="time"
        value={form.time}
        error={fieldError('time')}
        onChange={(e) => set({ time: e.target.value })}
      />
      <TextField
        label={t('outside.form.endTime')}
        type="time"
        value={form.endTime}
        error={fieldError('endTime')}
        onChange={(e) => set({ endTime: e.target.value })}
      />
      <TextField
        label={t('outside.form.timeZone')}
        value={form.timeZone}
        error={fieldError('timeZone')}
        onChange={(e) => set({ timeZone: e.target.value })}
      />
      <SelectField
        label={t('outside.form.fellowship')}
        value={form.fellowship}
        error={fieldError('fellowship')}
        onChange={(e) => set({ fellowship: e.target.value })}
      >
        {FELLOWSHIPS.map((f) => (
          <option key={f} value={f}>
            {t(`outside.fellowships.${f}`)}
          </option>
        ))}
      </SelectField>
      <CheckboxGroup
        legend={t('outside.form.types')}
        hint={t('outside.form.typesHint')}
        error={fieldError('types')}
        options={typeCodes.map((code) => ({ value: code, label: typeName(code, i18n.language) }))}
        value={form.types}
        onChange={(next) => set({ types: next })}
      />
      <CheckboxGroup
        legend={t('outside.form.languages')}
        error={fieldError('languages')}
        options={MEETING_LANGUAGES.map((l) => ({ value: l, label: t(`outside.languages.${l}`) }))}
        value={form.languages}
        onChange={(next) => set({ languages: next })}
      />
      <CheckboxGroup
        legend={t('outside.form.focus')}
        error={fieldError('programFocus')}
        options={PROGRAM_FOCUSES.map((f) => ({ value: f, label: t(`focus.${f}`) }))}
        value={form.programFocus}
        onChange={(next) => set({ programFocus: next })}
      />
      <TextField
        label={t('outside.form.location')}
        value={form.location}
        maxLength={200}
        error={fieldError('location')}
        onChange={(e) => set({ location: e.target.value })}
      />
      <TextField
        label={t('outside.form.conferenceUrl')}
        hint={t('outside.form.conferenceUrlHint')}
        type="url"
        value={form.conferenceUrl}
        error={fieldError('conferenceUrl')}
        onChange={(e) => set({ conferenceUrl: e.target.value })}
      />
      <TextField
        label={t('outside.form.conferencePhone')}
        type="tel"
        value={form.conferencePhone}
        error={fieldError('conferencePhone')}
        onChange={(e) => set({ conferencePhone: e.target.value })}
      />
      {/* After the ways to join, so an online meeting's form asks for its approximate place. */}
      <TextField
        label={online ? t('outside.form.addressOnline') : t('outside.form.address')}
        hint={addressHint}
        value={form.formattedAddress}
        maxLength={300}
        error={fieldError('formattedAddress')}
        onChange={(e) => set({ formattedAddress: e.target.value })}
      />
      {form.formattedAddress.trim() !== '' ? (
        <CheckboxField
          label={t('outside.form.approximate')}
          hint={t('outside.form.approximateHint')}
          checked={form.approximate}
          onChange={(e) => set({ approximate: e.target.checked })}
        />
      ) : null}
      <TextAreaField
        label={t('outside.form.notes')}
        hint={t('outside.form.notesHint')}
        value={form.notes}
        maxLength={2000}
        error={fieldError('notes')}
        onChange={(e) => set({ notes: e.target.value })}
      />
      {canPublish ? (
        <CheckboxField
          label={t('outside.form.isPublic')}
          hint={t('outside.form.isPublicHint')}
          checked={form.isPublic}
          onChange={(e) => set({ isPublic: e.target.checked })}
        />
      ) : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>
          {meeting ? t('outside.form.save') : t('outside.form.add')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
