// Ask for help (or offer it) in a few taps: what, which kind, who sees it, with or without my name.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  SUPPORT_AUDIENCES,
  SUPPORT_TEXT_MAX,
  type SupportAudience,
  type SupportPostType,
} from '../../../shared/contracts/support.ts';
import { SUPPORT_KINDS, type SupportKind } from '../../../shared/domain/vocabulary.ts';
import { useFormErrors } from '../../components/errors.ts';
import { CheckboxField, SelectField, TextAreaField } from '../../components/fields.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { supportError, usePost } from './support-api.ts';
import { SupportTabs } from './support-tabs.tsx';

const FIELDS = ['type', 'supportKind', 'body', 'audience', 'anonymous', 'expiresInDays'] as const;
const DAYS = [1, 3, 7, 14, 30] as const;

function Choice<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  hints,
}: {
  legend: string;
  name: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (next: T) => void;
  hints?: Partial<Record<T, string>>;
}) {
  const id = useId();
  return (
    <fieldset className="field support-choice">
      <legend>{legend}</legend>
      {options.map((option) => (
        <div className="check" key={option.value}>
          <input
            type="radio"
            id={`${id}-${option.value}`}
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            aria-describedby={hints?.[option.value] ? `${id}-${option.value}-hint` : undefined}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          {hints?.[option.value] ? (
            <p className="hint" id={`${id}-${option.value}-hint`}>
              {hints[option.value]}
            </p>
          ) : null}
        </div>
      ))}
    </fieldset>
  );
}

export function AskPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const post = usePost();
  const [type, setType] = useState<SupportPostType>('request');
  const [supportKind, setKind] = useState<SupportKind>('instrumental');
  const [body, setBody] = useState('');
  const [audience, setAudience] = useState<SupportAudience>('house');
  const [anonymous, setAnonymous] = useState(false);
  const [days, setDays] = useState(7);
  // One key per thing being posted: a retry after a dropped connection posts it once.
  const [idempotencyKey, setKey] = useState(() => crypto.randomUUID());
  const { fieldError } = useFormErrors(post.error, FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    post.mutate(
      { type, supportKind, body, audience, anonymous, expiresInDays: days, idempotencyKey },
      {
        onSuccess: () => {
          setKey(crypto.randomUUID());
          navigate('/support/mine', { state: { posted: true } });
        },
      },
    );
  };

  return (
    <Page title={t('peerSupport.askTitle')} intro={t('peerSupport.askIntro')}>
      <SupportTabs />
      <form className="card support-ask" onSubmit={submit} noValidate>
        <Choice
          legend={t('peerSupport.typeLegend')}
          name="type"
          value={type}
          onChange={(next) => {
            setType(next);
            setDays(next === 'offer' ? 30 : 7);
          }}
          options={[
            { value: 'request', label: t('peerSupport.typeRequest') },
            { value: 'offer', label: t('peerSupport.typeOffer') },
          ]}
        />
        <Choice
          legend={t('peerSupport.kindLegend')}
          name="supportKind"
          value={supportKind}
          onChange={setKind}
          options={SUPPORT_KINDS.map((k) => ({ value: k, label: t(`supportKinds.${k}`) }))}
          hints={Object.fromEntries(SUPPORT_KINDS.map((k) => [k, t(`supportKindHints.${k}`)]))}
        />
        <TextAreaField
          label={t('peerSupport.bodyLabel')}
          hint={t(type === 'offer' ? 'peerSupport.bodyHintOffer' : 'peerSupport.bodyHintRequest')}
          value={body}
          maxLength={SUPPORT_TEXT_MAX}
          rows={3}
          required
          error={fieldError('body')}
          onChange={(event) => setBody(event.target.value)}
        />
        <SelectField
          label={t('peerSupport.audienceLabel')}
          value={audience}
          error={fieldError('audience')}
          onChange={(event) => setAudience(event.target.value as SupportAudience)}
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
          checked={anonymous}
          onChange={(event) => setAnonymous(event.target.checked)}
        />
        <SelectField
          label={t('peerSupport.expiresLabel')}
          value={String(days)}
          onChange={(event) => setDays(Number(event.target.value))}
        >
          {DAYS.map((d) => (
            <option key={d} value={d}>
              {t('peerSupport.expiresDays', { count: d })}
            </option>
          ))}
        </SelectField>
        {post.error ? <Notice tone="error">{supportError(t, post.error)}</Notice> : null}
        <button type="submit" className="button" disabled={post.isPending}>
          {t('peerSupport.send')}
        </button>
      </form>
    </Page>
  );
}
