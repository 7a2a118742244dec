// Ask for help (or offer it) in a few taps: what, which kind, who sees it, with or without my name.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  SUPPORT_AUDIENCES,
  SUPPORT_TEXT_MAX,
  type SupportAudience,
  type SupportPostType,
} from '../../../shared/contracts/support.ts';
import { SUPPORT_KINDS, type SupportKind } from '../../../shared/domain/vocabulary.ts';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { useFormErrors } from '../../components/errors.ts';
import { CheckboxField, SelectField, TextAreaField } from '../../components/fields.tsx';
import { FormResult, useFormFeedback } from '../../components/form-feedback.tsx';
import { Page } from '../../components/page.tsx';
import { usePost } from './support-api.ts';
import { SupportTabs } from './support-tabs.tsx';

const FIELDS = ['type', 'supportKind', 'body', 'audience', 'anonymous', 'expiresInDays'] as const;
const DAYS = [1, 3, 7, 14, 30] as const;

type Draft = {
  type: SupportPostType | null;
  supportKind: SupportKind | null;
  body: string;
  audience: SupportAudience;
  anonymous: boolean;
  days: number;
};
// Nothing is chosen for the person: what they want and which kind of help are theirs to say.
const NEW_DRAFT: Draft = {
  type: null,
  supportKind: null,
  body: '',
  audience: 'house',
  anonymous: false,
  days: 7,
};

type DraftProps = {
  draft: Draft;
  change: (patch: Partial<Draft>) => void;
  fieldError: (field: string) => string | undefined;
};

export function AskPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const post = usePost();
  const [draft, setDraft] = useState<Draft>(NEW_DRAFT);
  const change = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  // One key per thing being posted: a retry after a dropped connection posts it once.
  const [idempotencyKey, setKey] = useState(() => crypto.randomUUID());
  const server = useFormErrors(post.error, FIELDS);
  const { formRef, showProblems } = useFormFeedback();
  // Choices not made yet, shown once the person tries to post.
  const [tried, setTried] = useState(false);
  const unchosen = (field: 'type' | 'supportKind') => tried && draft[field] === null;
  const fieldError = (field: string) =>
    (field === 'type' || field === 'supportKind') && unchosen(field)
      ? t('formFeedback.chooseOne')
      : server.fieldError(field);
  const summary = unchosen('type') || unchosen('supportKind') ? t('errors.checkFields') : server.summary;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { days, type, supportKind, ...fields } = draft;
    if (type === null || supportKind === null) {
      setTried(true);
      post.reset();
      showProblems();
      return;
    }
    post.mutate(
      { ...fields, type, supportKind, expiresInDays: days, idempotencyKey },
      {
        onSuccess: () => {
          setKey(crypto.randomUUID());
          navigate('/support/mine', { state: { posted: true } });
        },
        onError: showProblems,
      },
    );
  };

  return (
    <Page title={t('peerSupport.askTitle')} intro={t('peerSupport.askIntro')}>
      <SupportTabs />
      <form ref={formRef} className="card support-ask" onSubmit={submit} noValidate>
        <WhatFields draft={draft} change={change} fieldError={fieldError} />
        <ReachFields draft={draft} change={change} fieldError={fieldError} />
        <button type="submit" className="button button-large" disabled={post.isPending}>
          {t('peerSupport.send')}
        </button>
        <FormResult tone="error">{summary}</FormResult>
      </form>
    </Page>
  );
}

/** What is asked or offered: a request or an offer, its kind, and a few words. */
function WhatFields({ draft, change, fieldError }: DraftProps) {
  const { t } = useTranslation();
  return (
    <>
      <ChoiceGroup
        legend={t('peerSupport.typeLegend')}
        name="type"
        className="choices-support"
        value={draft.type}
        error={fieldError('type')}
        onChange={(type) => change({ type, days: type === 'offer' ? 30 : 7 })}
        options={[
          { value: 'request', label: t('peerSupport.typeRequest') },
          { value: 'offer', label: t('peerSupport.typeOffer') },
        ]}
      />
      <ChoiceGroup
        legend={t('peerSupport.kindLegend')}
        name="supportKind"
        className="choices-support"
        value={draft.supportKind}
        error={fieldError('supportKind')}
        onChange={(supportKind) => change({ supportKind })}
        options={SUPPORT_KINDS.map((k) => ({
          value: k,
          label: t(`supportKinds.${k}`),
          hint: t(`supportKindHints.${k}`),
        }))}
      />
      <TextAreaField
        label={t('peerSupport.bodyLabel')}
        hint={t(draft.type === 'offer' ? 'peerSupport.bodyHintOffer' : 'peerSupport.bodyHintRequest')}
        value={draft.body}
        maxLength={SUPPORT_TEXT_MAX}
        rows={3}
        required
        error={fieldError('body')}
        onChange={(event) => change({ body: event.target.value })}
      />
    </>
  );
}

/** Who hears it, with or without my name, and for how long it stays open. */
function ReachFields({ draft, change, fieldError }: DraftProps) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        label={t('peerSupport.audienceLabel')}
        value={draft.audience}
        error={fieldError('audience')}
        onChange={(event) => change({ audience: event.target.value as SupportAudience })}
      >
        {SUPPORT_AUDIENCES.map((a) => (
          <option key={a} value={a}>
            {t(`peerSupport.audiences.${a}`)}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        label={t('peerSupport.anonymousLabel')}
        hint={t('peerSupport.anonymousHint')}
        checked={draft.anonymous}
        onChange={(event) => change({ anonymous: event.target.checked })}
      />
      <SelectField
        label={t('peerSupport.expiresLabel')}
        value={String(draft.days)}
        error={fieldError('expiresInDays')}
        onChange={(event) => change({ days: Number(event.target.value) })}
      >
        {DAYS.map((d) => (
          <option key={d} value={d}>
            {t('peerSupport.expiresDays', { count: d })}
          </option>
        ))}
      </SelectField>
    </>
  );
}
