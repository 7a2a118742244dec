// The frame of the screens before signing in: the skip link, the brand, the language switch and the
// crisis lines. Small on purpose: it is all a first open on a weak connection needs besides its screen.
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { PublicCrisisLines } from '../features/reach-out/reach-out-button.tsx';

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t('shell.skipToContent')}
    </a>
  );
}

export function PublicLayout() {
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="header-row">
          <Link to="/sign-in" className="brand">
            Hearth
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <PublicCrisisLines />
    </>
  );
}
