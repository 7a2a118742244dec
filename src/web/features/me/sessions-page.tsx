// My signed-in devices, each with a way to sign it out.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { authApi, type SessionView } from '../../../shared/contracts/auth.ts';
import { call, keyOf, queryFor } from '../../app/api.ts';
import { formatDateTime, formatMoment } from '../../components/format.ts';
import { Hidden, Loading, LoadProblem } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';

export function SessionsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sessions = useQuery(queryFor(authApi.listSessions));
  const signOut = useMutation({
    mutationFn: (session: SessionView) => call(authApi.revokeSession, { params: { id: session.id } }),
    onSuccess: async (_data, session) => {
      if (session.current) {
        await navigate('/sign-in', { replace: true, state: { notice: 'signed_out' } });
      } else {
        await queryClient.invalidateQueries({ queryKey: keyOf(authApi.listSessions) });
      }
    },
  });
  return (
    <Page title={t('sessions.title')} intro={t('sessions.intro')}>
      {signOut.isError ? <LoadProblem error={signOut.error} /> : null}
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <LoadProblem error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <ul className="cards">
          {sessions.data.sessions.map((s) => (
            <li key={s.id} className={`card session${s.current ? ' session-current' : ''}`}>
              <p className="session-device">
                <strong>{s.device}</strong>{' '}
                {s.current ? <span className="badge">{t('sessions.thisDevice')}</span> : null}
              </p>
              <p className="hint">
                {t('sessions.signedIn', { time: formatMoment(s.createdAt, i18n.language) })}
                <br />
                {t('sessions.lastActive', { time: formatDateTime(s.lastSeenAt, i18n.language) })}
              </p>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => signOut.mutate(s)}
                disabled={signOut.isPending}
              >
                {t('sessions.signOutDevice')}
                <Hidden> {s.current ? `(${t('sessions.thisDevice')})` : s.device}</Hidden>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/me">{t('sessions.backToProfile')}</Link>
      </p>
    </Page>
  );
}
