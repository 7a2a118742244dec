// One residence (admin): the house with its people, invitations, moving people in and out, and
// choosing a peer leader.
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PersonSummary } from '../../../shared/contracts/people.ts';
import { type House, houseApi, residenceApi } from '../../../shared/contracts/residences.ts';
import { queryFor } from '../../app/api.ts';
import { useFormErrors } from '../../components/errors.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { todayIso } from '../../components/format.ts';
import { FormProblem, Loading, LoadProblem, Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { ResetCodeButton } from '../../components/reset-code-button.tsx';
import { HouseView } from '../house/house-view.tsx';
import { InviteForm } from '../invitations/invite-form.tsx';
import { PendingInvitations } from '../invitations/pending-invitations.tsx';
import { EndRoleButton } from '../people/end-role-button.tsx';
import { usePeople } from '../people/people-api.ts';
import { useGrantRole } from '../people/role-form.tsx';
import { ResidenceForm } from './residence-form.tsx';

export function ResidencePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const residence = useQuery(queryFor(residenceApi.get, { params: { id } }));
  const house = useQuery(queryFor(houseApi.get, { params: { id } }));
  // The people who hold a role in this house now (for their memberships), and a page of everyone to move in.
  const housemates = usePeople({ residenceId: id });
  const people = usePeople();

  /** The membership behind a person shown in this house (ids come from the admin's people list). */
  const membershipOf = (personId: string, role: 'resident' | 'peer_leader') =>
    housemates.data?.people
      .find((p) => p.id === personId)
      ?.memberships.find((m) => m.current && m.role === role && m.residenceId === id);

  return (
    <Page title={residence.data?.name ?? t('residence.loadingTitle')}>
      <p>
        <Link to="/residences">{t('residence.back')}</Link>
      </p>
      {residence.isError ? (
        <LoadProblem error={residence.error} onRetry={() => void residence.refetch()} />
      ) : null}
      {residence.data ? (
        editing ? (
          <ResidenceForm residence={residence.data} onDone={() => setEditing(false)} />
        ) : (
          <p>
            <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
              {t('residence.editDetails')}
            </button>
          </p>
        )
      ) : null}
      {house.isPending ? (
        <Loading />
      ) : house.isError ? (
        <LoadProblem error={house.error} onRetry={() => void house.refetch()} />
      ) : (
        <HouseView
          house={house.data}
          showName={false}
          memberActions={(member, kind) => {
            const membership = membershipOf(member.personId, kind);
            return (
              <>
                {membership ? <EndRoleButton membership={membership} name={member.displayName} /> : null}
                {kind === 'resident' && !member.isMe ? (
                  <ResetCodeButton personId={member.personId} name={member.displayName} />
                ) : null}
              </>
            );
          }}
        />
      )}
      {residence.data ? (
        <>
          <section className="section" aria-labelledby="residence-invite">
            <h2 id="residence-invite">{t('invitations.heading')}</h2>
            <p className="hint">{t('residence.inviteIntro', { name: residence.data.name })}</p>
            <InviteForm roles={['resident', 'peer_leader']} residenceId={id} />
            <h3>{t('invitations.pendingHeading')}</h3>
            <PendingInvitations residenceId={id} />
          </section>
          <MoveInSection residenceId={id} people={people.data?.people} />
          {house.data ? <PeerLeaderSection residenceId={id} house={house.data} /> : null}
        </>
      ) : null}
    </Page>
  );
}

function MoveInSection({
  residenceId,
  people,
}: {
  residenceId: string;
  people: PersonSummary[] | undefined;
}) {
  const { t } = useTranslation();
  const [personId, setPersonId] = useState('');
  const [bed, setBed] = useState('');
  const [startsOn, setStartsOn] = useState(todayIso());
  const [movedIn, setMovedIn] = useState<string | null>(null);
  const grant = useGrantRole();
  const fields = ['personId', 'residenceId', 'role', 'bed', 'startsOn'] as const;
  const { fieldError } = useFormErrors(grant.error, fields);
  // People who don't live in a house now and aren't moving into one (ends_on is the moving-out day).
  const today = todayIso();
  const candidates = (people ?? []).filter(
    (p) => !p.memberships.some((m) => m.role === 'resident' && (m.endsOn === null || m.endsOn > today)),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const person = candidates.find((p) => p.id === personId);
    if (!person) return;
    grant.mutate(
      { personId, role: 'resident', residenceId, startsOn, bed: bed.trim() || null },
      {
        onSuccess: () => {
          setMovedIn(person.displayName);
          setPersonId('');
          setBed('');
        },
      },
    );
  };
  return (
    <section className="section" aria-labelledby="residence-move-in">
      <h2 id="residence-move-in">{t('residence.moveInHeading')}</h2>
      <p className="hint">{t('residence.moveInIntro')}</p>
      {movedIn ? <Notice tone="success">{t('residence.movedIn', { name: movedIn })}</Notice> : null}
      <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="residence-move-in">
        <FormProblem error={grant.error} fields={fields} />
        <SelectField
          label={t('residence.person')}
          name="personId"
          value={personId}
          onChange={(e) => {
            setMovedIn(null);
            setPersonId(e.target.value);
          }}
          error={fieldError('personId') ?? fieldError('role')}
        >
          <option value="">{t('residence.choosePerson')}</option>
          {candidates.map((p) => (
            <option key={p.id} value={p.id}>
              {p.firstName} {p.lastName} ({p.username})
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('invitations.bed')}
          name="bed"
          value={bed}
          onChange={(e) => setBed(e.target.value)}
          error={fieldError('bed')}
        />
        <TextField
          label={t('residence.moveInDate')}
          type="date"
          name="startsOn"
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
          error={fieldError('startsOn')}
        />
        <button type="submit" className="button" disabled={grant.isPending || !personId}>
          {t('residence.moveIn')}
        </button>
      </form>
    </section>
  );
}

function PeerLeaderSection({ residenceId, house }: { residenceId: string; house: House }) {
  const { t } = useTranslation();
  const [personId, setPersonId] = useState('');
  const [named, setNamed] = useState<string | null>(null);
  const grant = useGrantRole();
  const leaders = new Set(house.peerLeaders.map((p) => p.personId));
  const candidates = house.residents.filter((r) => !leaders.has(r.personId));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const person = candidates.find((p) => p.personId === personId);
    if (!person) return;
    grant.mutate(
      { personId, role: 'peer_leader', residenceId },
      {
        onSuccess: () => {
          setNamed(person.displayName);
          setPersonId('');
        },
      },
    );
  };
  return (
    <section className="section" aria-labelledby="residence-peer-leader">
      <h2 id="residence-peer-leader">{t('residence.peerLeaderHeading')}</h2>
      <p className="hint">{t('residence.peerLeaderIntro')}</p>
      {named ? <Notice tone="success">{t('residence.peerLeaderNamed', { name: named })}</Notice> : null}
      {candidates.length === 0 ? (
        <p className="hint">{t('residence.noCandidates')}</p>
      ) : (
        <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="residence-peer-leader">
          <FormProblem error={grant.error} fields={[]} />
          <SelectField
            label={t('residence.resident')}
            name="peerLeaderId"
            value={personId}
            onChange={(e) => {
              setNamed(null);
              setPersonId(e.target.value);
            }}
          >
            <option value="">{t('residence.choosePerson')}</option>
            {candidates.map((p) => (
              <option key={p.personId} value={p.personId}>
                {p.displayName}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button" disabled={grant.isPending || !personId}>
            {t('residence.makePeerLeader')}
          </button>
        </form>
      )}
    </section>
  );
}
