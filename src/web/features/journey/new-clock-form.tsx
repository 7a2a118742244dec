// "Set my recovery date": a new clock with an optional label and who may see it.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECOVERY_AUDIENCES, type RecoveryAudience } from '../../../shared/domain/recovery-time.ts';
import { useFormErrors } from '../../components/errors.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { FormProblem } from '../../components/notice.tsx';
import { useCreateClock } from './journey-api.ts';

const FIELDS = ['label', 'startsOn', 'visibleTo'] as const;

export function NewClockForm({ today, headingLevel }: { today: string; headingLevel: 2 | 3 }) {
  const { t } = useTranslation();
  const create = useCreateClock();
  const { fieldError } = useFormErrors(create.error, FIELDS);
  const [label, setLabel] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [visibleTo, setVisibleTo] = useState<RecoveryAudience>('peer_leader');
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ label: label.trim(), startsOn, visibleTo });
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('clocks.newHeading')}>
      <H className="visually-hidden">{t('clocks.newHeading')}</H>
      <p className="hint">{t('clocks.newIntro')}</p>
      <FormProblem error={create.error} fields={FIELDS} />
      <TextField
        label={t('clocks.startsOn')}
        hint={t('clocks.startsOnHint')}
        name="startsOn"
        type="date"
        max={today}
        required
        value={startsOn}
        onChange={(e) => {
          create.reset();
          setStartsOn(e.target.value);
        }}
        error={fieldError('startsOn')}
      />
      <TextField
        label={t('clocks.label')}
        hint={t('clocks.labelHint')}
        name="label"
        maxLength={40}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        error={fieldError('label')}
      />
      <VisibilitySelect value={visibleTo} onChange={setVisibleTo} error={fieldError('visibleTo')} />
      <button type="submit" className="button" disabled={create.isPending}>
        {t('clocks.create')}
      </button>
    </form>
  );
}

export function VisibilitySelect({
  value,
  onChange,
  error,
  label,
}: {
  value: RecoveryAudience;
  onChange: (value: RecoveryAudience) => void;
  error?: string | undefined;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={label ?? t('clocks.visibleTo')}
      hint={t('clocks.visibleToHint')}
      name="visibleTo"
      value={value}
      onChange={(e) => onChange(e.target.value as RecoveryAudience)}
      error={error}
    >
      {RECOVERY_AUDIENCES.map((a) => (
        <option key={a} value={a}>
          {t(`visibility.${a}`)}
        </option>
      ))}
    </SelectField>
  );
}
