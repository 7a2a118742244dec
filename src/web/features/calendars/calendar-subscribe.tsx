// "Put meetings in my calendar": make a secret calendar address (shown once, with a copy button and a
// webcal:// link that opens the phone's calendar app), see the addresses I made, and stop one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { calendarsApi } from '../../../shared/contracts/calendars.ts';
import { call, keyOf, queryFor } from '../../app/api.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { formatDateTime } from '../../components/format.ts';
import { FormProblem, Hidden, Loading, LoadProblem } from '../../components/notice.tsx';

export function CalendarSubscribe({
  scope,
  residenceId,
}: {
  scope: 'person' | 'residence';
  residenceId?: string;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const feeds = useQuery(queryFor(calendarsApi.list));
  const create = useMutation({
    mutationFn: () =>
      call(calendarsApi.create, {
        body: { scope, residenceId: scope === 'residence' ? (residenceId ?? null) : null },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keyOf(calendarsApi.list) }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call(calendarsApi.revoke, { params: { id } }),
    onSuccess: (_data, id) => {
      if (create.data?.id === id) create.reset();
      void queryClient.invalidateQueries({ queryKey: keyOf(calendarsApi.list) });
    },
  });
  const mine = (feeds.data?.feeds ?? []).filter((f) =>
    scope === 'person' ? f.scope === 'person' : f.scope === 'residence' && f.residenceId === residenceId,
  );
  const headingId = `calendar-${scope}-${residenceId ?? 'me'}`;
  return (
    <section className="card calendar-subscribe" aria-labelledby={headingId}>
      <h2 id={headingId}>{scope === 'person' ? t('calendars.heading') : t('calendars.houseHeading')}</h2>
      <p className="hint">{t('calendars.intro')}</p>
      <FormProblem error={create.error ?? revoke.error} fields={[]} />
      {create.data ? (
        <div className="calendar-created" role="status">
          <p>{t('calendars.created')}</p>
          <p className="invitation-link calendar-url">{create.data.url}</p>
          <div className="button-row">
            <CopyButton text={create.data.url} label={t('calendars.copy')} />
            <a className="button button-secondary" href={create.data.webcalUrl}>
              {t('calendars.openApp')}
            </a>
          </div>
          <p className="hint">{t('calendars.keepSecret')}</p>
        </div>
      ) : (
        <button type="button" className="button" disabled={create.isPending} onClick={() => create.mutate()}>
          {scope === 'person' ? t('calendars.make') : t('calendars.makeHouse')}
        </button>
      )}
      {feeds.isPending ? (
        <Loading />
      ) : feeds.isError ? (
        <LoadProblem error={feeds.error} onRetry={() => void feeds.refetch()} />
      ) : mine.length > 0 ? (
        <>
          <h3>{t('calendars.listHeading')}</h3>
          <ul className="plain-list">
            {mine.map((f) => (
              <li key={f.id}>
                <span>{t('calendars.madeOn', { date: formatDateTime(f.createdAt, i18n.language) })}</span>{' '}
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate(f.id)}
                >
                  {t('calendars.revoke')}
                  <Hidden>{` ${formatDateTime(f.createdAt, i18n.language)}`}</Hidden>
                </button>
              </li>
            ))}
          </ul>
          <p className="hint">{t('calendars.revokeHint')}</p>
        </>
      ) : null}
    </section>
  );
}
