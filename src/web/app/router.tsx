// Every screen and its stable path. Admin screens load on demand so a resident's phone downloads less.
import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { ResetPasswordPage } from '../features/auth/reset-password-page.tsx';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { HousePage } from '../features/house/house-page.tsx';
import { AcceptInvitationPage } from '../features/invitations/accept-invitation-page.tsx';
import { EnterCodePage } from '../features/invitations/enter-code-page.tsx';
import { MePage } from '../features/me/me-page.tsx';
import { SessionsPage } from '../features/me/sessions-page.tsx';
import { SetupPage } from '../features/setup/setup-page.tsx';
import { PublicLayout, SignedInLayout } from './layout.tsx';
import { homePath, isAdmin, useMe } from './session.ts';
import { CrashPage, NotAllowed, NotFoundPage, Starting } from './status-pages.tsx';

function Home() {
  return <Navigate to={homePath(useMe())} replace />;
}

function AdminOnly() {
  return isAdmin(useMe()) ? <Outlet /> : <NotAllowed />;
}

export const router = createBrowserRouter([
  {
    errorElement: <CrashPage />,
    hydrateFallbackElement: <Starting />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: '/sign-in', element: <SignInPage /> },
          { path: '/reset-password', element: <ResetPasswordPage /> },
          { path: '/setup', element: <SetupPage /> },
          { path: '/invite', element: <EnterCodePage /> },
          { path: '/invite/:code', element: <AcceptInvitationPage /> },
        ],
      },
      {
        element: <SignedInLayout />,
        children: [
          { path: '/', element: <Home /> },
          { path: '/house', element: <HousePage /> },
          { path: '/me', element: <MePage /> },
          { path: '/me/sessions', element: <SessionsPage /> },
          {
            element: <AdminOnly />,
            children: [
              {
                path: '/residences',
                lazy: async () => ({
                  Component: (await import('../features/residences/residences-page.tsx')).ResidencesPage,
                }),
              },
              {
                path: '/residences/:id',
                lazy: async () => ({
                  Component: (await import('../features/residences/residence-page.tsx')).ResidencePage,
                }),
              },
              {
                path: '/people',
                lazy: async () => ({
                  Component: (await import('../features/people/people-page.tsx')).PeoplePage,
                }),
              },
              {
                path: '/audit',
                lazy: async () => ({
                  Component: (await import('../features/audit/audit-page.tsx')).AuditPage,
                }),
              },
            ],
          },
        ],
      },
      { element: <PublicLayout />, children: [{ path: '*', element: <NotFoundPage /> }] },
    ],
  },
]);
