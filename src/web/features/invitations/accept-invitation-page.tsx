// Accepting an invitation: see what it is for, then create the account (which also signs in).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { type InvitationPreviewSchema, invitationApi } from '../../../shared/contracts/invitations.ts';
import { call, queryFor } from '../../app/api.ts';
import { switchLanguage } from '../../app/i18n/index.ts';
import {
  ACCOUNT_FIELDS,
  AccountFields,
  accountBody,
  useAccountDraft,
} from '../../components/account-fields.tsx';
import { errorMessage, useFormErrors } from '../../components/errors.ts';
import { FormProblem, Loading, Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';

type Preview = z.infer<typeof InvitationPreviewSchema>;

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const preview = useQuery({ ...queryFor(invitationApi.preview, { params: { code } }), retry: false });
  return (
    <Page title={t('invite.acceptTitle')}>
      {preview.isPending ? (
        <Loading />
      ) : preview.isError ? (
        <Notice tone="error">
          <p>{errorMessage(t, preview.error)}</p>
          <ul className="link-list">
            <li>
              <Link to="/invite">{t('invite.tryAnotherCode')}</Link>
            </li>
            <li>
              <Link to="/sign-in">{t('invite.signInInstead')}</Link>
            </li>
          </ul>
        </Notice>
      ) : (
        <AcceptForm code={code} preview={preview.data} />
      )}
    </Page>
  );
}

function AcceptForm({ code, preview }: { code: string; preview: Preview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [account, setAccount] = useAccountDraft();
  const accept = useMutation({
    mutationFn: () => call(invitationApi.accept, { params: { code }, body: accountBody(account) }),
    onSuccess: async () => {
      await switchLanguage(account.language);
      queryClient.removeQueries();
      const livesInHouse = ['resident', 'peer_leader', 'alumni'].includes(preview.role);
      await navigate(livesInHouse ? '/house' : '/', { replace: true });
    },
  });
  const { fieldError } = useFormErrors(accept.error, ACCOUNT_FIELDS);
  const role = t(`roles.${preview.role}`);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate();
  };
  return (
    <>
      <section className="card invitation-preview" aria-labelledby="invitation-for">
        <h2 id="invitation-for">{t('invite.previewHeading')}</h2>
        <p>{t('invite.previewIntro')}</p>
        <dl className="facts">
          <div>
            <dt>{t('invite.previewOrganization')}</dt>
            <dd>{preview.organizationName}</dd>
          </div>
          {preview.residenceName ? (
            <div>
              <dt>{t('invite.previewHouse')}</dt>
              <dd>{preview.residenceName}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('invite.previewRole')}</dt>
            <dd>{role}</dd>
          </div>
        </dl>
      </section>
      <form className="form card" onSubmit={onSubmit} noValidate>
        <h2>{t('invite.accountHeading')}</h2>
        <p className="hint">{t('invite.accountIntro')}</p>
        <FormProblem error={accept.error} fields={ACCOUNT_FIELDS} />
        <AccountFields
          value={account}
          onChange={setAccount}
          fieldError={fieldError}
          withEmail={false}
          withPronouns
        />
        <button type="submit" className="button" disabled={accept.isPending}>
          {t('invite.submit')}
        </button>
      </form>
    </>
  );
}
