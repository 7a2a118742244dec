// Every screen and its stable path. Admin screens load on demand so a resident's phone downloads less.
import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { ResetPasswordPage } from '../features/auth/reset-password-page.tsx';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { CheckInPage } from '../features/check-ins/check-in-page.tsx';
import { HousePage } from '../features/house/house-page.tsx';
import { AcceptInvitationPage } from '../features/invitations/accept-invitation-page.tsx';
import { EnterCodePage } from '../features/invitations/enter-code-page.tsx';
import { TodayPage } from '../features/journey/today-page.tsx';
import { MePage } from '../features/me/me-page.tsx';
import { SessionsPage } from '../features/me/sessions-page.tsx';
import { AlertPage } from '../features/reach-out/alert-page.tsx';
import { ReachOutPage } from '../features/reach-out/reach-out-page.tsx';
import { SetupPage } from '../features/setup/setup-page.tsx';
import { PublicLayout, SignedInLayout } from './layout.tsx';
import { hasHouseRole, homePath, isAdmin, useMe } from './session.ts';
import { CrashPage, NotAllowed, NotFoundPage, Starting } from './status-pages.tsx';

/** Residents, peer leaders and alumni start on Today (their recovery time and check-in). */
function Home() {
  const me = useMe();
  return <Navigate to={hasHouseRole(me) ? '/today' : homePath(me)} replace />;
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
          { path: '/today', element: <TodayPage /> },
          { path: '/check-in', element: <CheckInPage /> },
          {
            path: '/progress',
            lazy: async () => ({
              Component: (await import('../features/check-ins/progress-page.tsx')).ProgressPage,
            }),
          },
          {
            path: '/barc10',
            lazy: async () => ({
              Component: (await import('../features/barc10/barc10-page.tsx')).Barc10Page,
            }),
          },
          { path: '/house', element: <HousePage /> },
          {
            path: '/house/:id/support',
            lazy: async () => ({
              Component: (await import('../features/signals/support-page.tsx')).SupportPage,
            }),
          },
          // House meetings (helper C): my house's schedule and agenda, and one meeting run from the phone.
          {
            path: '/meetings',
            lazy: async () => ({
              Component: (await import('../features/meetings/meetings-page.tsx')).MeetingsPage,
            }),
          },
          {
            path: '/meetings/:id',
            lazy: async () => ({
              Component: (await import('../features/meetings/meeting-page.tsx')).MeetingPage,
            }),
          },
          // Decisions (helper D): a meeting's printable minutes and a house's searchable history.
          {
            path: '/meetings/:id/minutes',
            lazy: async () => ({
              Component: (await import('../features/meetings/decisions/minutes-page.tsx')).MinutesPage,
            }),
          },
          {
            path: '/house/:id/minutes',
            lazy: async () => ({
              Component: (await import('../features/meetings/decisions/minutes-history-page.tsx'))
                .MinutesHistoryPage,
            }),
          },
          {
            path: '/outside-meetings',
            lazy: async () => ({
              Component: (await import('../features/outside-meetings/outside-meetings-page.tsx'))
                .OutsideMeetingsPage,
            }),
          },
          // Chat (helper H5): my house's chat and private threads; support and mentor screens link to /chat/:id.
          {
            path: '/chat',
            lazy: async () => ({
              Component: (await import('../features/chat/chat-list-page.tsx')).ChatListPage,
            }),
          },
          {
            path: '/chat/:conversationId',
            lazy: async () => ({
              Component: (await import('../features/chat/conversation-page.tsx')).ConversationPage,
            }),
          },
          // Skills exchange and mentors (helper H4).
          {
            path: '/skills',
            lazy: async () => ({
              Component: (await import('../features/skills/skills-page.tsx')).SkillsPage,
            }),
          },
          {
            path: '/mentors',
            lazy: async () => ({
              Component: (await import('../features/mentors/mentors-page.tsx')).MentorsPage,
            }),
          },
          {
            path: '/mentors/:id',
            lazy: async () => ({
              Component: (await import('../features/mentors/mentorship-page.tsx')).MentorshipPage,
            }),
          },
          // Support (helper H3): browse what peers need and offer, ask or offer, mine, the ledger.
          {
            path: '/support',
            lazy: async () => ({
              Component: (await import('../features/support/support-page.tsx')).SupportPage,
            }),
          },
          {
            path: '/support/ask',
            lazy: async () => ({ Component: (await import('../features/support/ask-page.tsx')).AskPage }),
          },
          {
            path: '/support/mine',
            lazy: async () => ({
              Component: (await import('../features/support/mine-page.tsx')).MySupportPage,
            }),
          },
          {
            path: '/support/ledger',
            lazy: async () => ({
              Component: (await import('../features/support/ledger-page.tsx')).LedgerPage,
            }),
          },
          // Reach out now (helper H6): in the main bundle, so a tap on a weak connection waits for nothing.
          { path: '/reach-out', element: <ReachOutPage /> },
          { path: '/reach-out/alerts/:id', element: <AlertPage /> },
          {
            path: '/house/:id/reach-out',
            lazy: async () => ({
              Component: (await import('../features/reach-out/record-page.tsx')).RecordPage,
            }),
          },
          // Notifications (H2): my list, and what reaches me by push.
          {
            path: '/notifications',
            lazy: async () => ({
              Component: (await import('../features/notifications/notifications-page.tsx')).NotificationsPage,
            }),
          },
          {
            path: '/settings/notifications',
            lazy: async () => ({
              Component: (await import('../features/notifications/notification-settings-page.tsx'))
                .NotificationSettingsPage,
            }),
          },
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
                path: '/settings/signals',
                lazy: async () => ({
                  Component: (await import('../features/signals/signal-settings-page.tsx'))
                    .SignalSettingsPage,
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
