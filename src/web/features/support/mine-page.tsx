// My requests and offers with who responded (accept, thread, "this helped"), and where I offered help.
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Loading, LoadProblem, Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { PostCard } from './post-card.tsx';
import { useLiveSupport, useMine } from './support-api.ts';
import { SupportTabs } from './support-tabs.tsx';

export function MySupportPage() {
  const { t } = useTranslation();
  useLiveSupport();
  const mine = useMine();
  const posted = (useLocation().state as { posted?: boolean } | null)?.posted === true;
  return (
    <Page title={t('peerSupport.mineTitle')} intro={t('peerSupport.mineIntro')}>
      <SupportTabs />
      {posted ? <Notice tone="success">{t('peerSupport.posted')}</Notice> : null}
      {mine.isPending ? <Loading /> : null}
      {mine.isError ? <LoadProblem error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.data ? (
        <>
          <section aria-labelledby="support-my-posts">
            <h2 id="support-my-posts" className="section">
              {t('peerSupport.myPosts')}
            </h2>
            {mine.data.posts.length === 0 ? (
              <p className="hint">{t('peerSupport.nothingPosted')}</p>
            ) : (
              <ul className="cards">
                {mine.data.posts.map((post) => (
                  <PostCard key={post.id} post={post} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="support-responded">
            <h2 id="support-responded" className="section">
              {t('peerSupport.responded')}
            </h2>
            {mine.data.responded.length === 0 ? (
              <p className="hint">{t('peerSupport.nothingResponded')}</p>
            ) : (
              <ul className="cards">
                {mine.data.responded.map((post) => (
                  <PostCard key={post.id} post={post} />
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </Page>
  );
}
