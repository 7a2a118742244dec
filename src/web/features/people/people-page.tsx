// People (admin): everyone in the organization with their roles; give or end a role, issue a reset
// code, invite someone new; assign counselors to residents.
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../shared/contracts/people.ts';
import type { ResidenceView } from '../../../shared/contracts/residences.ts';
import { ROLES } from '../../../shared/domain/vocabulary.ts';
import { useMe } from '../../app/session.ts';
import { TextField } from '../../components/fields.tsx';
import { formatDate } from '../../components/format.ts';
import { Hidden, Loading, LoadProblem } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { ResetCodeButton } from '../../components/reset-code-button.tsx';
import { InviteForm } from '../invitations/invite-form.tsx';
import { PendingInvitations } from '../invitations/pending-invitations.tsx';
import { useResidences } from '../residences/residences-api.ts';
import { CounselorAssignments } from './counselor-assignments.tsx';
import { EndRoleButton } from './end-role-button.tsx';
import { usePeoplePages } from './people-api.ts';
import { RoleForm } from './role-form.tsx';

export function PeoplePage() {
  const { t } = useTranslation();
  const residences = useResidences();
  const [filter, setFilter] = useState('');
  const [inviting, setInviting] = useState(false);
  // The organization may have thousands of people: the server searches them and sends a page at a time.
  const people = usePeoplePages(useDeferredValue(filter.trim()));
  const shown = people.data?.pages.flatMap((p) => p.people) ?? [];
  return (
    <Page title={t('people.title')} intro={t('people.intro')}>
      <section className="section" aria-labelledby="people-invite">
        <h2 id="people-invite">{t('invitations.sectionHeading')}</h2>
        {inviting ? (
          <>
            <InviteForm roles={ROLES} residences={residences.data?.residences ?? []} />
            <p>
              <button type="button" className="button button-secondary" onClick={() => setInviting(false)}>
                {t('invitations.closeForm')}
              </button>
            </p>
          </>
        ) : (
          <p>
            <button type="button" className="button" onClick={() => setInviting(true)}>
              {t('invitations.heading')}
            </button>
          </p>
        )}
        <h3>{t('invitations.pendingHeading')}</h3>
        <PendingInvitations />
      </section>
      <section className="section" aria-labelledby="people-everyone">
        <h2 id="people-everyone">{t('people.everyoneHeading')}</h2>
        <TextField
          label={t('people.filter')}
          type="search"
          name="filter"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        {people.isPending ? (
          <Loading />
        ) : people.isError && shown.length === 0 ? (
          <LoadProblem error={people.error} onRetry={() => void people.refetch()} />
        ) : shown.length === 0 ? (
          <p className="hint">{t('people.noMatch')}</p>
        ) : (
          <>
            <ul className="cards people-admin">
              {shown.map((person) => (
                <PersonCard key={person.id} person={person} residences={residences.data?.residences ?? []} />
              ))}
            </ul>
            {people.isFetchNextPageError ? <LoadProblem error={people.error} /> : null}
            {people.hasNextPage ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void people.fetchNextPage()}
                disabled={people.isFetchingNextPage}
              >
                {people.isFetchingNextPage ? t('common.loading') : t('people.showMore')}
              </button>
            ) : null}
          </>
        )}
      </section>
      <CounselorAssignments />
    </Page>
  );
}

function PersonCard({ person, residences }: { person: PersonSummary; residences: readonly ResidenceView[] }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [giving, setGiving] = useState(false);
  const current = person.memberships.filter((m) => m.current);
  const past = person.memberships.filter((m) => !m.current && m.endsOn);
  const headingId = `person-${person.id}`;
  return (
    <li className="card person-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {person.firstName} {person.lastName}
      </h3>
      <p className="hint">
        {t('people.seenAs', { name: person.displayName })} ·{' '}
        {t('people.usernameShort', { username: person.username })}
      </p>
      {current.length === 0 ? (
        <p className="hint">{t('people.noCurrentRole')}</p>
      ) : (
        <ul className="plain-list roles">
          {current.map((m) => (
            <li key={m.id} className="role-line">
              <span>
                {m.residenceName
                  ? t('me.roleAt', { role: t(`roles.${m.role}`), house: m.residenceName })
                  : t(`roles.${m.role}`)}
                {m.bed ? ` · ${m.bed}` : ''}{' '}
                <span className="hint">{t('me.since', { date: formatDate(m.startsOn, i18n.language) })}</span>
              </span>
              {m.role === 'org_admin' && person.id === me.id ? null : (
                <EndRoleButton membership={m} name={person.displayName} />
              )}
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 ? <p className="hint">{t('people.pastRoles', { count: past.length })}</p> : null}
      {giving ? (
        <RoleForm
          personId={person.id}
          name={person.displayName}
          residences={residences}
          onDone={() => setGiving(false)}
        />
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() => setGiving(true)}
          >
            {t('people.giveRole')}
            <Hidden> {t('common.forPerson', { name: person.displayName })}</Hidden>
          </button>
          {person.id === me.id ? null : (
            <ResetCodeButton personId={person.id} name={person.displayName} username={person.username} />
          )}
        </div>
      )}
    </li>
  );
}
