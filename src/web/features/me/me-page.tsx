// My profile and privacy: what I tell Hearth about myself, and who among my peers sees it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BodyIn } from '../../../shared/contracts/endpoint.ts';
import { type Me, meApi, type Privacy } from '../../../shared/contracts/people.ts';
import { houseApi } from '../../../shared/contracts/residences.ts';
import { formatDisplayName } from '../../../shared/domain/display-name.ts';
import { RECOVERY_AUDIENCES } from '../../../shared/domain/recovery-time.ts';
import {
  AUDIENCES,
  type Language,
  NAME_STYLES,
  RECOVERY_PATHWAYS,
  type RecoveryPathway,
} from '../../../shared/domain/vocabulary.ts';
import { call } from '../../app/api.ts';
import { switchLanguage } from '../../app/i18n/index.ts';
import { meQueryKey, useMe } from '../../app/session.ts';
import { useFormErrors } from '../../components/errors.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { formatDate } from '../../components/format.ts';
import { FormProblem, Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';

const PROFILE_FIELDS = ['firstName', 'lastName', 'pronouns', 'recoveryPathway', 'email'] as const;
const PRIVACY_FIELDS = ['nameStyle', 'pronounsVisibleTo', 'pathwayVisibleTo', 'stageVisibleTo'] as const;

/** What a change of mine refreshes: my name, zone and privacy show in my house, journey and check-ins. */
function useSavedMe() {
  const queryClient = useQueryClient();
  return (me: Me) => {
    queryClient.setQueryData(meQueryKey, me);
    for (const area of [houseApi.mine.tags[0], 'journey', 'check-ins'])
      void queryClient.invalidateQueries({ queryKey: [area] });
  };
}

function useSaveProfile() {
  const onSuccess = useSavedMe();
  return useMutation({
    mutationFn: (body: BodyIn<typeof meApi.updateProfile>) => call(meApi.updateProfile, { body }),
    onSuccess,
  });
}

function useSavePrivacy() {
  const onSuccess = useSavedMe();
  return useMutation({
    mutationFn: (body: BodyIn<typeof meApi.updatePrivacy>) => call(meApi.updatePrivacy, { body }),
    onSuccess,
  });
}

export function MePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [profile, setProfile] = useState({
    firstName: me.firstName,
    lastName: me.lastName,
    pronouns: me.pronouns ?? '',
    recoveryPathway: (me.recoveryPathway ?? '') as RecoveryPathway | '',
    email: me.email ?? '',
  });
  const [privacy, setPrivacy] = useState<Privacy>(me.privacy);
  return (
    <Page title={t('me.title')} intro={t('me.intro')}>
      <ProfileForm profile={profile} setProfile={setProfile} />
      <LanguageForm />
      <TimeZoneForm />
      <PrivacyForm
        privacy={privacy}
        setPrivacy={setPrivacy}
        firstName={profile.firstName}
        lastName={profile.lastName}
      />
      <MyRoles />
      <section className="card" aria-labelledby="me-devices">
        <h2 id="me-devices">{t('me.devicesHeading')}</h2>
        <p>
          <Link to="/me/sessions">{t('me.devicesLink')}</Link>
        </p>
      </section>
    </Page>
  );
}

type ProfileDraft = {
  firstName: string;
  lastName: string;
  pronouns: string;
  recoveryPathway: RecoveryPathway | '';
  email: string;
};

function ProfileForm({
  profile,
  setProfile,
}: {
  profile: ProfileDraft;
  setProfile: (p: ProfileDraft) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveProfile();
  const { fieldError } = useFormErrors(save.error, PROFILE_FIELDS);
  const set = (patch: Partial<ProfileDraft>) => {
    save.reset();
    setProfile({ ...profile, ...patch });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      firstName: profile.firstName,
      lastName: profile.lastName,
      pronouns: profile.pronouns.trim() || null,
      recoveryPathway: profile.recoveryPathway || null,
      email: profile.email.trim() || null,
    });
  };
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="me-profile">
      <h2 id="me-profile">{t('me.profileHeading')}</h2>
      <FormProblem error={save.error} fields={PROFILE_FIELDS} />
      <TextField
        label={t('account.firstName')}
        name="firstName"
        autoComplete="given-name"
        value={profile.firstName}
        onChange={(e) => set({ firstName: e.target.value })}
        error={fieldError('firstName')}
      />
      <TextField
        label={t('account.lastName')}
        hint={t('account.lastNameHint')}
        name="lastName"
        autoComplete="family-name"
        value={profile.lastName}
        onChange={(e) => set({ lastName: e.target.value })}
        error={fieldError('lastName')}
      />
      <TextField
        label={t('me.pronouns')}
        hint={t('account.pronounsHint')}
        name="pronouns"
        value={profile.pronouns}
        onChange={(e) => set({ pronouns: e.target.value })}
        error={fieldError('pronouns')}
      />
      <SelectField
        label={t('me.pathway')}
        hint={t('me.pathwayHint')}
        name="recoveryPathway"
        value={profile.recoveryPathway}
        onChange={(e) => set({ recoveryPathway: e.target.value as RecoveryPathway | '' })}
        error={fieldError('recoveryPathway')}
      >
        <option value="">{t('me.pathwayNone')}</option>
        {RECOVERY_PATHWAYS.map((p) => (
          <option key={p} value={p}>
            {t(`pathways.${p}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('me.email')}
        hint={t('me.emailHint')}
        name="email"
        type="email"
        autoComplete="email"
        value={profile.email}
        onChange={(e) => set({ email: e.target.value })}
        error={fieldError('email')}
      />
      {save.isSuccess ? <Notice tone="success">{t('me.profileSaved')}</Notice> : null}
      <button type="submit" className="button" disabled={save.isPending}>
        {t('me.saveProfile')}
      </button>
    </form>
  );
}

/** The language applies as soon as it is chosen, and is saved to my profile. */
function LanguageForm() {
  const { t } = useTranslation();
  const me = useMe();
  const save = useSaveProfile();
  const choose = (language: Language) => {
    void switchLanguage(language);
    save.mutate({ language });
  };
  return (
    <section className="card">
      <h2>{t('me.languageHeading')}</h2>
      <SelectField
        label={t('account.language')}
        hint={t('me.languageHint')}
        name="language"
        value={save.variables && 'language' in save.variables ? String(save.variables.language) : me.language}
        onChange={(e) => choose(e.target.value === 'es' ? 'es' : 'en')}
      >
        <option value="en" lang="en">
          English
        </option>
        <option value="es" lang="es">
          Español
        </option>
      </SelectField>
      {save.isError ? <FormProblem error={save.error} fields={['language']} /> : null}
      {save.isSuccess ? <Notice tone="success">{t('me.languageSaved')}</Notice> : null}
    </section>
  );
}

/** Every IANA zone this browser knows (the current one kept even if it does not). */
function timeZoneNames(current: string | null): string[] {
  let names: string[] = [];
  try {
    names = Intl.supportedValuesOf('timeZone');
  } catch {
    names = [];
  }
  return current && !names.includes(current) ? [current, ...names] : names;
}

/** My own time zone: my days and milestones count in it; empty follows my house's. */
function TimeZoneForm() {
  const { t } = useTranslation();
  const me = useMe();
  const [timeZone, setTimeZone] = useState(me.timeZone ?? '');
  const save = useSaveProfile();
  const { fieldError } = useFormErrors(save.error, ['timeZone']);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ timeZone: timeZone || null });
  };
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="me-time-zone">
      <h2 id="me-time-zone">{t('stages.timeZone')}</h2>
      <FormProblem error={save.error} fields={['timeZone']} />
      <SelectField
        label={t('stages.timeZone')}
        hint={t('stages.timeZoneHint')}
        name="timeZone"
        value={timeZone}
        onChange={(e) => {
          save.reset();
          setTimeZone(e.target.value);
        }}
        error={fieldError('timeZone')}
      >
        <option value="">{t('stages.houseTimeZone')}</option>
        {timeZoneNames(me.timeZone).map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll('_', ' ')}
          </option>
        ))}
      </SelectField>
      {save.isSuccess ? <Notice tone="success">{t('stages.saved')}</Notice> : null}
      <button type="submit" className="button" disabled={save.isPending}>
        {t('stages.save')}
      </button>
    </form>
  );
}

function PrivacyForm({
  privacy,
  setPrivacy,
  firstName,
  lastName,
}: {
  privacy: Privacy;
  setPrivacy: (p: Privacy) => void;
  firstName: string;
  lastName: string;
}) {
  const { t } = useTranslation();
  const save = useSavePrivacy();
  const { fieldError } = useFormErrors(save.error, PRIVACY_FIELDS);
  const set = (patch: Partial<Privacy>) => {
    save.reset();
    setPrivacy({ ...privacy, ...patch });
  };
  const preview = formatDisplayName(firstName || '?', lastName, privacy.nameStyle);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(privacy);
  };
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="me-privacy">
      <h2 id="me-privacy">{t('me.privacyHeading')}</h2>
      <p className="hint">{t('me.privacyIntro')}</p>
      <FormProblem error={save.error} fields={PRIVACY_FIELDS} />
      <SelectField
        label={t('me.nameStyle')}
        name="nameStyle"
        value={privacy.nameStyle}
        onChange={(e) => set({ nameStyle: e.target.value as Privacy['nameStyle'] })}
        error={fieldError('nameStyle')}
      >
        {NAME_STYLES.map((style) => (
          <option key={style} value={style}>
            {t(`nameStyles.${style}`)}
          </option>
        ))}
      </SelectField>
      <p className="name-preview" aria-live="polite">
        {t('me.namePreview')} <strong>{preview}</strong>
      </p>
      <SelectField
        label={t('me.pronounsVisibleTo')}
        name="pronounsVisibleTo"
        value={privacy.pronounsVisibleTo}
        onChange={(e) => set({ pronounsVisibleTo: e.target.value as Privacy['pronounsVisibleTo'] })}
        error={fieldError('pronounsVisibleTo')}
      >
        {AUDIENCES.map((a) => (
          <option key={a} value={a}>
            {t(`audiences.${a}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('me.pathwayVisibleTo')}
        name="pathwayVisibleTo"
        value={privacy.pathwayVisibleTo}
        onChange={(e) => set({ pathwayVisibleTo: e.target.value as Privacy['pathwayVisibleTo'] })}
        error={fieldError('pathwayVisibleTo')}
      >
        {AUDIENCES.map((a) => (
          <option key={a} value={a}>
            {t(`audiences.${a}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('stages.visibleTo')}
        name="stageVisibleTo"
        value={privacy.stageVisibleTo}
        onChange={(e) => set({ stageVisibleTo: e.target.value as Privacy['stageVisibleTo'] })}
        error={fieldError('stageVisibleTo')}
      >
        {RECOVERY_AUDIENCES.map((a) => (
          <option key={a} value={a}>
            {t(`visibility.${a}`)}
          </option>
        ))}
      </SelectField>
      {save.isSuccess ? <Notice tone="success">{t('me.privacySaved')}</Notice> : null}
      <button type="submit" className="button" disabled={save.isPending}>
        {t('me.savePrivacy')}
      </button>
    </form>
  );
}

function MyRoles() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const current = me.memberships.filter((m) => m.current);
  return (
    <section className="card" aria-labelledby="me-roles">
      <h2 id="me-roles">{t('me.rolesHeading')}</h2>
      {current.length === 0 ? (
        <p className="hint">{t('me.noRoles')}</p>
      ) : (
        <ul className="plain-list">
          {current.map((m) => (
            <li key={m.id}>
              {m.residenceName
                ? t('me.roleAt', { role: t(`roles.${m.role}`), house: m.residenceName })
                : t(`roles.${m.role}`)}{' '}
              <span className="hint">{t('me.since', { date: formatDate(m.startsOn, i18n.language) })}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="hint">{t('me.username', { username: me.username })}</p>
    </section>
  );
}
