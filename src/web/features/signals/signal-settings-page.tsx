// Signal thresholds (organization admin): the craving and mood lines and the days of silence that raise
// an early-warning signal to a house's peer leaders. Each field says in words what is wrong with it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrganizationSettingsView, signalApi } from '../../../shared/contracts/signals.ts';
import { THRESHOLD_RANGES } from '../../../shared/domain/check-in.ts';
import { call, keyOf, queryFor } from '../../app/api.ts';
import { useFormErrors } from '../../components/errors.ts';
import { TextField } from '../../components/fields.tsx';
import { FormProblem, Loading, LoadProblem, Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { checkThreshold, THRESHOLD_FIELDS, type ThresholdField } from './thresholds.ts';

const FIELDS = THRESHOLD_FIELDS;
type Field = ThresholdField;
type Values = Record<Field, string>;
const settingsKey = keyOf(signalApi.settings);

const toValues = (s: OrganizationSettingsView): Values => ({
  cravingThreshold: String(s.cravingThreshold),
  lowMoodThreshold: String(s.lowMoodThreshold),
  silenceDays: String(s.silenceDays),
});

export function SignalSettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery(queryFor(signalApi.settings));
  return (
    <Page title={t('signalSettings.title')} intro={t('signalSettings.intro')}>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <LoadProblem error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <ThresholdsForm settings={settings.data} />
      )}
    </Page>
  );
}

function ThresholdsForm({ settings }: { settings: OrganizationSettingsView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => toValues(settings));
  const [checked, setChecked] = useState<Partial<Record<Field, string>>>({});
  useEffect(() => setValues(toValues(settings)), [settings]);
  const save = useMutation({
    mutationFn: (body: Record<Field, number>) => call(signalApi.updateSettings, { body }),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
  const server = useFormErrors(save.error, FIELDS);
  // The server's words for a range ("must be a whole number from 1 to 10") become the same sentence as ours.
  const fieldError = (field: Field) =>
    checked[field] ?? (server.fieldError(field) ? checkThreshold(t, field, values[field]) : undefined);
  const problems = FIELDS.flatMap((f) => {
    const message = checked[f];
    return message ? [message] : [];
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    for (const f of FIELDS) {
      const message = checkThreshold(t, f, values[f]);
      if (message) found[f] = message;
    }
    setChecked(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({
      cravingThreshold: Number(values.cravingThreshold),
      lowMoodThreshold: Number(values.lowMoodThreshold),
      silenceDays: Number(values.silenceDays),
    });
  };
  const field = (name: Field) => ({
    label: t(`signalSettings.${name}`),
    hint: t(`signalSettings.${name}Hint`),
    name,
    type: 'number',
    inputMode: 'numeric' as const,
    min: THRESHOLD_RANGES[name].min,
    max: THRESHOLD_RANGES[name].max,
    step: 1,
    className: 'field-short',
    value: values[name],
    error: fieldError(name),
    onChange: (e: { target: { value: string } }) => {
      save.reset();
      setChecked(({ [name]: _gone, ...rest }) => rest);
      setValues((v) => ({ ...v, [name]: e.target.value }));
    },
  });

  return (
    <section className="card" aria-labelledby="thresholds-heading">
      <h2 id="thresholds-heading" className="visually-hidden">
        {t('signalSettings.title')}
      </h2>
      <p>
        {t('signalSettings.current', {
          craving: settings.cravingThreshold,
          mood: settings.lowMoodThreshold,
          days: settings.silenceDays,
        })}
      </p>
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="thresholds-heading">
        {problems.length > 0 ? (
          <Notice tone="error">
            <p>{t('errors.checkFields')}</p>
            <ul>
              {problems.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </Notice>
        ) : (
          <FormProblem error={save.error} fields={FIELDS} />
        )}
        <TextField {...field('cravingThreshold')} />
        <TextField {...field('lowMoodThreshold')} />
        <TextField {...field('silenceDays')} />
        {save.isSuccess ? <Notice tone="success">{t('signalSettings.saved')}</Notice> : null}
        <button type="submit" className="button" disabled={save.isPending}>
          {t('signalSettings.save')}
        </button>
      </form>
    </section>
  );
}
