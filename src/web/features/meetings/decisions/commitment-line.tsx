// One commitment in a list: who helps whom, how, which kind of support, by when, and "mark done".
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitmentView } from '../../../../shared/contracts/decisions.ts';
import { errorMessage } from '../../../components/errors.ts';
import { TextField } from '../../../components/fields.tsx';
import { formatDate } from '../../../components/format.ts';
import { Hidden, Notice } from '../../../components/notice.tsx';
import { useMarkCommitmentDone } from './decisions-api.ts';

/** `onDone` lets a list that drops done commitments (My commitments) thank the person after the line goes. */
export function CommitmentLine({
  commitment,
  context,
  onDone,
}: {
  commitment: CommitmentView;
  context?: boolean;
  onDone?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const c = commitment;
  const helped = c.helped ? c.helped.displayName : t('commitments.wholeHouse');
  return (
    <li className={`commitment${c.doneAt ? ' commitment-done' : ''}`}>
      <p className="commitment-line">
        <strong>{t('commitments.line', { helper: c.helper.displayName, helped })}</strong>
        {': '}
        {c.description}
      </p>
      <p className="hint">
        {t(`supportKinds.${c.supportKind}`)}
        {c.dueOn ? ` · ${t('commitments.due', { date: formatDate(c.dueOn, i18n.language) })}` : null}
        {' · '}
        {c.doneAt
          ? t('commitments.done', { date: formatDate(c.doneAt.slice(0, 10), i18n.language) })
          : t('commitments.open')}
      </p>
      {context && c.itemTitle && c.meetingDate ? (
        <p className="hint">
          {t('myCommitments.from', { item: c.itemTitle, date: formatDate(c.meetingDate, i18n.language) })}
        </p>
      ) : null}
      {c.doneNote ? <p className="commitment-note">“{c.doneNote}”</p> : null}
      {!c.doneAt && c.canMarkDone ? <MarkDone commitment={c} onDone={onDone} /> : null}
    </li>
  );
}

function MarkDone({ commitment, onDone }: { commitment: CommitmentView; onDone: (() => void) | undefined }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const markDone = useMarkCommitmentDone();
  const problem = markDone.error ? errorMessage(t, markDone.error) : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = note.trim();
    markDone.mutate(trimmed ? { id: commitment.id, note: trimmed } : { id: commitment.id }, {
      onSuccess: () => onDone?.(),
    });
  };
  if (markDone.isSuccess)
    return onDone ? null : <Notice tone="success">{t('commitments.markedDone')}</Notice>;
  if (!open) {
    return (
      <button type="button" className="button button-secondary button-small" onClick={() => setOpen(true)}>
        {t('commitments.markDone')}
        <Hidden> {commitment.description}</Hidden>
      </button>
    );
  }
  return (
    <form className="form card-inset" onSubmit={onSubmit} noValidate>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <TextField
        label={t('commitments.doneNote')}
        name="note"
        maxLength={280}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={markDone.isPending}>
          {t('commitments.saveDone')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
