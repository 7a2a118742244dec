// The published minutes of a closed house meeting, laid out to print (styles.css hides the app around it).
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CommitmentView, MinutesView, MotionView } from '../../../../shared/contracts/decisions.ts';
import { isApiError } from '../../../app/api.ts';
import { errorMessage } from '../../../components/errors.ts';
import { formatDate } from '../../../components/format.ts';
import { Loading, LoadProblem, Notice } from '../../../components/notice.tsx';
import { Page } from '../../../components/page.tsx';
import { useMinutes } from './decisions-api.ts';

const KINDS = ['problem', 'business', 'chores', 'celebrations', 'follow_up'] as const;
type Kind = (typeof KINDS)[number];
const STANDING = new Set<Kind>(['business', 'chores', 'celebrations']);

export function MinutesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const minutes = useMinutes(id);
  const problem = minutes.error ? errorMessage(t, minutes.error) : null;
  const title = minutes.data
    ? t('minutes.title', { title: minutes.data.meeting.title })
    : t('minutes.titleGeneric');
  return (
    <Page title={title}>
      {minutes.isPending ? (
        <Loading />
      ) : minutes.isError ? (
        isApiError(minutes.error, 'conflict') ? (
          <Notice>{problem}</Notice>
        ) : (
          <LoadProblem error={minutes.error} onRetry={() => void minutes.refetch()} />
        )
      ) : (
        <MinutesBody minutes={minutes.data} />
      )}
    </Page>
  );
}

function MinutesBody({ minutes }: { minutes: MinutesView }) {
  const { t, i18n } = useTranslation();
  const m = minutes.meeting;
  const hasOther = minutes.motions.length > 0 || minutes.commitments.length > 0;
  return (
    <article className="minutes">
      <p className="minutes-meta">
        {t('minutes.meta', { house: m.residenceName, date: formatDate(m.localDate, i18n.language) })}
      </p>
      <p>
        {m.chair ? t('minutes.chair', { name: m.chair.displayName }) : null}
        {m.chair && m.secretary ? ' · ' : null}
        {m.secretary ? t('minutes.secretary', { name: m.secretary.displayName }) : null}
      </p>
      <p>{t('minutes.attendance', minutes.attendance)}</p>
      <div className="button-row no-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('minutes.print')}
        </button>
        <Link to={`/house/${m.residenceId}/minutes`}>{t('minutes.history')}</Link>
      </div>
      <h2>{t('minutes.itemsHeading')}</h2>
      <ol className="minutes-items">
        {minutes.items.map((item) => (
          <li key={item.id} className="minutes-item">
            <ItemHeading item={item} />
            {item.details ? <p>{item.details}</p> : null}
            {item.minutes ? (
              <p className="minutes-text">{item.minutes}</p>
            ) : (
              <p className="hint">{t('minutes.noMinutes')}</p>
            )}
            <Motions motions={item.motions} />
            <Commitments commitments={item.commitments} />
          </li>
        ))}
      </ol>
      {hasOther ? (
        <section aria-labelledby="minutes-other">
          <h2 id="minutes-other">{t('minutes.otherHeading')}</h2>
          <Motions motions={minutes.motions} />
          <Commitments commitments={minutes.commitments} />
        </section>
      ) : null}
    </article>
  );
}

/** Standing items are named in the reader's language; others by their title, with who raised them (if named). */
function ItemHeading({ item }: { item: MinutesView['items'][number] }) {
  const { t } = useTranslation();
  const kind = KINDS.includes(item.kind as Kind) ? (item.kind as Kind) : null;
  if (kind && STANDING.has(kind)) return <h3>{t(`minutes.kinds.${kind}`)}</h3>;
  const raiser = item.raisedBy
    ? t('minutes.raisedBy', { name: item.raisedBy.displayName })
    : item.anonymous
      ? t('minutes.raisedAnonymously')
      : null;
  const meta = [kind ? t(`minutes.kinds.${kind}`) : null, raiser].filter(Boolean).join(' · ');
  return (
    <>
      <h3>{item.title}</h3>
      {meta ? <p className="hint">{meta}</p> : null}
    </>
  );
}

function Motions({ motions }: { motions: MotionView[] }) {
  const { t } = useTranslation();
  if (motions.length === 0) return null;
  return (
    <ul className="plain-list minutes-motions">
      {motions.map((m) => (
        <li key={m.id}>
          <strong>{m.text}</strong>
          {' — '}
          {m.result ? t(`motions.results.${m.result}`) : t('motions.openState', { count: m.votesCast })}
          {m.result ? (
            <>
              {' '}
              <span className="hint">
                (
                {t('motions.counts', {
                  for: m.votesFor ?? 0,
                  against: m.votesAgainst ?? 0,
                  abstain: m.abstentions ?? 0,
                  present: m.presentCount ?? 0,
                  quorum: m.quorum ?? 0,
                })}
                )
              </span>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Commitments({ commitments }: { commitments: CommitmentView[] }) {
  const { t, i18n } = useTranslation();
  if (commitments.length === 0) return null;
  return (
    <ul className="plain-list minutes-commitments">
      {commitments.map((c) => (
        <li key={c.id}>
          {t('commitments.line', {
            helper: c.helper.displayName,
            helped: c.helped ? c.helped.displayName : t('commitments.wholeHouse'),
          })}
          {`: ${c.description} (${t(`supportKinds.${c.supportKind}`)}`}
          {c.dueOn ? `, ${t('commitments.due', { date: formatDate(c.dueOn, i18n.language) })}` : ''}
          {c.doneAt
            ? `, ${t('commitments.done', { date: formatDate(c.doneAt.slice(0, 10), i18n.language) })}`
            : ''}
          )
        </li>
      ))}
    </ul>
  );
}
