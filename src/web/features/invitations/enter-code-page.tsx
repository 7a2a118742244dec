import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';

export function EnterCodePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const cleaned = code.trim().toUpperCase().replace(/\s+/g, '');
    if (cleaned.length < 4) {
      setError(t('invite.codeTooShort'));
      return;
    }
    void navigate(`/invite/${encodeURIComponent(cleaned)}`);
  };
  return (
    <Page title={t('invite.enterTitle')} intro={t('invite.enterIntro')}>
      <form className="form card" onSubmit={onSubmit} noValidate>
        <TextField
          label={t('invite.code')}
          hint={t('invite.codeHint')}
          name="code"
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={error}
        />
        <button type="submit" className="button">
          {t('invite.continue')}
        </button>
      </form>
      <p>
        <Link to="/sign-in">{t('common.backToSignIn')}</Link>
      </p>
    </Page>
  );
}
