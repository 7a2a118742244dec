// The signed-in shell, made for one hand: a compact header with "Reach out now", the screen, and a
// bottom navigation of at most five places (the rest one tap away under "More").
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { authApi } from '../../shared/contracts/auth.ts';
import { Loading, LoadProblem } from '../components/notice.tsx';
import { Page } from '../components/page.tsx';
import { ChatNavLabel } from '../features/chat/chat-nav.tsx';
import { usePendingCheckInSync } from '../features/check-ins/check-in-api.ts';
import { NotificationBell } from '../features/notifications/bell.tsx';
import { OnCallAlerts, ReachOutButton } from '../features/reach-out/reach-out-button.tsx';
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
      {/* Compact, and always in reach: the brand, the live light, the bell and "Reach out now" in one row. */}
      <header className="app-header">
        <div className="header-row">
          <Link to="/" className="brand">
            Hearth
          </Link>
          <RealtimeIndicator />
          <NotificationBell />
          <ReachOutButton />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <OnCallAlerts />
        <Outlet />
      </main>
      <MainMenu />
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

type MenuItem = { to: string; label: ReactNode; show: boolean };

/** At most this many places sit in the bottom bar, "More" among them; the rest are one tap away in it. */
const BAR_PLACES = 4;

/**
 * The bottom navigation, where a thumb reaches: a resident's daily places first, an admin's own screens
 * first, and "More" opening every other place, the organization's name and signing out.
 */
function MainMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const admin = isAdmin(me);
  const house = hasHouseRole(me);
  const items: MenuItem[] = [
    { to: '/today', label: t('nav.today'), show: house },
    { to: '/house', label: t('nav.house'), show: house },
    { to: '/chat', label: <ChatNavLabel />, show: house },
    { to: '/support', label: t('peerSupport.nav'), show: house },
    { to: '/residences', label: t('nav.residences'), show: admin },
    { to: '/people', label: t('nav.people'), show: admin },
    { to: '/meetings', label: t('meetings.nav'), show: house || admin },
    { to: '/audit', label: t('nav.audit'), show: admin },
    { to: '/skills', label: t('peers.nav'), show: house },
    { to: '/outside-meetings', label: t('outside.nav'), show: house || admin },
    { to: '/settings/signals', label: t('signalSettings.nav'), show: admin },
    { to: '/me', label: t('nav.me'), show: true },
  ].filter((item) => item.show);
  const bar = items.slice(0, BAR_PLACES);
  const rest = items.slice(BAR_PLACES);
  return (
    <nav className="bottom-nav" aria-label={t('nav.label')}>
      <ul className="bottom-nav-bar">
        {bar.map((item) => (
          <li key={item.to}>
            <MenuLink item={item} />
          </li>
        ))}
        <li>
          <MoreMenu items={rest} />
        </li>
      </ul>
    </nav>
  );
}

function MenuLink({ item, onNavigate }: { item: MenuItem; onNavigate?: () => void }) {
  return (
    <NavLink to={item.to} end={item.to === '/me' || item.to === '/house'} onClick={onNavigate}>
      {item.label}
    </NavLink>
  );
}

/** "More": a sheet above the bar with the other places, who I am signed in to, and signing out. */
function MoreMenu({ items }: { items: MenuItem[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const here = items.some((item) => pathname === item.to || pathname.startsWith(`${item.to}/`));
  const sheet = useRef<HTMLDivElement>(null);
  // Closed by going anywhere, by Escape and by a tap outside it.
  const [openOn, setOpenOn] = useState(pathname);
  if (openOn !== pathname) {
    setOpenOn(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    const onTap = (event: PointerEvent) => {
      if (!sheet.current?.parentElement?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onTap);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onTap);
    };
  }, [open]);
  return (
    <div className="more-menu">
      <button
        type="button"
        className={`more-toggle${here ? ' active' : ''}`}
        aria-expanded={open}
        aria-controls="more-sheet"
        onClick={() => setOpen(!open)}
      >
        {t('layout.more')}
      </button>
      <div id="more-sheet" className="more-sheet" ref={sheet} hidden={!open}>
        <p className="more-org">{t('layout.signedInTo', { organization: me.organization.name })}</p>
        <ul aria-label={t('layout.moreLabel')}>
          {items.map((item) => (
            <li key={item.to}>
              <MenuLink item={item} onNavigate={() => setOpen(false)} />
            </li>
          ))}
        </ul>
        <SignOutButton />
      </div>
    </div>
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
      className="button button-secondary sign-out"
      onClick={() => signOut.mutate()}
      disabled={signOut.isPending}
    >
      {t('nav.signOut')}
    </button>
  );
}
