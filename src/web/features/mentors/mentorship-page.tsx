// The pair's shared check-in log: a short line each time they talk or meet, for the two of them only.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MentorshipLogView } from '../../../shared/contracts/mentors.ts';
import { useFormErrors } from '../../components/errors.ts';
import { TextAreaField } from '../../components/fields.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading, LoadProblem, Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { peersError } from '../skills/skills-api.ts';
import { useAddMentorCheckIn, useLiveMentors, useMentorshipLog } from './mentors-api.ts';
import { MentorshipItem } from './mentors-page.tsx';

export function MentorshipPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useLiveMentors();
  const log = useMentorshipLog(id);
  if (log.isPending) {
    return (
      <Page title={t('mentors.title')}>
        <Loading />
      </Page>
    );
  }
  if (log.isError) {
    return (
      <Page title={t('mentors.title')}>
        <LoadProblem error={log.error} onRetry={() => void log.refetch()} />
        <p>
          <Link to="/mentors">{t('mentors.back')}</Link>
        </p>
      </Page>
    );
  }
  return <LogView id={id} log={log.data} />;
}

function LogView({ id, log }: { id: string; log: MentorshipLogView }) {
  const { t, i18n } = useTranslation();
  const m = log.mentorship;
  const other = m.myRole === 'mentor' ? m.mentee : m.mentor;
  if (m.state === 'proposed' || m.state === 'declined') {
    // A request (e.g. opened from a notification): answer it here, or see that it waits.
    return (
      <Page title={t('mentors.title')}>
        <p className="link-row">
          <Link to="/mentors">{t('mentors.back')}</Link>
        </p>
        <section className="card" aria-labelledby="mentor-request">
          <h2 id="mentor-request">{t('mentors.mineHeading')}</h2>
          <ul className="mentorships">
            <MentorshipItem mentorship={m} />
          </ul>
        </section>
      </Page>
    );
  }
  return (
    <Page title={t('mentors.logTitle', { name: other.displayName })} intro={t('mentors.logIntro')}>
      <p className="link-row">
        <Link to="/mentors">{t('mentors.back')}</Link>
        {m.conversationId ? <Link to={`/chat/${m.conversationId}`}>{t('mentors.openChat')}</Link> : null}
      </p>
      <section className="card" aria-labelledby="mentor-log">
        <h2 id="mentor-log">{t('mentors.openLog')}</h2>
        {log.checkIns.length === 0 ? (
          <p className="hint">{t('mentors.noCheckIns')}</p>
        ) : (
          <ol className="mentor-log">
            {log.checkIns.map((c) => (
              <li key={c.id}>
                <p className="hint">
                  {c.mine ? t('mentors.you') : c.author.displayName} ·{' '}
                  {formatDateTime(c.createdAt, i18n.language)}
                </p>
                <p>{c.note}</p>
              </li>
            ))}
          </ol>
        )}
        {m.state === 'active' ? <AddCheckIn id={id} /> : <p className="hint">{t('mentors.endedNote')}</p>}
      </section>
    </Page>
  );
}

function AddCheckIn({ id }: { id: string }) {
  const { t } = useTranslation();
  const add = useAddMentorCheckIn(id);
  const [note, setNote] = useState('');
  const { fieldError } = useFormErrors(add.error, ['note']);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(note.trim(), { onSuccess: () => setNote('') });
  };
  return (
    <form className="form card-inset" onSubmit={onSubmit} noValidate>
      {add.isError && !fieldError('note') ? <Notice tone="error">{peersError(t, add.error)}</Notice> : null}
      <TextAreaField
        label={t('mentors.note')}
        hint={t('mentors.noteHint')}
        name="note"
        maxLength={500}
        rows={3}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={fieldError('note')}
      />
      <button type="submit" className="button" disabled={add.isPending}>
        {t('mentors.add')}
      </button>
    </form>
  );
}
