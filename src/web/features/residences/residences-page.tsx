// Residences (admin): every house with its beds, a way to open a new one or change one, and programs.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ResidenceView } from '../../../shared/contracts/residences.ts';
import { Hidden, Loading, LoadProblem, Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { NarrLevelText } from '../house/narr-level.tsx';
import { ProgramsSection } from './programs-section.tsx';
import { ResidenceForm } from './residence-form.tsx';
import { useResidences } from './residences-api.ts';

export function ResidencesPage() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const residences = useResidences();
  const done = (result: ResidenceView | null) => {
    setEditing(null);
    setSaved(result ? result.name : null);
  };
  return (
    <Page title={t('residences.title')} intro={t('residences.intro')}>
      {saved ? <Notice tone="success">{t('residences.saved', { name: saved })}</Notice> : null}
      {editing === 'new' ? (
        <ResidenceForm residence={null} onDone={done} />
      ) : (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setSaved(null);
              setEditing('new');
            }}
          >
            {t('residences.add')}
          </button>
        </p>
      )}
      {residences.isPending ? (
        <Loading />
      ) : residences.isError ? (
        <LoadProblem error={residences.error} onRetry={() => void residences.refetch()} />
      ) : residences.data.residences.length === 0 ? (
        <p className="card empty-state">{t('residences.empty')}</p>
      ) : (
        <ul className="cards" aria-label={t('residences.listLabel')}>
          {residences.data.residences.map((r) =>
            editing === r.id ? (
              <li key={r.id}>
                <ResidenceForm residence={r} onDone={done} />
              </li>
            ) : (
              <li key={r.id} className="card residence">
                <h2>
                  <Link to={`/residences/${r.id}`}>{r.name}</Link>
                </h2>
                {r.address ? <p className="address">{r.address}</p> : null}
                <p className="beds">
                  <strong>
                    {t('residences.occupancy', { count: r.residentCount, beds: r.bedCapacity })}
                  </strong>
                </p>
                <p>
                  <NarrLevelText level={r.narrLevel} withDescription={false} />
                </p>
                {r.programFocus.length > 0 ? (
                  <ul className="tags">
                    {r.programFocus.map((f) => (
                      <li key={f}>{t(`focus.${f}`)}</li>
                    ))}
                  </ul>
                ) : null}
                <div className="button-row">
                  <Link className="button button-small" to={`/residences/${r.id}`}>
                    {t('residences.open')}
                    <Hidden> {r.name}</Hidden>
                  </Link>
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    onClick={() => {
                      setSaved(null);
                      setEditing(r.id);
                    }}
                  >
                    {t('residences.edit')}
                    <Hidden> {r.name}</Hidden>
                  </button>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
      <ProgramsSection />
    </Page>
  );
}
