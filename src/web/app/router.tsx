// Every screen and its stable path. Admin screens load on demand so a resident's phone downloads less.
import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { checkInScreen, reachOutScreen, signedInShell, todayScreen, withAllWords } from './first-screens.ts';
import { PublicLayout } from './public-layout.tsx';
import { hasHouseRole, homePath, isAdmin, useMe } from './session.ts';
import { CrashPage, NotAllowed, NotFoundPage, Starting } from './status-pages.tsx';

// Each screen's code loads when it is first opened (first-screens.ts), so the first open on a weak
// connection sends only the sign-in screen's.
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
          {
            path: '/reset-password',
            lazy: async () => ({
              Component: (await withAllWords(import('../features/auth/reset-password-page.tsx')))
                .ResetPasswordPage,
            }),
          },
          {
            path: '/setup',
            lazy: async () => ({
              Component: (await withAllWords(import('../features/setup/setup-page.tsx'))).SetupPage,
            }),
          },
          {
            path: '/invite',
            lazy: async () => ({
              Component: (await withAllWords(import('../features/invitations/enter-code-page.tsx')))
                .EnterCodePage,
            }),
          },
          {
            path: '/invite/:code',
            lazy: async () => ({
              Component: (await withAllWords(import('../features/invitations/accept-invitation-page.tsx')))
                .AcceptInvitationPage,
            }),
          },
        ],
      },
      {
        lazy: async () => ({ Component: (await signedInShell()).SignedInLayout }),
        children: [
          { path: '/', element: <Home /> },
          { path: '/today', lazy: async () => ({ Component: (await todayScreen()).TodayPage }) },
          { path: '/check-in', lazy: async () => ({ Component: (await checkInScreen()).CheckInPage }) },
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
          {
            path: '/house',
            lazy: async () => ({ Component: (await import('../features/house/house-page.tsx')).HousePage }),
          },
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
          // Reach out now: fetched with the first screens (first-screens.ts), so a tap waits for nothing.
          { path: '/reach-out', lazy: async () => ({ Component: (await reachOutScreen()).ReachOutPage }) },
          {
            path: '/reach-out/alerts/:id',
            lazy: async () => ({
              Component: (await import('../features/reach-out/alert-page.tsx')).AlertPage,
            }),
          },
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
          {
            path: '/me',
            lazy: async () => ({ Component: (await import('../features/me/me-page.tsx')).MePage }),
          },
          {
            path: '/me/sessions',
            lazy: async () => ({
              Component: (await import('../features/me/sessions-page.tsx')).SessionsPage,
            }),
          },
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
