// The four screens of peer support, side by side: browse, ask or offer, mine, the ledger.
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

export function SupportTabs() {
  const { t } = useTranslation();
  return (
    <nav className="support-tabs" aria-label={t('peerSupport.tabsLabel')}>
      <NavLink to="/support" end>
        {t('peerSupport.browseTab')}
      </NavLink>
      <NavLink to="/support/ask">{t('peerSupport.askTab')}</NavLink>
      <NavLink to="/support/mine">{t('peerSupport.mineTab')}</NavLink>
      <NavLink to="/support/ledger">{t('peerSupport.ledgerTab')}</NavLink>
    </nav>
  );
}
