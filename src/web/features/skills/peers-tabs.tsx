// The two screens of peers helping one to one, side by side: skills and mentors.
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

export function PeersTabs() {
  const { t } = useTranslation();
  return (
    <nav className="peers-tabs" aria-label={t('peers.tabsLabel')}>
      <NavLink to="/skills">{t('peers.skillsTab')}</NavLink>
      <NavLink to="/mentors">{t('peers.mentorsTab')}</NavLink>
    </nav>
  );
}
