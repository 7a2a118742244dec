// One house as its members see it: level of support, focus, peer leaders and residents — showing of
// each person only what they chose to show.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { House } from '../../../shared/contracts/residences.ts';
import { RECOVERY_PATHWAYS, type RecoveryPathway } from '../../../shared/domain/vocabulary.ts';
import { formatDate } from '../../components/format.ts';
import { NarrLevelText } from './narr-level.tsx';

type Housemate = House['residents'][number];

export function HouseView({
  house,
  headingLevel = 2,
  showName = true,
  memberActions,
}: {
  house: House;
  headingLevel?: 2 | 3;
  showName?: boolean;
  memberActions?: (member: Housemate, kind: 'peer_leader' | 'resident') => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { residence, peerLeaders, residents, myMembership } = house;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const headingId = `house-${residence.id}`;
  return (
    <section className="card house" aria-labelledby={headingId}>
      {showName ? (
        <H id={headingId}>{residence.name}</H>
      ) : (
        <H id={headingId} className="visually-hidden">
          {residence.name}
        </H>
      )}
      {residence.address ? <p className="address">{residence.address}</p> : null}
      <dl className="facts">
        <div>
          <dt>{t('house.level')}</dt>
          <dd>
            <NarrLevelText level={residence.narrLevel} />
          </dd>
        </div>
        {residence.programFocus.length > 0 ? (
          <div>
            <dt>{t('house.focus')}</dt>
            <dd>
              <ul className="tags">
                {residence.programFocus.map((f) => (
                  <li key={f}>{t(`focus.${f}`)}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('house.beds')}</dt>
          <dd>{t('house.bedsFilled', { filled: residents.length, capacity: residence.bedCapacity })}</dd>
        </div>
      </dl>
      {myMembership ? (
        <p className="my-membership">
          {myMembership.role === 'resident'
            ? t('house.movedIn', { date: formatDate(myMembership.startsOn, i18n.language) })
            : t('house.leaderSince', { date: formatDate(myMembership.startsOn, i18n.language) })}
          {myMembership.bed ? ` ${t('house.yourBed', { bed: myMembership.bed })}` : null}
        </p>
      ) : null}
      <Sub>{t('house.peerLeaders', { count: peerLeaders.length })}</Sub>
      {peerLeaders.length === 0 ? (
        <p className="hint">{t('house.noPeerLeader')}</p>
      ) : (
        <PeopleList
          people={peerLeaders}
          actions={memberActions ? (m) => memberActions(m, 'peer_leader') : undefined}
        />
      )}
      <Sub>{t('house.residents', { count: residents.length })}</Sub>
      {residents.length === 0 ? (
        <p className="hint">{t('house.noResidents')}</p>
      ) : (
        <PeopleList
          people={residents}
          actions={memberActions ? (m) => memberActions(m, 'resident') : undefined}
        />
      )}
      <p className="hint privacy-note">{t('house.privacyNote')}</p>
    </section>
  );
}

function PeopleList({
  people,
  actions,
}: {
  people: Housemate[];
  actions: ((m: Housemate) => ReactNode) | undefined;
}) {
  const { t } = useTranslation();
  const pathway = (p: string | null) =>
    p && (RECOVERY_PATHWAYS as readonly string[]).includes(p) ? t(`pathways.${p as RecoveryPathway}`) : p;
  return (
    <ul className="people">
      {people.map((m) => (
        <li key={m.personId} className="person">
          <div className="person-line">
            <span className="person-name">{m.displayName}</span>
            {m.pronouns ? <span className="pronouns">({m.pronouns})</span> : null}
            {m.isMe ? <span className="badge">{t('house.you')}</span> : null}
          </div>
          {m.recoveryPathway ? (
            <div className="pathway">{t('house.pathway', { pathway: pathway(m.recoveryPathway) })}</div>
          ) : null}
          {m.stage ? (
            <div className="pathway">{t('clocks.stage', { stage: t(`stages.names.${m.stage}`) })}</div>
          ) : null}
          {actions ? <div className="person-actions">{actions(m)}</div> : null}
        </li>
      ))}
    </ul>
  );
}
