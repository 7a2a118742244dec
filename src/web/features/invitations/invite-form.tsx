// Invite someone (admin): choose a role (and house), get a code and a link shown once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type CreatedInvitationSchema, invitationApi } from '../../../shared/contracts/invitations.ts';
import type { ResidenceView } from '../../../shared/contracts/residences.ts';
import type { Role } from '../../../shared/domain/vocabulary.ts';
import { call } from '../../app/api.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { useFormErrors } from '../../components/errors.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { formatMoment } from '../../components/format.ts';
import { FormProblem } from '../../components/notice.tsx';
import { SpokenCode } from '../../components/spoken-code.tsx';

type Created = z.infer<typeof CreatedInvitationSchema>;
const FIELDS = ['role', 'residenceId', 'bed', 'note', 'expiresInDays'] as const;
const HOUSE_ROLES: Role[] = ['resident', 'peer_leader'];

export function InviteForm({
  roles,
  residenceId,
  residences = [],
}: {
  roles: readonly Role[];
  /** A fixed house (on a residence's page); otherwise the form asks which house. */
  residenceId?: string;
  residences?: readonly ResidenceView[];
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>(roles[0] ?? 'resident');
  const [house, setHouse] = useState(residenceId ?? '');
  const [bed, setBed] = useState('');
  const [note, setNote] = useState('');
  const [days, setDays] = useState('7');
  const [created, setCreated] = useState<Created | null>(null);
  const needsHouse = HOUSE_ROLES.includes(role);
  const mayHaveHouse = needsHouse || role === 'alumni';
  const invite = useMutation({
    mutationFn: () =>
      call(invitationApi.create, {
        body: {
          role,
          residenceId: mayHaveHouse && house ? house : null,
          bed: role === 'resident' && bed.trim() ? bed.trim() : null,
          note,
          expiresInDays: Number(days) || 0,
        },
      }),
    onSuccess: async (result) => {
      setCreated(result);
      setBed('');
      setNote('');
      await queryClient.invalidateQueries({ queryKey: [invitationApi.list.tags[0]] });
    },
  });
  const { fieldError } = useFormErrors(invite.error, FIELDS);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };

  if (created) {
    return (
      <div className="card invitation-created" role="status">
        <h3>{t('invitations.createdHeading')}</h3>
        <p>{t('invitations.createdIntro')}</p>
        <p className="label">{t('invitations.codeLabel')}</p>
        <SpokenCode code={created.code} />
        <CopyButton text={created.code} label={t('invitations.copyCode')} />
        <p className="label">{t('invitations.linkLabel')}</p>
        <p className="invitation-link" translate="no">
          {created.link}
        </p>
        <CopyButton text={created.link} label={t('invitations.copyLink')} />
        <p className="hint">
          {t('invitations.expires', { time: formatMoment(created.expiresAt, i18n.language) })}
        </p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setCreated(null);
            invite.reset();
          }}
        >
          {t('invitations.inviteAnother')}
        </button>
      </div>
    );
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label={t('invitations.formLabel')}>
      <FormProblem error={invite.error} fields={FIELDS} />
      <SelectField
        label={t('invitations.role')}
        name="role"
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        error={fieldError('role')}
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </SelectField>
      {!residenceId && mayHaveHouse ? (
        <SelectField
          label={needsHouse ? t('invitations.residence') : t('invitations.residenceOptional')}
          name="residenceId"
          value={house}
          onChange={(e) => setHouse(e.target.value)}
          error={fieldError('residenceId')}
        >
          <option value="">{t('invitations.chooseResidence')}</option>
          {residences.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {role === 'resident' ? (
        <TextField
          label={t('invitations.bed')}
          hint={t('invitations.bedHint')}
          name="bed"
          value={bed}
          onChange={(e) => setBed(e.target.value)}
          error={fieldError('bed')}
        />
      ) : null}
      <TextField
        label={t('invitations.note')}
        hint={t('invitations.noteHint')}
        name="note"
        maxLength={120}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={fieldError('note')}
      />
      <TextField
        label={t('invitations.expiresInDays')}
        hint={t('invitations.expiresInDaysHint')}
        name="expiresInDays"
        type="number"
        inputMode="numeric"
        min={1}
        max={30}
        value={days}
        onChange={(e) => setDays(e.target.value)}
        error={fieldError('expiresInDays')}
      />
      {residenceId && fieldError('residenceId') ? (
        <p className="field-error">{fieldError('residenceId')}</p>
      ) : null}
      <button type="submit" className="button" disabled={invite.isPending}>
        {t('invitations.create')}
      </button>
    </form>
  );
}
