// Decisions by vote on a house meeting: the motions (all, or one agenda item's), vote buttons for members
// present, and for the chair, secretary or peer leader a way to put a motion and to close the vote.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MotionView, VOTE_CHOICES, type VoteChoice } from '../../../../shared/contracts/decisions.ts';
import { errorMessage, useFormErrors } from '../../../components/errors.ts';
import { TextAreaField } from '../../../components/fields.tsx';
import { Hidden, Loading, LoadProblem, Notice } from '../../../components/notice.tsx';
import { useMeetingMotions, useMotionChanges } from './decisions-api.ts';

const VOTE_LABEL = {
  for: 'motions.voteFor',
  against: 'motions.voteAgainst',
  abstain: 'motions.voteAbstain',
} as const;

export function MeetingMotions({
  meetingId,
  agendaItemId,
  canRecord,
  canVote,
}: {
  meetingId: string;
  agendaItemId?: string;
  canRecord: boolean;
  canVote: boolean;
}) {
  const { t } = useTranslation();
  const list = useMeetingMotions(meetingId);
  const changes = useMotionChanges(meetingId);
  const motions =
    list.data?.motions.filter((m) => (agendaItemId ? m.agendaItemId === agendaItemId : true)) ?? [];
  if (list.isSuccess && motions.length === 0 && !canRecord) return null;
  return (
    <div className="meeting-motions">
      <h4>{t('motions.heading')}</h4>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadProblem error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {motions.length === 0 ? (
            <p className="hint">{t('motions.none')}</p>
          ) : (
            <ul className="motions">
              {motions.map((m) => (
                <MotionItem
                  key={m.id}
                  motion={m}
                  canRecord={canRecord}
                  canVote={canVote}
                  present={list.data.iAmPresent}
                  changes={changes}
                />
              ))}
            </ul>
          )}
          {motions.length > 0 ? <p className="hint">{t('motions.privacy')}</p> : null}
          {canRecord ? <MotionForm agendaItemId={agendaItemId} changes={changes} /> : null}
        </>
      )}
    </div>
  );
}

type Changes = ReturnType<typeof useMotionChanges>;

function MotionItem({
  motion,
  canRecord,
  canVote,
  present,
  changes,
}: {
  motion: MotionView;
  canRecord: boolean;
  canVote: boolean;
  present: boolean;
  changes: Changes;
}) {
  const { t } = useTranslation();
  const m = motion;
  const voting = changes.vote.variables?.motionId === m.id ? changes.vote : null;
  const closing = changes.close.variables === m.id ? changes.close : null;
  const failed = voting?.error ?? closing?.error ?? null;
  const problem = failed ? errorMessage(t, failed) : null;
  const choose = (choice: VoteChoice) => changes.vote.mutate({ motionId: m.id, choice });
  return (
    <li className={`motion motion-${m.result ?? m.state}`}>
      <p className="motion-text">
        <strong>{m.text}</strong>
      </p>
      {m.movedBy ? <p className="hint">{t('motions.movedBy', { name: m.movedBy.displayName })}</p> : null}
      {m.state === 'closed' && m.result ? (
        <>
          <p className="motion-result">{t(`motions.results.${m.result}`)}</p>
          <p className="hint">
            {t('motions.counts', {
              for: m.votesFor ?? 0,
              against: m.votesAgainst ?? 0,
              abstain: m.abstentions ?? 0,
              present: m.presentCount ?? 0,
              quorum: m.quorum ?? 0,
            })}
          </p>
        </>
      ) : (
        <p className="hint">{t('motions.openState', { count: m.votesCast })}</p>
      )}
      {m.myVote ? <p>{t('motions.yourVote', { choice: t(`motions.choices.${m.myVote}`) })}</p> : null}
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {m.state === 'open' && canVote && !m.myVote ? (
        present ? (
          <fieldset className="vote-buttons">
            <legend className="visually-hidden">{m.text}</legend>
            {VOTE_CHOICES.map((choice) => (
              <button
                key={choice}
                type="button"
                className="button button-secondary"
                disabled={changes.vote.isPending}
                onClick={() => choose(choice)}
              >
                {t(VOTE_LABEL[choice])}
              </button>
            ))}
          </fieldset>
        ) : (
          <p className="hint">{t('motions.notPresent')}</p>
        )
      ) : null}
      {m.state === 'open' && canRecord ? (
        <button
          type="button"
          className="button"
          disabled={changes.close.isPending}
          onClick={() => changes.close.mutate(m.id)}
        >
          {t('motions.close')}
          <Hidden>: {m.text}</Hidden>
        </button>
      ) : null}
    </li>
  );
}

function MotionForm({ agendaItemId, changes }: { agendaItemId: string | undefined; changes: Changes }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const propose = changes.propose;
  const { fieldError } = useFormErrors(propose.error, ['text']);
  const problem = propose.error ? errorMessage(t, propose.error) : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    propose.mutate({ text, agendaItemId: agendaItemId ?? null }, { onSuccess: () => setText('') });
  };
  return (
    <details className="motion-form">
      <summary>{t('motions.proposeHeading')}</summary>
      <form className="form" onSubmit={onSubmit} noValidate>
        {problem ? <Notice tone="error">{problem}</Notice> : null}
        <TextAreaField
          label={t('motions.text')}
          hint={t('motions.textHint')}
          name="text"
          rows={2}
          maxLength={500}
          value={text}
          onChange={(e) => {
            propose.reset();
            setText(e.target.value);
          }}
          error={fieldError('text')}
        />
        <button type="submit" className="button" disabled={propose.isPending}>
          {t('motions.propose')}
        </button>
      </form>
    </details>
  );
}
