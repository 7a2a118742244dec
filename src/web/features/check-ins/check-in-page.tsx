// The 30-second daily check-in: one screen, editable the same day, with an end-of-day reflection.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CheckInView } from '../../../shared/contracts/check-ins.ts';
import {
  CRAVING_MAX,
  CRAVING_MIN,
  MOOD_MAX,
  MOOD_MIN,
  REFLECTIONS,
  type Reflection,
  SUPPORT_KINDS,
  type SupportKind,
  TRIGGERS,
  type Trigger,
} from '../../../shared/domain/check-in.ts';
import { isApiError } from '../../app/api.ts';
import { useMe } from '../../app/session.ts';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { useFormErrors } from '../../components/errors.ts';
import { CheckboxField, CheckboxGroup, TextField } from '../../components/fields.tsx';
import { FormResult, useFormFeedback } from '../../components/form-feedback.tsx';
import { FormProblem, Loading, LoadProblem, Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { type SubmitResult, useSubmitCheckIn, useTodayCheckIn, useUpdateCheckIn } from './check-in-api.ts';

const FIELDS = [
  'mood',
  'craving',
  'sleepHours',
  'triggers',
  'triggerOther',
  'gratitude',
  'intention',
  'wantsSupport',
  'supportKind',
] as const;

type Draft = {
  mood: number | null;
  craving: number | null;
  sleepHours: string;
  triggers: Trigger[];
  triggerOther: string;
  gratitude: string;
  intention: string;
  wantsSupport: boolean;
  supportKind: SupportKind | null;
};

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function draftOf(checkIn: CheckInView | null): Draft {
  return {
    mood: checkIn?.mood ?? null,
    craving: checkIn?.craving ?? null,
    sleepHours: checkIn?.sleepHours == null ? '' : String(checkIn.sleepHours),
    triggers: checkIn?.triggers ?? [],
    triggerOther: checkIn?.triggerOther ?? '',
    gratitude: checkIn?.gratitude ?? '',
    intention: checkIn?.intention ?? '',
    wantsSupport: checkIn?.wantsSupport ?? false,
    supportKind: checkIn?.supportKind ?? null,
  };
}

type Outcome = SubmitResult['status'] | 'updated' | null;

export function CheckInPage() {
  const { t } = useTranslation();
  const today = useTodayCheckIn();
  const checkIn = today.data?.checkIn ?? null;
  // Kept here: the reflection below and the form share the page, and the result outlives a refetch.
  const [outcome, setOutcome] = useState<Outcome>(null);
  return (
    <Page title={t('checkIn.title')} intro={checkIn ? t('checkIn.editIntro') : t('checkIn.intro')}>
      {today.isPending ? (
        <Loading />
      ) : today.isError ? (
        <LoadProblem error={today.error} onRetry={() => void today.refetch()} />
      ) : (
        <>
          <CheckInForm checkIn={checkIn} outcome={outcome} onOutcome={setOutcome} />
          {checkIn?.editable ? <ReflectionForm checkIn={checkIn} /> : null}
        </>
      )}
      <p>
        <Link to="/today">{t('checkIn.backToToday')}</Link>
      </p>
    </Page>
  );
}

function CheckInForm({
  checkIn,
  outcome,
  onOutcome,
}: {
  checkIn: CheckInView | null;
  outcome: Outcome;
  onOutcome: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [draft, setDraft] = useState<Draft>(() => draftOf(checkIn));
  // The same form stays on the page once the check-in is saved (focus and the result stay where they
  // are); when today's check-in arrives from elsewhere (saved earlier, or sent later) it shows it.
  const [shownId, setShownId] = useState(checkIn?.id ?? null);
  if ((checkIn?.id ?? null) !== shownId) {
    setShownId(checkIn?.id ?? null);
    setDraft(draftOf(checkIn));
  }
  const [missing, setMissing] = useState(false);
  const { formRef, showProblems } = useFormFeedback();
  const submit = useSubmitCheckIn(me.id);
  const update = useUpdateCheckIn(checkIn?.id ?? '');
  const active = checkIn ? update : submit;
  const set = (patch: Partial<Draft>) => {
    onOutcome(null);
    setDraft({ ...draft, ...patch });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.mood === null || draft.craving === null) {
      setMissing(true);
      onOutcome(null);
      showProblems();
      return;
    }
    setMissing(false);
    const sleep = draft.sleepHours.trim() === '' ? null : Number(draft.sleepHours.replace(',', '.'));
    const fields = {
      mood: draft.mood,
      craving: draft.craving,
      sleepHours: sleep,
      triggers: draft.triggers,
      triggerOther: draft.triggers.includes('other') ? draft.triggerOther.trim() || null : null,
      gratitude: draft.gratitude.trim() || null,
      intention: draft.intention.trim() || null,
      wantsSupport: draft.wantsSupport,
      supportKind: draft.wantsSupport ? draft.supportKind : null,
    };
    if (checkIn) update.mutate(fields, { onSuccess: () => onOutcome('updated'), onError: showProblems });
    else submit.mutate(fields, { onSuccess: (r) => onOutcome(r.status), onError: showProblems });
  };
  const conflict = isApiError(submit.error) && submit.error.status === 409;
  const { summary, extra } = useFormErrors(active.error, FIELDS);
  const problem = (name: string) =>
    missing && ((name === 'mood' && draft.mood === null) || (name === 'craving' && draft.craving === null))
      ? t('server.isRequired')
      : undefined;
  return (
    <form
      ref={formRef}
      className="form card check-in-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('checkIn.title')}
    >
      <ChoiceGroup
        name="mood"
        legend={t('checkIn.mood')}
        className="choices-mood"
        options={range(MOOD_MIN, MOOD_MAX).map((v) => ({
          value: v,
          label: t(`checkIn.moods.${v as 1 | 2 | 3 | 4 | 5}`),
        }))}
        value={draft.mood}
        onChange={(mood) => set({ mood })}
        error={problem('mood')}
      />
      <ChoiceGroup
        name="craving"
        legend={t('checkIn.craving')}
        className="choices-craving"
        options={range(CRAVING_MIN, CRAVING_MAX).map((v) => ({ value: v, label: String(v) }))}
        value={draft.craving}
        onChange={(craving) => set({ craving })}
        error={problem('craving')}
      />
      <TextField
        label={t('checkIn.sleep')}
        name="sleepHours"
        type="number"
        inputMode="decimal"
        min={0}
        max={24}
        step={0.5}
        className="field-short"
        value={draft.sleepHours}
        onChange={(e) => set({ sleepHours: e.target.value })}
      />
      <CheckboxGroup
        legend={t('checkIn.triggers')}
        options={TRIGGERS.map((v) => ({ value: v, label: t(`triggers.${v}`) }))}
        value={draft.triggers}
        onChange={(triggers) => set({ triggers })}
      />
      {draft.triggers.includes('other') ? (
        <TextField
          label={t('checkIn.triggerOther')}
          name="triggerOther"
          maxLength={120}
          value={draft.triggerOther}
          onChange={(e) => set({ triggerOther: e.target.value })}
        />
      ) : null}
      <TextField
        label={t('checkIn.gratitude')}
        name="gratitude"
        maxLength={500}
        value={draft.gratitude}
        onChange={(e) => set({ gratitude: e.target.value })}
      />
      <TextField
        label={t('checkIn.intention')}
        name="intention"
        maxLength={500}
        value={draft.intention}
        onChange={(e) => set({ intention: e.target.value })}
      />
      <CheckboxField
        label={t('checkIn.wantsSupport')}
        hint={t('checkIn.wantsSupportHint')}
        name="wantsSupport"
        checked={draft.wantsSupport}
        onChange={(e) => set({ wantsSupport: e.target.checked })}
      />
      {draft.wantsSupport ? (
        <ChoiceGroup
          name="supportKind"
          legend={t('checkIn.supportKind')}
          className="choices-support"
          options={SUPPORT_KINDS.map((k) => ({
            value: k,
            label: t(`supportKinds.${k}`),
            hint: t(`supportKindHints.${k}`),
          }))}
          value={draft.supportKind}
          onChange={(supportKind) => set({ supportKind })}
        />
      ) : null}
      <button type="submit" className="button button-large" disabled={active.isPending}>
        {checkIn ? t('checkIn.save') : t('checkIn.submit')}
      </button>
      <CheckInResult
        outcome={outcome}
        saved={checkIn !== null}
        conflict={conflict}
        missing={missing && (draft.mood === null || draft.craving === null)}
        summary={summary}
        extra={extra}
      />
    </form>
  );
}

/** Said next to the button: saved, kept on the phone, already done today, or what to fix. */
function CheckInResult({
  outcome,
  saved,
  conflict,
  missing,
  summary,
  extra,
}: {
  outcome: Outcome;
  saved: boolean;
  conflict: boolean;
  missing: boolean;
  summary: string | null;
  extra: string[];
}) {
  const { t } = useTranslation();
  if (outcome === 'saved' || outcome === 'updated')
    return <FormResult tone="success">{t('checkIn.saved')}</FormResult>;
  if (outcome === 'queued')
    return saved ? (
      <FormResult tone="success">{t('checkIn.sent')}</FormResult>
    ) : (
      <FormResult tone="info">{t('checkIn.queued')}</FormResult>
    );
  if (conflict) return <FormResult tone="info">{t('checkIn.alreadyToday')}</FormResult>;
  if (missing) return <FormResult tone="error">{t('errors.checkFields')}</FormResult>;
  if (summary)
    return (
      <FormResult tone="error">
        <p>{summary}</p>
        {extra.length > 0 ? (
          <ul>
            {extra.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </FormResult>
    );
  return <FormResult />;
}

function ReflectionForm({ checkIn }: { checkIn: CheckInView }) {
  const { t } = useTranslation();
  const [reflection, setReflection] = useState<Reflection | null>(checkIn.reflection);
  const update = useUpdateCheckIn(checkIn.id);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ reflection });
  };
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="reflection-heading">
      <h2 id="reflection-heading">{t('checkIn.reflectionHeading')}</h2>
      <p className="hint">{t('checkIn.reflectionIntro')}</p>
      <FormProblem error={update.error} fields={['reflection']} />
      <ChoiceGroup
        name="reflection"
        legend={t('checkIn.reflectionHeading')}
        legendHidden
        className="choices-reflection"
        options={REFLECTIONS.map((r) => ({ value: r, label: t(`reflections.${r}`) }))}
        value={reflection}
        onChange={(r) => {
          update.reset();
          setReflection(r);
        }}
      />
      {update.isSuccess ? <Notice tone="success">{t('checkIn.reflectionSaved')}</Notice> : null}
      <button type="submit" className="button button-secondary" disabled={update.isPending || !reflection}>
        {t('checkIn.reflectionSave')}
      </button>
    </form>
  );
}
