// The support ledger: the help I gave and received; for peer leaders and admins, counts by kind per
// house and week (no names, no words).
import { useTranslation } from 'react-i18next';
import type { MyLedger } from '../../../shared/contracts/support.ts';
import { SUPPORT_KINDS, type SupportKind } from '../../../shared/domain/vocabulary.ts';
import { hasRole, isAdmin, useMe } from '../../app/session.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Loading, LoadProblem } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useHouseLedger, useLiveSupport, useMyLedger } from './support-api.ts';
import { SupportTabs } from './support-tabs.tsx';

export function LedgerPage() {
  const { t } = useTranslation();
  useLiveSupport();
  const me = useMe();
  const staff = isAdmin(me) || hasRole(me, 'peer_leader');
  const ledger = useMyLedger();
  return (
    <Page title={t('peerSupport.ledgerTitle')} intro={t('peerSupport.ledgerIntro')}>
      <SupportTabs />
      {ledger.isPending ? <Loading /> : null}
      {ledger.isError ? <LoadProblem error={ledger.error} onRetry={() => void ledger.refetch()} /> : null}
      {ledger.data ? <Mine ledger={ledger.data} /> : null}
      {staff ? <HouseCounts /> : null}
    </Page>
  );
}

function Mine({ ledger }: { ledger: MyLedger }) {
  const { t, i18n } = useTranslation();
  const kind = (k: SupportKind) => t(`supportKinds.${k}`);
  const source = (s: string) => t(`peerSupport.sources.${s as 'request' | 'commitment' | 'skill'}`);
  return (
    <>
      <p className="card card-highlight support-count">
        {t('peerSupport.helpedPeople', { count: ledger.peopleHelpedThisMonth })}
      </p>
      <section className="card" aria-labelledby="ledger-given">
        <h2 id="ledger-given">{t('peerSupport.given')}</h2>
        {ledger.given.length === 0 ? (
          <p className="hint">{t('peerSupport.nothingGiven')}</p>
        ) : (
          <ul className="plain-list">
            {ledger.given.map((entry) => (
              <li key={entry.id}>
                {entry.other
                  ? t('peerSupport.gaveTo', { kind: kind(entry.supportKind), name: entry.other.displayName })
                  : entry.source === 'commitment'
                    ? t('peerSupport.gaveToHouse', { kind: kind(entry.supportKind) })
                    : t('peerSupport.gaveToSomeone', { kind: kind(entry.supportKind) })}
                <span className="hint">
                  {' · '}
                  {formatDateTime(entry.at, i18n.language)} · {source(entry.source)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="ledger-received">
        <h2 id="ledger-received">{t('peerSupport.received')}</h2>
        {ledger.received.length === 0 ? (
          <p className="hint">{t('peerSupport.nothingReceived')}</p>
        ) : (
          <ul className="plain-list">
            {ledger.received.map((entry) => (
              <li key={entry.id}>
                {entry.other
                  ? t('peerSupport.gotFrom', { kind: kind(entry.supportKind), name: entry.other.displayName })
                  : t('peerSupport.gotFromSomeone', { kind: kind(entry.supportKind) })}
                <span className="hint">
                  {' · '}
                  {formatDateTime(entry.at, i18n.language)} · {source(entry.source)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function HouseCounts() {
  const { t, i18n } = useTranslation();
  const counts = useHouseLedger(true);
  return (
    <section className="card" aria-labelledby="ledger-houses">
      <h2 id="ledger-houses">{t('peerSupport.housesTitle')}</h2>
      <p className="hint">{t('peerSupport.housesIntro')}</p>
      {counts.isPending ? <Loading /> : null}
      {counts.isError ? <LoadProblem error={counts.error} onRetry={() => void counts.refetch()} /> : null}
      {counts.data && counts.data.weeks.length === 0 ? (
        <p className="hint">{t('peerSupport.noCounts')}</p>
      ) : null}
      {counts.data && counts.data.weeks.length > 0 ? (
        // Focusable, so a keyboard can scroll it sideways too.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        <div className="table-scroll" tabIndex={0}>
          <table className="support-counts stack-table">
            <caption className="visually-hidden">{t('peerSupport.housesTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('peerSupport.house')}</th>
                <th scope="col">{t('peerSupport.weekOf')}</th>
                {SUPPORT_KINDS.map((k) => (
                  <th scope="col" key={k}>
                    {t(`supportKinds.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {counts.data.weeks.map((w) => (
                <tr key={`${w.residenceId}-${w.weekStart}`}>
                  <th scope="row">{w.residenceName}</th>
                  <td data-label={t('peerSupport.weekOf')}>{formatDate(w.weekStart, i18n.language)}</td>
                  {SUPPORT_KINDS.map((k) => (
                    <td key={k} data-label={t(`supportKinds.${k}`)}>
                      {w[k]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
