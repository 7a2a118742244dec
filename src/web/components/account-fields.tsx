// The fields of a new account, shared by first-run setup and accepting an invitation.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { NewAccountSchema } from '../../shared/contracts/auth.ts';
import type { Language } from '../../shared/domain/vocabulary.ts';
import { SelectField, TextField } from './fields.tsx';

export type AccountDraft = {
  firstName: string;
  lastName: string;
  username: string;
  email: string;
  password: string;
  language: Language;
  pronouns: string;
};

export const emptyAccount = (language: Language): AccountDraft => ({
  firstName: '',
  lastName: '',
  username: '',
  email: '',
  password: '',
  language,
  pronouns: '',
});

/**
 * A new account's fields. Its language follows the screen's English/Español switch until the
 * person picks a language in the form itself.
 */
export function useAccountDraft() {
  const { i18n } = useTranslation();
  const screenLanguage: Language = i18n.language === 'es' ? 'es' : 'en';
  const [draft, setDraft] = useState(() => emptyAccount(screenLanguage));
  const [languageChosen, setLanguageChosen] = useState(false);
  useEffect(() => {
    if (!languageChosen)
      setDraft((d) => (d.language === screenLanguage ? d : { ...d, language: screenLanguage }));
  }, [screenLanguage, languageChosen]);
  const update = (next: AccountDraft) => {
    if (next.language !== draft.language) setLanguageChosen(true);
    setDraft(next);
  };
  return [draft, update] as const;
}

/** What the API expects: optional fields left out when empty. */
export function accountBody(draft: AccountDraft): z.input<typeof NewAccountSchema> {
  return {
    firstName: draft.firstName,
    lastName: draft.lastName,
    username: draft.username,
    password: draft.password,
    language: draft.language,
    ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
    ...(draft.pronouns.trim() ? { pronouns: draft.pronouns.trim() } : {}),
  };
}

export const ACCOUNT_FIELDS = [
  'firstName',
  'lastName',
  'username',
  'email',
  'password',
  'language',
  'pronouns',
] as const;

export function AccountFields({
  value,
  onChange,
  fieldError,
  prefix = '',
  withEmail,
  withPronouns,
}: {
  value: AccountDraft;
  onChange: (next: AccountDraft) => void;
  fieldError: (name: string) => string | undefined;
  prefix?: string;
  withEmail: boolean;
  withPronouns: boolean;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<AccountDraft>) => onChange({ ...value, ...patch });
  const error = (name: string) => fieldError(`${prefix}${name}`);
  return (
    <>
      <TextField
        label={t('account.firstName')}
        name="firstName"
        autoComplete="given-name"
        value={value.firstName}
        onChange={(e) => set({ firstName: e.target.value })}
        error={error('firstName')}
      />
      <TextField
        label={t('account.lastName')}
        hint={t('account.lastNameHint')}
        name="lastName"
        autoComplete="family-name"
        value={value.lastName}
        onChange={(e) => set({ lastName: e.target.value })}
        error={error('lastName')}
      />
      <TextField
        label={t('account.username')}
        hint={t('account.usernameHint')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={value.username}
        onChange={(e) => set({ username: e.target.value })}
        error={error('username')}
      />
      {withEmail ? (
        <TextField
          label={t('account.emailOptional')}
          hint={t('account.emailHint')}
          name="email"
          type="email"
          autoComplete="email"
          value={value.email}
          onChange={(e) => set({ email: e.target.value })}
          error={error('email')}
        />
      ) : null}
      <TextField
        label={t('account.password')}
        hint={t('account.passwordHint')}
        name="password"
        type="password"
        autoComplete="new-password"
        value={value.password}
        onChange={(e) => set({ password: e.target.value })}
        error={error('password')}
      />
      <SelectField
        label={t('account.language')}
        name="language"
        value={value.language}
        onChange={(e) => set({ language: e.target.value === 'es' ? 'es' : 'en' })}
        error={error('language')}
      >
        <option value="en" lang="en">
          English
        </option>
        <option value="es" lang="es">
          Español
        </option>
      </SelectField>
      {withPronouns ? (
        <TextField
          label={t('account.pronounsOptional')}
          hint={t('account.pronounsHint')}
          name="pronouns"
          value={value.pronouns}
          onChange={(e) => set({ pronouns: e.target.value })}
          error={error('pronouns')}
        />
      ) : null}
    </>
  );
}
