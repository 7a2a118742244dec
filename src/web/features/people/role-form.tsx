// Give someone a role: move a resident in, name a peer leader, a counselor, an admin, or alumni.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { peopleApi } from '../../../shared/contracts/people.ts';
import type { ResidenceView } from '../../../shared/contracts/residences.ts';
import { ROLES, type Role } from '../../../shared/domain/vocabulary.ts';
import { call } from '../../app/api.ts';
import { useFormErrors } from '../../components/errors.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { todayIso } from '../../components/format.ts';
import { FormProblem } from '../../components/notice.tsx';
import { refreshAfterRoleChange } from './people-api.ts';

const FIELDS = ['role', 'residenceId', 'startsOn', 'bed'] as const;

export function useGrantRole(onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      personId: string;
      role: Role;
      residenceId: string | null;
      startsOn?: string;
      bed?: string | null;
    }) => {
      const { personId, startsOn, ...rest } = input;
      // Today is left to the server: the house's today, so the role starts at once wherever the admin is.
      const body = startsOn === undefined || startsOn === todayIso() ? rest : { ...rest, startsOn };
      return call(peopleApi.grantRole, { params: { id: personId }, body });
    },
    onSuccess: async () => {
      await refreshAfterRoleChange(queryClient);
      onDone?.();
    },
  });
}

export function RoleForm({
  personId,
  name,
  residences,
  onDone,
}: {
  personId: string;
  name: string;
  residences: readonly ResidenceView[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>('resident');
  const [residenceId, setResidenceId] = useState('');
  const [bed, setBed] = useState('');
  const [startsOn, setStartsOn] = useState(todayIso());
  const grant = useGrantRole(onDone);
  const { fieldError } = useFormErrors(grant.error, FIELDS);
  const withHouse = role === 'resident' || role === 'peer_leader' || role === 'alumni';
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    grant.mutate({
      personId,
      role,
      residenceId: withHouse && residenceId ? residenceId : null,
      startsOn,
      bed: role === 'resident' && bed.trim() ? bed.trim() : null,
    });
  };
  return (
    <form
      className="form card-inset"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('people.giveRoleTo', { name })}
    >
      <FormProblem error={grant.error} fields={FIELDS} />
      <SelectField
        label={t('people.role')}
        name="role"
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        error={fieldError('role')}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </SelectField>
      {withHouse ? (
        <SelectField
          label={role === 'alumni' ? t('invitations.residenceOptional') : t('invitations.residence')}
          name="residenceId"
          value={residenceId}
          onChange={(e) => setResidenceId(e.target.value)}
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
          name="bed"
          value={bed}
          onChange={(e) => setBed(e.target.value)}
          error={fieldError('bed')}
        />
      ) : null}
      <TextField
        label={t('people.startsOn')}
        type="date"
        name="startsOn"
        value={startsOn}
        onChange={(e) => setStartsOn(e.target.value)}
        error={fieldError('startsOn')}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={grant.isPending}>
          {t('people.giveRoleSubmit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
