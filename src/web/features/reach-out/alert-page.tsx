// One alert, for someone it reached: who is reaching out, since when, who is already calling, and
// "I'm calling you". The person who asked is taken to their own reach-out screen instead.
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { formatMoment } from '../../components/format.ts';
import { FormProblem, Loading, LoadProblem, Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { CrisisLines } from './crisis-lines.tsx';
import { useAcknowledge, useAlert, useCloseAlert, useCrisisLines } from './reach-out-api.ts';

export function AlertPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const alert = useAlert(id);
  if (alert.isPending) return <Loading />;
  if (alert.isError) {
    return (
      <Page title={t('reachOut.title')}>
        {isApiError(alert.error, 'not_found') ? (
          <Notice>{t('reachOut.notFound')}</Notice>
        ) : (
          <LoadProblem error={alert.error} onRetry={() => void alert.refetch()} />
        )}
      </Page>
    );
  }
  if (alert.data.mine) return <Navigate to="/reach-out" replace />;
  return (
    <Page title={t('reachOut.alertTitle', { name: alert.data.displayName })}>
      <AlertDetails id={id} />
      <Lines />
    </Page>
  );
}

function AlertDetails({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { data: alert } = useAlert(id);
  const acknowledge = useAcknowledge(id);
  const close = useCloseAlert(id);
  if (!alert) return null;
  const time = (at: string) => formatMoment(at, i18n.language);
  const closed = alert.state === 'closed';
  return (
    <section className="card reach-out-status" aria-labelledby="alert-heading">
      <h2 id="alert-heading" className="visually-hidden">
        {t('reachOut.onCallHeading')}
      </h2>
      <div role="status" aria-live="polite">
        <p>
          <strong>
            {alert.residenceName
              ? t('reachOut.reachingOutFrom', { name: alert.displayName, house: alert.residenceName })
              : t('reachOut.reachingOut', { name: alert.displayName })}
          </strong>{' '}
          {t('reachOut.reachedAt', { time: time(alert.createdAt) })}
        </p>
        {alert.myCircle === 'escalation' ? <p className="hint">{t('reachOut.escalationNote')}</p> : null}
        {closed ? <p>{t('reachOut.alertClosed', { name: alert.displayName })}</p> : null}
        {alert.acknowledgements.length > 0 ? (
          <p>
            {t('reachOut.othersCalling', {
              names: alert.acknowledgements.map((a) => a.displayName).join(', '),
            })}
          </p>
        ) : closed ? null : (
          <p>{t('reachOut.nobodyYet')}</p>
        )}
        {alert.iAcknowledged && !closed ? (
          <p className="reach-out-sent">{t('reachOut.youAreCalling')}</p>
        ) : null}
      </div>
      <FormProblem error={acknowledge.error ?? close.error} fields={[]} />
      {closed ? null : alert.iAcknowledged ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={close.isPending}
          onClick={() => close.mutate()}
        >
          {t('reachOut.closeFor')}
        </button>
      ) : alert.myCircle ? (
        <button
          type="button"
          className="button button-large"
          disabled={acknowledge.isPending}
          onClick={() => acknowledge.mutate()}
        >
          {t('reachOut.imCalling')}
        </button>
      ) : null}
    </section>
  );
}

function Lines() {
  const lines = useCrisisLines();
  return lines.data ? <CrisisLines lines={lines.data} /> : null;
}
