// "My house": the houses I live in or lead, who lives there and who the peer leader is.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { houseApi } from '../../../shared/contracts/residences.ts';
import { queryFor } from '../../app/api.ts';
import { hasRole, ledResidenceIds, useMe } from '../../app/session.ts';
import { Loading, LoadProblem } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { ResetCodeButton } from '../../components/reset-code-button.tsx';
import { HouseJourney } from '../journey/celebrations.tsx';
import { FirstDayWelcome } from './first-day-welcome.tsx';
import { HouseView } from './house-view.tsx';

export function HousePage() {
  const { t } = useTranslation();
  const me = useMe();
  const led = ledResidenceIds(me);
  const houses = useQuery(queryFor(houseApi.mine));
  return (
    <Page title={t('house.title')}>
      {houses.isPending ? (
        <Loading />
      ) : houses.isError ? (
        <LoadProblem error={houses.error} onRetry={() => void houses.refetch()} />
      ) : houses.data.houses.length === 0 ? (
        <div className="card empty-state">
          <h2>{hasRole(me, 'alumni') ? t('house.alumniTitle') : t('house.emptyTitle')}</h2>
          <p>{hasRole(me, 'alumni') ? t('house.alumniText') : t('house.emptyText')}</p>
          <p>
            <Link to="/me">{t('house.seeProfile')}</Link>
          </p>
        </div>
      ) : (
        houses.data.houses.map((house, index) => {
          const leads = led.includes(house.residence.id);
          return (
            <div key={house.residence.id}>
              {index === 0 ? <FirstDayWelcome house={house} /> : null}
              <HouseView
                house={house}
                memberActions={
                  leads
                    ? (member, kind) =>
                        kind === 'resident' && !member.isMe ? (
                          <ResetCodeButton personId={member.personId} name={member.displayName} />
                        ) : null
                    : undefined
                }
              />
              <HouseJourney residenceId={house.residence.id} leads={leads} />
            </div>
          );
        })
      )}
    </Page>
  );
}
