// Support: what my peers need and offer right now (live), and one tap to help.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportPostType } from '../../../shared/contracts/support.ts';
import { SelectField } from '../../components/fields.tsx';
import { Loading, LoadProblem } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { PostCard } from './post-card.tsx';
import { useBrowse, useLiveSupport } from './support-api.ts';
import { SupportTabs } from './support-tabs.tsx';

export function SupportPage() {
  const { t } = useTranslation();
  useLiveSupport();
  const [type, setType] = useState<SupportPostType | ''>('');
  const browse = useBrowse(type || undefined);
  return (
    <Page title={t('peerSupport.browseTitle')} intro={t('peerSupport.browseIntro')}>
      <SupportTabs />
      <SelectField
        label={t('peerSupport.filterLabel')}
        value={type}
        onChange={(event) => setType(event.target.value as SupportPostType | '')}
      >
        <option value="">{t('peerSupport.filterAll')}</option>
        <option value="request">{t('peerSupport.filterRequests')}</option>
        <option value="offer">{t('peerSupport.filterOffers')}</option>
      </SelectField>
      {browse.isPending ? <Loading /> : null}
      {browse.isError ? <LoadProblem error={browse.error} onRetry={() => void browse.refetch()} /> : null}
      {browse.data ? (
        browse.data.requests.length === 0 ? (
          <p className="hint">{t('peerSupport.nothingToBrowse')}</p>
        ) : (
          <ul className="cards" aria-live="polite">
            {browse.data.requests.map((post) => (
              <PostCard key={post.id} post={post} />
            ))}
          </ul>
        )
      ) : null}
    </Page>
  );
}
