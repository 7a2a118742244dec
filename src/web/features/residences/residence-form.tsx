// Create or change a residence: name, address, time zone, beds, NARR level, program focus, programs.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ResidenceInput,
  type ResidenceView,
  residenceApi,
} from '../../../shared/contracts/residences.ts';
import { NARR_LEVELS, PROGRAM_FOCUSES, type ProgramFocus } from '../../../shared/domain/vocabulary.ts';
import { call } from '../../app/api.ts';
import { useFormErrors } from '../../components/errors.ts';
import { CheckboxGroup, SelectField, TextField } from '../../components/fields.tsx';
import { romanLevel } from '../../components/format.ts';
import { FormProblem } from '../../components/notice.tsx';
import { usePrograms } from './residences-api.ts';

/** Common US time zones; anything else can be typed as an IANA name. */
export const COMMON_TIME_ZONES = [
  { value: 'America/New_York', key: 'eastern' },
  { value: 'America/Chicago', key: 'central' },
  { value: 'America/Denver', key: 'mountain' },
  { value: 'America/Phoenix', key: 'arizona' },
  { value: 'America/Los_Angeles', key: 'pacific' },
  { value: 'America/Anchorage', key: 'alaska' },
  { value: 'Pacific/Honolulu', key: 'hawaii' },
  { value: 'America/Puerto_Rico', key: 'puertoRico' },
] as const;
const OTHER = 'other';

const FIELDS = [
  'name',
  'address',
  'timeZone',
  'bedCapacity',
  'narrLevel',
  'programFocus',
  'programIds',
] as const;

function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'America/New_York';
  } catch {
    return 'America/New_York';
  }
}

type Draft = {
  name: string;
  address: string;
  zoneChoice: string;
  otherZone: string;
  bedCapacity: string;
  narrLevel: string;
  programFocus: ProgramFocus[];
  programIds: string[];
};

function draftFrom(residence: ResidenceView | null): Draft {
  const zone = residence?.timeZone ?? deviceTimeZone();
  const common = COMMON_TIME_ZONES.some((z) => z.value === zone);
  return {
    name: residence?.name ?? '',
    address: residence?.address ?? '',
    zoneChoice: common ? zone : OTHER,
    otherZone: common ? '' : zone,
    bedCapacity: residence ? String(residence.bedCapacity) : '',
    narrLevel: String(residence?.narrLevel ?? 2),
    programFocus: residence?.programFocus ?? [],
    programIds: residence?.programIds ?? [],
  };
}

export function ResidenceForm({
  residence,
  onDone,
}: {
  residence: ResidenceView | null;
  onDone: (saved: ResidenceView | null) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftFrom(residence));
  const programs = usePrograms();
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: draft.name,
        address: draft.address,
        timeZone: draft.zoneChoice === OTHER ? draft.otherZone.trim() : draft.zoneChoice,
        bedCapacity: draft.bedCapacity.trim() === '' ? 0 : Number(draft.bedCapacity),
        narrLevel: Number(draft.narrLevel) as ResidenceInput['narrLevel'],
        programFocus: draft.programFocus,
        programIds: draft.programIds,
      };
      return residence
        ? call(residenceApi.update, { params: { id: residence.id }, body })
        : call(residenceApi.create, { body });
    },
    onSuccess: async (saved) => {
      // The list and this residence alike (both of the area's keys).
      await queryClient.invalidateQueries({ queryKey: [residenceApi.list.tags[0]] });
      onDone(saved);
    },
  });
  const { fieldError } = useFormErrors(save.error, FIELDS);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const headingId = `residence-form-${residence?.id ?? 'new'}`;
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <h2 id={headingId}>
        {residence ? t('residences.editHeading', { name: residence.name }) : t('residences.newHeading')}
      </h2>
      <FormProblem error={save.error} fields={FIELDS} />
      <TextField
        label={t('residences.name')}
        name="name"
        value={draft.name}
        onChange={(e) => set({ name: e.target.value })}
        error={fieldError('name')}
      />
      <TextField
        label={t('residences.address')}
        hint={t('residences.addressHint')}
        name="address"
        autoComplete="street-address"
        value={draft.address}
        onChange={(e) => set({ address: e.target.value })}
        error={fieldError('address')}
      />
      <SelectField
        label={t('residences.timeZone')}
        name="timeZoneChoice"
        value={draft.zoneChoice}
        onChange={(e) => set({ zoneChoice: e.target.value })}
        error={draft.zoneChoice === OTHER ? undefined : fieldError('timeZone')}
      >
        {COMMON_TIME_ZONES.map((z) => (
          <option key={z.value} value={z.value}>
            {t(`timeZones.${z.key}`)}
          </option>
        ))}
        <option value={OTHER}>{t('timeZones.other')}</option>
      </SelectField>
      {draft.zoneChoice === OTHER ? (
        <TextField
          label={t('residences.otherTimeZone')}
          hint={t('residences.otherTimeZoneHint')}
          name="timeZone"
          autoCapitalize="none"
          spellCheck={false}
          value={draft.otherZone}
          onChange={(e) => set({ otherZone: e.target.value })}
          error={fieldError('timeZone')}
        />
      ) : null}
      <TextField
        label={t('residences.bedCapacity')}
        name="bedCapacity"
        type="number"
        inputMode="numeric"
        min={1}
        max={500}
        value={draft.bedCapacity}
        onChange={(e) => set({ bedCapacity: e.target.value })}
        error={fieldError('bedCapacity')}
      />
      <SelectField
        label={t('residences.narrLevel')}
        hint={t('residences.narrLevelHint')}
        name="narrLevel"
        value={draft.narrLevel}
        onChange={(e) => set({ narrLevel: e.target.value })}
        error={fieldError('narrLevel')}
      >
        {NARR_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t('narr.level', { level: romanLevel(level), name: t(`narr.names.${level}`) })}
          </option>
        ))}
      </SelectField>
      <CheckboxGroup
        legend={t('residences.programFocus')}
        hint={t('residences.programFocusHint')}
        options={PROGRAM_FOCUSES.map((f) => ({ value: f, label: t(`focus.${f}`) }))}
        value={draft.programFocus}
        onChange={(programFocus) => set({ programFocus })}
        error={fieldError('programFocus')}
      />
      {programs.data && programs.data.programs.length > 0 ? (
        <CheckboxGroup
          legend={t('residences.programs')}
          options={programs.data.programs.map((p) => ({ value: p.id, label: p.name }))}
          value={draft.programIds}
          onChange={(programIds) => set({ programIds })}
          error={fieldError('programIds')}
        />
      ) : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>
          {residence ? t('residences.save') : t('residences.create')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
