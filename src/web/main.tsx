// The web app's entry: styles, languages, data cache, and the router.
import './app/styles.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { onSessionEnded } from './app/api.ts';
import { setUpI18n } from './app/i18n/index.ts';
import { queryClient } from './app/query-client.ts';
import { router } from './app/router.tsx';
import { registerServiceWorker } from './features/notifications/push.ts';

// Shows web push even when no Hearth tab is open (public/sw.js).
registerServiceWorker();
const PUBLIC_PATHS = ['/sign-in', '/reset-password', '/setup', '/invite'];

onSessionEnded((reason) => {
  const { pathname, search } = router.state.location;
  if (PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return;
  // The sign-in screen forgets the signed-in data once the signed-in screens are gone.
  void router.navigate('/sign-in', {
    replace: true,
    state: { notice: reason === 'session_expired' ? 'session_expired' : null, from: `${pathname}${search}` },
  });
});

// The first screen is drawn once the words of its language are here (a small file of its own).
void setUpI18n().then((i18n) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  );
});
