// The two shells: public screens (sign in, setup, invitations) and signed-in screens with the menu.
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { authApi } from '../../shared/contracts/auth.ts';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { Loading, LoadProblem } from '../components/notice.tsx';
import { Page } from '../components/page.tsx';
import { ChatNavLabel } from '../features/chat/chat-nav.tsx';
import { usePendingCheckInSync } from '../features/check-ins/check-in-api.ts';
import { NotificationBell } from '../features/notifications/bell.tsx';
import { OnCallAlerts, PublicCrisisLines, ReachOutButton } from '../features/reach-out/reach-out-button.tsx';
import { useAccountLanguage } from './account-language.ts';
import { call, isApiError } from './api.ts';
import { prefetchFirstScreens } from './first-screens.ts';
import { SkipLink } from './public-layout.tsx';
import { RealtimeIndicator, RealtimeProvider } from './realtime.tsx';
import { hasHouseRole, isAdmin, MeContext, useMe, useMeQuery } from './session.ts';

export function SignedInLayout() {
  const { t } = useTranslation();
  const me = useMeQuery();
  useAccountLanguage(me.data?.language);
  // Opened straight onto another screen (a link, a reload): Today, the check-in and reach out come next.
  useEffect(() => {
    const idle = window.setTimeout(prefetchFirstScreens, 0);
    return () => window.clearTimeout(idle);
  }, []);

  if (me.isPending) {
    return (
      <main id="main" className="app-main">
        <Loading />
      </main>
    );
  }
  if (me.isError) {
    // Not signed in: the API client is already taking the person to the sign-in screen.
    if (isApiError(me.error, 'not_signed_in') || isApiError(me.error, 'session_expired')) return <Loading />;
    return (
      <main id="main" className="app-main">
        <Page title={t('shell.unavailableTitle')}>
          <LoadProblem error={me.error} onRetry={() => void me.refetch()} />
        </Page>
      </main>
    );
  }
  return (
    <MeContext.Provider value={me.data}>
      <SkipLink />
      <header className="app-header">
        <div className="header-row">
          <Link to="/" className="brand">
            Hearth
          </Link>
          <span className="org-name">{me.data.organization.name}</span>
          <NotificationBell />
          <RealtimeIndicator />
          <SignOutButton />
        </div>
        <div className="reach-out-row">
          <ReachOutButton />
        </div>
        <MainMenu />
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <OnCallAlerts />
        <Outlet />
      </main>
      <PendingCheckInSync personId={me.data.id} />
      <RealtimeProvider />
    </MeContext.Provider>
  );
}

/** A check-in kept on this phone while offline is sent when the connection returns, on any screen. */
function PendingCheckInSync({ personId }: { personId: string }) {
  usePendingCheckInSync(personId);
  return null;
}

function MainMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const admin = isAdmin(me);
  const items = [
    { to: '/today', label: t('nav.today'), show: hasHouseRole(me) },
    { to: '/house', label: t('nav.house'), show: hasHouseRole(me) },
    { to: '/meetings', label: t('meetings.nav'), show: hasHouseRole(me) || admin },
    { to: '/chat', label: <ChatNavLabel />, show: hasHouseRole(me) },
    { to: '/support', label: t('peerSupport.nav'), show: hasHouseRole(me) },
    { to: '/skills', label: t('peers.nav'), show: hasHouseRole(me) },
    { to: '/residences', label: t('nav.residences'), show: admin },
    { to: '/people', label: t('nav.people'), show: admin },
    { to: '/settings/signals', label: t('signalSettings.nav'), show: admin },
    { to: '/audit', label: t('nav.audit'), show: admin },
    { to: '/outside-meetings', label: t('outside.nav'), show: hasHouseRole(me) || admin },
    { to: '/me', label: t('nav.me'), show: true },
  ].filter((item) => item.show);
  return (
    <nav className="main-menu" aria-label={t('nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.to === '/me' || item.to === '/house'}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SignOutButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => call(authApi.signOut),
    onSettled: () => navigate('/sign-in', { replace: true, state: { notice: 'signed_out' } }),
  });
  return (
    <button
      type="button"
      className="button button-quiet sign-out"
      onClick={() => signOut.mutate()}
      disabled={signOut.isPending}
    >
      {t('nav.signOut')}
    </button>
  );
}
