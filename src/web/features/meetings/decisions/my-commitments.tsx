// On Today: the help I said I would give (with "mark done"), and the help my housemates are bringing me.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, LoadProblem, Notice } from '../../../components/notice.tsx';
import { CommitmentLine } from './commitment-line.tsx';
import { useMyCommitments } from './decisions-api.ts';

export function MyCommitments() {
  const { t } = useTranslation();
  const list = useMyCommitments();
  const [justDone, setJustDone] = useState(false);
  const done = () => setJustDone(true);
  return (
    <section className="card my-commitments" aria-labelledby="my-commitments">
      <h2 id="my-commitments">{t('myCommitments.heading')}</h2>
      {justDone ? <Notice tone="success">{t('commitments.markedDone')}</Notice> : null}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadProblem error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {list.data.mine.length === 0 ? (
            <p className="hint">{t('myCommitments.none')}</p>
          ) : (
            <ul className="commitments">
              {list.data.mine.map((c) => (
                <CommitmentLine key={c.id} commitment={c} context onDone={done} />
              ))}
            </ul>
          )}
          {list.data.forMe.length > 0 ? (
            <>
              <h3>{t('myCommitments.forMeHeading')}</h3>
              <ul className="commitments">
                {list.data.forMe.map((c) => (
                  <CommitmentLine key={c.id} commitment={c} context onDone={done} />
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
