import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Loading } from '../components/notice.tsx';
import { Page } from '../components/page.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} intro={t('notFound.intro')}>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}

/** Shown when a screen fails in a way nobody planned for: calm words and a way back. */
export function CrashPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <main id="main" className="app-main">
      <Page title={t('crash.title')} intro={t('crash.intro')}>
        <p>
          <a href="/">{t('crash.reload')}</a>
        </p>
      </Page>
    </main>
  );
}

/** A signed-in screen this person's roles don't open. */
export function NotAllowed() {
  const { t } = useTranslation();
  return (
    <Page title={t('notAllowed.title')} intro={t('notAllowed.intro')}>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}

/** While a screen's code is still arriving on first load. */
export function Starting() {
  return (
    <main id="main" className="app-main">
      <Loading />
    </main>
  );
}
