// The audit log (admin): who did what to which record, and whether it was allowed; newest first.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { auditApi } from '../../../shared/contracts/audit.ts';
import { auditActionKey, isAuditAction, isAuditSubject } from '../../../shared/domain/audit-actions.ts';
import { call, keyOf } from '../../app/api.ts';
import { formatDateTime } from '../../components/format.ts';
import { Loading, LoadProblem } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';

const PAGE_SIZE = 50;

/** An action in words; a route refused by its policy ("GET /api/people") is named as it is. */
function actionText(t: TFunction, action: string): string {
  if (isAuditAction(action)) return t(`audit.actions.${auditActionKey(action)}`);
  return /^(GET|POST|PATCH|PUT|DELETE) /.test(action) ? t('audit.actions.route', { route: action }) : action;
}

function subjectText(t: TFunction, subjectType: string): string {
  return isAuditSubject(subjectType) ? t(`audit.subjects.${subjectType}`) : subjectType;
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const log = useInfiniteQuery({
    queryKey: keyOf(auditApi.list),
    queryFn: ({ pageParam }) =>
      call(auditApi.list, { query: { limit: PAGE_SIZE, ...(pageParam ? { before: pageParam } : {}) } }),
    initialPageParam: '',
    getNextPageParam: (last) => (last.events.length < PAGE_SIZE ? undefined : last.events.at(-1)?.at),
  });
  const events = log.data?.pages.flatMap((p) => p.events) ?? [];
  return (
    <Page title={t('audit.title')} intro={t('audit.intro')}>
      {log.isPending ? (
        <Loading />
      ) : log.isError && events.length === 0 ? (
        <LoadProblem error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <>
          <div className="table-wrap">
            <table className="audit-table">
              <caption className="visually-hidden">{t('audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.time')}</th>
                  <th scope="col">{t('audit.who')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.subject')}</th>
                  <th scope="col">{t('audit.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id} className={`outcome-${e.outcome}`}>
                    <td data-label={t('audit.time')}>{formatDateTime(e.at, i18n.language, true)}</td>
                    <td data-label={t('audit.who')}>{e.actorName ?? t('audit.nobody')}</td>
                    <td data-label={t('audit.action')}>{actionText(t, e.action)}</td>
                    <td data-label={t('audit.subject')}>
                      {subjectText(t, e.subjectType)}
                      {e.subjectId ? <span className="subject-id"> {e.subjectId.slice(0, 8)}</span> : null}
                    </td>
                    <td data-label={t('audit.outcome')}>{t(`audit.outcomes.${e.outcome}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {log.isFetchNextPageError ? <LoadProblem error={log.error} /> : null}
          {log.hasNextPage ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void log.fetchNextPage()}
              disabled={log.isFetchingNextPage}
            >
              {log.isFetchingNextPage ? t('common.loading') : t('audit.loadOlder')}
            </button>
          ) : (
            <p className="hint">{t('audit.end')}</p>
          )}
        </>
      )}
    </Page>
  );
}
