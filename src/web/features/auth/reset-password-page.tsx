import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { authApi, type PasswordResetRequestSchema } from '../../../shared/contracts/auth.ts';
import { call } from '../../app/api.ts';
import { useFormErrors } from '../../components/errors.ts';
import { TextField } from '../../components/fields.tsx';
import { FormProblem } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';

const FIELDS = ['login', 'code', 'newPassword'] as const;

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState<z.input<typeof PasswordResetRequestSchema>>({
    login: '',
    code: '',
    newPassword: '',
  });
  const reset = useMutation({
    mutationFn: () => call(authApi.resetPassword, { body: form }),
    onSuccess: () => navigate('/sign-in', { replace: true, state: { notice: 'password_reset' } }),
  });
  const { fieldError } = useFormErrors(reset.error, FIELDS);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate();
  };
  return (
    <Page title={t('resetPassword.title')} intro={t('resetPassword.intro')}>
      <form className="form card" onSubmit={onSubmit} noValidate>
        <FormProblem error={reset.error} fields={FIELDS} />
        <TextField
          label={t('resetPassword.login')}
          name="login"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={form.login}
          onChange={(e) => setForm({ ...form, login: e.target.value })}
          error={fieldError('login')}
        />
        <TextField
          label={t('resetPassword.code')}
          hint={t('resetPassword.codeHint')}
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          value={form.code}
          onChange={(e) => setForm({ ...form, code: e.target.value })}
          error={fieldError('code')}
        />
        <TextField
          label={t('resetPassword.newPassword')}
          hint={t('account.passwordHint')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={form.newPassword}
          onChange={(e) => setForm({ ...form, newPassword: e.target.value })}
          error={fieldError('newPassword')}
        />
        <button type="submit" className="button" disabled={reset.isPending}>
          {t('resetPassword.submit')}
        </button>
      </form>
      <p>
        <Link to="/sign-in">{t('common.backToSignIn')}</Link>
      </p>
    </Page>
  );
}
