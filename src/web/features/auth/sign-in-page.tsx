import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { authApi, type SignInRequestSchema } from '../../../shared/contracts/auth.ts';
import { setupApi } from '../../../shared/contracts/setup.ts';
import { type FirstScreenProblem, isFirstScreenProblem } from '../../../shared/domain/first-screen-words.ts';
import { call, queryFor } from '../../app/api.ts';
import { prefetchFirstAnswers, prefetchFirstScreens } from '../../app/first-screens.ts';
import { meQueryKey } from '../../app/session.ts';
import { useFormErrors } from '../../components/errors.ts';
import { TextField } from '../../components/fields.tsx';
import { FormProblem, Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';

export type SignInNotice = 'session_expired' | 'signed_out' | 'password_reset' | null;
type SignInState = { notice?: SignInNotice; from?: string } | null;

const FIELDS = ['login', 'password'] as const;

/** The words of a problem that the page's own form came back with (platform/first-screen.ts). */
const PROBLEM_WORDS = {
  'auth.sign_in_failed': 'reasons.auth.sign_in_failed',
  'limits.sign_in': 'reasons.limits.sign_in',
  'request.invalid': 'signIn.fillBoth',
  'request.unavailable': 'reasons.request.unavailable',
} as const satisfies Record<FirstScreenProblem, string>;

/**
 * What the person typed into the form the server wrote into the page, before this code arrived: read
 * once, as this screen is first drawn over it, so nothing typed is lost. The field they were in is
 * the one that gets the focus.
 */
function typedBeforeTheApp(): { login: string; password: string; focused: 'login' | 'password' | null } {
  const field = (id: string) => document.getElementById(id) as HTMLInputElement | null;
  const login = field('first-login');
  const password = field('first-password');
  const active = document.activeElement;
  return {
    login: login?.value ?? '',
    password: password?.value ?? '',
    focused: active && active === login ? 'login' : active && active === password ? 'password' : null,
  };
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as SignInState;
  const queryClient = useQueryClient();
  const [typed] = useState(typedBeforeTheApp);
  const [form, setForm] = useState<z.input<typeof SignInRequestSchema>>({
    login: typed.login,
    password: typed.password,
  });
  const [search] = useSearchParams();
  const problem = search.get('problem');
  // Whatever a previous session loaded is forgotten here, after the signed-in screens are gone.
  useEffect(() => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== setupApi.status.tags[0] });
  }, [queryClient]);
  // Today's and the check-in's code come while the person types, so signing in opens Today at once.
  useEffect(() => {
    const idle = window.setTimeout(prefetchFirstScreens, 0);
    return () => window.clearTimeout(idle);
  }, []);
  const setup = useQuery({ ...queryFor(setupApi.status), staleTime: 60_000 });
  const signIn = useMutation({
    mutationFn: () => call(authApi.signIn, { body: form }),
    onSuccess: async (me) => {
      queryClient.removeQueries();
      // The answer is who signed in, as GET /api/me tells it: the signed-in frame opens without asking.
      queryClient.setQueryData(meQueryKey, me);
      prefetchFirstAnswers(queryClient, me);
      const from = state?.from?.startsWith('/') && !state.from.startsWith('//') ? state.from : '/';
      await navigate(from, { replace: true });
    },
  });
  const { fieldError } = useFormErrors(signIn.error, FIELDS);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };

  return (
    <Page title={t('signIn.title')} intro={t('signIn.intro')}>
      {state?.notice === 'session_expired' ? <Notice>{t('signIn.sessionExpired')}</Notice> : null}
      {state?.notice === 'signed_out' ? <Notice tone="success">{t('signIn.signedOut')}</Notice> : null}
      {state?.notice === 'password_reset' ? (
        <Notice tone="success">{t('signIn.passwordReset')}</Notice>
      ) : null}
      {setup.data?.needed ? <Notice>{t('signIn.notSetUp')}</Notice> : null}
      {isFirstScreenProblem(problem) && !signIn.error ? (
        <Notice tone="error">
          <p>{t(PROBLEM_WORDS[problem])}</p>
        </Notice>
      ) : null}
      <form className="form card" onSubmit={onSubmit} noValidate>
        <FormProblem error={signIn.error} fields={FIELDS} />
        <TextField
          label={t('signIn.login')}
          name="login"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus={typed.focused === 'login'}
          value={form.login}
          onChange={(e) => setForm({ ...form, login: e.target.value })}
          error={fieldError('login')}
        />
        <TextField
          label={t('signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          autoFocus={typed.focused === 'password'}
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
          error={fieldError('password')}
        />
        <button type="submit" className="button" disabled={signIn.isPending}>
          {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
      <ul className="link-list">
        <li>
          <Link to="/reset-password">{t('signIn.haveResetCode')}</Link>
        </li>
        <li>
          <Link to="/invite">{t('signIn.haveInvitation')}</Link>
        </li>
      </ul>
    </Page>
  );
}
