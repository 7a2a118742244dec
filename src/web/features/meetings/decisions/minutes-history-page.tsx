// A house's minutes, newest first, with a search over agenda items, their notes and the motions.
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { TextField } from '../../../components/fields.tsx';
import { formatDate } from '../../../components/format.ts';
import { Loading, LoadProblem } from '../../../components/notice.tsx';
import { Page } from '../../../components/page.tsx';
import { useMinutesHistory } from './decisions-api.ts';

export function MinutesHistoryPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  // Back and forward through searches keep the field in step with the address.
  useEffect(() => setDraft(q), [q]);
  const history = useMinutesHistory(id, q);
  const name = history.data?.residenceName;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = draft.trim();
    setParams(next ? { q: next } : {});
  };
  return (
    <Page title={name ? t('minutesHistory.title', { house: name }) : t('minutesHistory.titleGeneric')}>
      <search>
        <form className="form search-form" onSubmit={onSubmit}>
          <TextField
            label={t('minutesHistory.search')}
            hint={t('minutesHistory.searchHint')}
            type="search"
            name="q"
            maxLength={100}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="button">
            {t('minutesHistory.searchButton')}
          </button>
        </form>
      </search>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <LoadProblem error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.meetings.length === 0 ? (
        <p className="hint" role="status">
          {q ? t('minutesHistory.noMatches', { q }) : t('minutesHistory.none')}
        </p>
      ) : (
        <ul className="minutes-history">
          {history.data.meetings.map((m) => (
            <li key={m.id} className="card">
              <h2>
                <Link to={`/meetings/${m.id}/minutes`}>
                  {m.title} · {formatDate(m.localDate, i18n.language)}
                </Link>
              </h2>
              <p className="hint">
                {[
                  t('minutesHistory.items', { count: m.itemCount }),
                  t('minutesHistory.votes', { count: m.motionCount }),
                  t('minutesHistory.commitments', { count: m.commitmentCount }),
                ].join(' · ')}
              </p>
              {m.matches.length > 0 ? (
                <ul className="plain-list">
                  {m.matches.map((match) => (
                    <li key={match.itemId}>
                      <strong>{match.title}</strong>
                      {match.excerpt ? `: ${match.excerpt}` : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
