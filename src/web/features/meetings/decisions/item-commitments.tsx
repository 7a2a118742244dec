// The commitments made on one agenda item — how peers will help — and, for the chair, secretary or peer
// leader, a form to record another. The meeting page (features/meetings) shows it under each item.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORT_KINDS, type SupportKind } from '../../../../shared/domain/vocabulary.ts';
import { errorMessage, useFormErrors } from '../../../components/errors.ts';
import { SelectField, TextAreaField, TextField } from '../../../components/fields.tsx';
import { Loading, LoadProblem, Notice } from '../../../components/notice.tsx';
import { CommitmentLine } from './commitment-line.tsx';
import { useMeetingCommitments, useRecordCommitment } from './decisions-api.ts';

const FIELDS = ['helperId', 'helpedId', 'description', 'supportKind', 'dueOn'] as const;
/** The select's value for "the whole house" (helpedId null). */
const WHOLE_HOUSE = 'house';

export function ItemCommitments({
  meetingId,
  itemId,
  canRecord,
}: {
  meetingId: string;
  itemId: string;
  canRecord: boolean;
}) {
  const { t } = useTranslation();
  const list = useMeetingCommitments(meetingId);
  const mine = list.data?.commitments.filter((c) => c.agendaItemId === itemId) ?? [];
  // Peers see this section only when there is something to show; the people running the meeting always.
  if (list.isSuccess && mine.length === 0 && !canRecord) return null;
  return (
    <div className="item-commitments">
      <h4>{t('commitments.heading')}</h4>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadProblem error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {mine.length === 0 ? (
            <p className="hint">{t('commitments.none')}</p>
          ) : (
            <ul className="commitments">
              {mine.map((c) => (
                <CommitmentLine key={c.id} commitment={c} />
              ))}
            </ul>
          )}
          {canRecord ? (
            <CommitmentForm meetingId={meetingId} itemId={itemId} members={list.data.members} />
          ) : null}
        </>
      )}
    </div>
  );
}

type Draft = { helperId: string; helpedId: string; description: string; supportKind: string; dueOn: string };
const EMPTY: Draft = { helperId: '', helpedId: WHOLE_HOUSE, description: '', supportKind: '', dueOn: '' };

function CommitmentForm({
  meetingId,
  itemId,
  members,
}: {
  meetingId: string;
  itemId: string;
  members: { personId: string; displayName: string }[];
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const record = useRecordCommitment(meetingId);
  const { fieldError } = useFormErrors(record.error, FIELDS);
  const problem = record.error ? errorMessage(t, record.error) : null;
  const set = (key: keyof Draft) => (event: { target: { value: string } }) => {
    record.reset();
    setDraft((d) => ({ ...d, [key]: event.target.value }));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(
      {
        agendaItemId: itemId,
        helperId: draft.helperId,
        helpedId: draft.helpedId === WHOLE_HOUSE ? null : draft.helpedId,
        description: draft.description,
        supportKind: draft.supportKind as SupportKind,
        dueOn: draft.dueOn || null,
      },
      { onSuccess: () => setDraft(EMPTY) },
    );
  };
  return (
    <details className="commitment-form">
      <summary>{t('commitments.addHeading')}</summary>
      <form className="form" onSubmit={onSubmit} noValidate>
        {problem ? <Notice tone="error">{problem}</Notice> : null}
        {record.isSuccess ? <Notice tone="success">{t('commitments.saved')}</Notice> : null}
        <SelectField
          label={t('commitments.helper')}
          name="helperId"
          value={draft.helperId}
          onChange={set('helperId')}
          error={fieldError('helperId')}
        >
          <option value="">{t('commitments.choose')}</option>
          {members.map((m) => (
            <option key={m.personId} value={m.personId}>
              {m.displayName}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('commitments.helped')}
          name="helpedId"
          value={draft.helpedId}
          onChange={set('helpedId')}
          error={fieldError('helpedId')}
        >
          <option value={WHOLE_HOUSE}>{t('commitments.wholeHouse')}</option>
          {members.map((m) => (
            <option key={m.personId} value={m.personId}>
              {m.displayName}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t('commitments.description')}
          hint={t('commitments.descriptionHint')}
          name="description"
          rows={2}
          maxLength={500}
          value={draft.description}
          onChange={set('description')}
          error={fieldError('description')}
        />
        <SelectField
          label={t('commitments.kind')}
          name="supportKind"
          value={draft.supportKind}
          onChange={set('supportKind')}
          error={fieldError('supportKind')}
        >
          <option value="">{t('commitments.choose')}</option>
          {SUPPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`supportKinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('commitments.dueOn')}
          type="date"
          name="dueOn"
          value={draft.dueOn}
          onChange={set('dueOn')}
          error={fieldError('dueOn')}
        />
        <button type="submit" className="button" disabled={record.isPending}>
          {t('commitments.save')}
        </button>
      </form>
    </details>
  );
}
