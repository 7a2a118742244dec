// Filters for the directory: type code, language, program focus, day, online, words.
import { useTranslation } from 'react-i18next';
import { MEETING_LANGUAGES } from '../../../shared/domain/meeting-guide.ts';
import { PROGRAM_FOCUSES } from '../../../shared/domain/vocabulary.ts';
import { CheckboxField, SelectField, TextField } from '../../components/fields.tsx';
import { type DirectoryFilters, dayNames, EMPTY_FILTERS, typeOptions } from './outside-api.ts';

export function DirectoryFiltersForm({
  filters,
  onChange,
}: {
  filters: DirectoryFilters;
  onChange: (next: DirectoryFilters) => void;
}) {
  const { t, i18n } = useTranslation();
  const set = (change: Partial<DirectoryFilters>) => onChange({ ...filters, ...change });
  const days = dayNames(i18n.language);
  return (
    <form
      className="form outside-filters"
      onSubmit={(e) => e.preventDefault()}
      aria-label={t('outside.filtersLabel')}
    >
      <SelectField
        label={t('outside.filterType')}
        value={filters.type}
        onChange={(e) => set({ type: e.target.value })}
      >
        <option value="">{t('outside.any')}</option>
        {typeOptions(i18n.language).map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('outside.filterLanguage')}
        value={filters.language}
        onChange={(e) => set({ language: e.target.value })}
      >
        <option value="">{t('outside.any')}</option>
        {MEETING_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`outside.languages.${l}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('outside.filterFocus')}
        value={filters.focus}
        onChange={(e) => set({ focus: e.target.value })}
      >
        <option value="">{t('outside.any')}</option>
        {PROGRAM_FOCUSES.map((f) => (
          <option key={f} value={f}>
            {t(`focus.${f}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('outside.filterDay')}
        value={filters.day}
        onChange={(e) => set({ day: e.target.value })}
      >
        <option value="">{t('outside.any')}</option>
        {days.map((name, i) => (
          <option key={name} value={String(i)}>
            {name}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        label={t('outside.filterOnline')}
        checked={filters.online}
        onChange={(e) => set({ online: e.target.checked })}
      />
      <TextField
        label={t('outside.filterWords')}
        type="search"
        value={filters.q}
        maxLength={100}
        onChange={(e) => set({ q: e.target.value })}
      />
      <button type="button" className="button button-secondary" onClick={() => onChange(EMPTY_FILTERS)}>
        {t('outside.clearFilters')}
      </button>
    </form>
  );
}
