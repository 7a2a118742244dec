// First-run setup: the one-time link printed on the console creates the organization and its first admin.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { setupApi } from '../../../shared/contracts/setup.ts';
import { call, queryFor } from '../../app/api.ts';
import { switchLanguage } from '../../app/i18n/index.ts';
import {
  ACCOUNT_FIELDS,
  AccountFields,
  accountBody,
  useAccountDraft,
} from '../../components/account-fields.tsx';
import { useFormErrors } from '../../components/errors.ts';
import { TextField } from '../../components/fields.tsx';
import { FormProblem, Loading, LoadProblem, Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';

const FIELDS = ['organizationName', ...ACCOUNT_FIELDS.map((f) => `admin.${f}`)];

export function SetupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const status = useQuery(queryFor(setupApi.status));
  return (
    <Page title={t('setup.title')}>
      {status.isPending ? (
        <Loading />
      ) : status.isError ? (
        <LoadProblem error={status.error} onRetry={() => void status.refetch()} />
      ) : !status.data.needed ? (
        <Notice>
          <p>{t('setup.alreadyDone')}</p>
          <p>
            <Link to="/sign-in">{t('setup.goToSignIn')}</Link>
          </p>
        </Notice>
      ) : !token ? (
        <Notice>
          <p>{t('setup.needsLink')}</p>
        </Notice>
      ) : (
        <SetupForm token={token} />
      )}
    </Page>
  );
}

function SetupForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [organizationName, setOrganizationName] = useState('');
  const [admin, setAdmin] = useAccountDraft();
  const setup = useMutation({
    mutationFn: () =>
      call(setupApi.complete, { body: { token, organizationName, admin: accountBody(admin) } }),
    onSuccess: async () => {
      await switchLanguage(admin.language);
      queryClient.removeQueries();
      await navigate('/residences', { replace: true });
    },
  });
  const { fieldError } = useFormErrors(setup.error, FIELDS);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setup.mutate();
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <p className="intro">{t('setup.intro')}</p>
      <FormProblem error={setup.error} fields={FIELDS} />
      <section className="card" aria-labelledby="setup-organization">
        <h2 id="setup-organization">{t('setup.organizationHeading')}</h2>
        <TextField
          label={t('setup.organizationName')}
          hint={t('setup.organizationNameHint')}
          name="organizationName"
          autoComplete="organization"
          value={organizationName}
          onChange={(e) => setOrganizationName(e.target.value)}
          error={fieldError('organizationName')}
        />
      </section>
      <section className="card" aria-labelledby="setup-admin">
        <h2 id="setup-admin">{t('setup.adminHeading')}</h2>
        <p className="hint">{t('setup.adminIntro')}</p>
        <AccountFields
          value={admin}
          onChange={setAdmin}
          fieldError={fieldError}
          prefix="admin."
          withEmail
          withPronouns={false}
        />
      </section>
      <button type="submit" className="button" disabled={setup.isPending}>
        {t('setup.submit')}
      </button>
    </form>
  );
}
