// End a role after a confirmation: move a resident out (optionally staying connected as alumni),
// or end a peer leader, counselor, admin or alumni role.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MembershipView, peopleApi } from '../../../shared/contracts/people.ts';
import { call } from '../../app/api.ts';
import { useFormErrors } from '../../components/errors.ts';
import { CheckboxField, TextField } from '../../components/fields.tsx';
import { formatDate, todayIso } from '../../components/format.ts';
import { FormProblem, Hidden } from '../../components/notice.tsx';
import { refreshAfterRoleChange } from './people-api.ts';

const FIELDS = ['endsOn', 'becomeAlumni'] as const;

export function EndRoleButton({ membership, name }: { membership: MembershipView; name: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [endsOn, setEndsOn] = useState(() => [todayIso(), membership.startsOn].sort()[1]!);
  const [becomeAlumni, setBecomeAlumni] = useState(true);
  const isResident = membership.role === 'resident';
  const end = useMutation({
    mutationFn: () =>
      call(peopleApi.endRole, {
        params: { id: membership.id },
        // Today is left to the server: the house's today, so the role ends at once wherever the admin is.
        body: {
          ...(endsOn === todayIso() ? {} : { endsOn }),
          becomeAlumni: isResident ? becomeAlumni : false,
        },
      }),
    onSuccess: async () => {
      setOpen(false);
      await refreshAfterRoleChange(queryClient);
    },
  });
  const { fieldError } = useFormErrors(end.error, FIELDS);
  if (membership.endsOn) {
    return (
      <span className="badge badge-muted">
        {t('endRole.endsOn', { date: formatDate(membership.endsOn, i18n.language) })}
      </span>
    );
  }
  const label = isResident
    ? t('endRole.moveOut')
    : t('endRole.end', { role: t(`rolesInSentence.${membership.role}`) });
  if (!open) {
    return (
      <button type="button" className="button button-small button-secondary" onClick={() => setOpen(true)}>
        {label}
        <Hidden> {t('common.forPerson', { name })}</Hidden>
      </button>
    );
  }
  return (
    <div className="card-inset end-role">
      <p>
        <strong>
          {isResident
            ? t('endRole.confirmMoveOut', { name })
            : t('endRole.confirmEnd', { name, role: t(`rolesInSentence.${membership.role}`) })}
        </strong>
      </p>
      <FormProblem error={end.error} fields={FIELDS} />
      <TextField
        label={isResident ? t('endRole.moveOutDate') : t('endRole.endDate')}
        hint={membership.residenceId ? t('endRole.dateHint') : t('endRole.dateHintOrganization')}
        type="date"
        name="endsOn"
        value={endsOn}
        min={membership.startsOn}
        onChange={(e) => setEndsOn(e.target.value)}
        error={fieldError('endsOn')}
      />
      {isResident ? (
        <CheckboxField
          label={t('endRole.becomeAlumni')}
          hint={t('endRole.becomeAlumniHint')}
          checked={becomeAlumni}
          onChange={(e) => setBecomeAlumni(e.target.checked)}
        />
      ) : null}
      <div className="button-row">
        <button type="button" className="button" onClick={() => end.mutate()} disabled={end.isPending}>
          {isResident ? t('endRole.confirmMoveOutButton') : t('endRole.confirmEndButton')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
