// The "Reach out now" button in the header of every signed-in screen: one tap sends the alert (the
// reach-out screen picks up the tap and keeps retrying it) and shows the crisis lines. Also the alerts
// that reached me, on whatever screen I am, with "I'm calling you" right there.
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { AlertView } from '../../../shared/contracts/reach-out.ts';
import { formatMoment } from '../../components/format.ts';
import { CrisisFooter } from './crisis-lines.tsx';
import {
  startTap,
  useAcknowledge,
  useCrisisLines,
  useReachOutLive,
  useReachOutState,
} from './reach-out-api.ts';

export function ReachOutButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <button
      type="button"
      className="button reach-out-button"
      title={t('reachOut.buttonHint')}
      onClick={() => {
        startTap();
        navigate('/reach-out', { state: { tap: Date.now() } });
      }}
    >
      {t('reachOut.button')}
    </button>
  );
}

/** Open alerts that reached me, shown above every screen except the reach-out screens themselves. */
export function OnCallAlerts() {
  const { t } = useTranslation();
  const state = useReachOutState();
  // Rendered on every signed-in screen, so this one listener keeps every reach-out screen live.
  useReachOutLive();
  const { pathname } = useLocation();
  const alerts = state.data?.forMe ?? [];
  if (pathname.startsWith('/reach-out')) return null;
  return (
    <section className="on-call" aria-live="polite" aria-label={t('reachOut.onCallHeading')}>
      {alerts.map((alert) => (
        <OnCallAlert key={alert.id} alert={alert} />
      ))}
    </section>
  );
}

function OnCallAlert({ alert }: { alert: AlertView }) {
  const { t, i18n } = useTranslation();
  const acknowledge = useAcknowledge(alert.id);
  const others = alert.acknowledgements;
  return (
    <div className="on-call-alert">
      <p className="on-call-who">
        <strong>
          {alert.residenceName
            ? t('reachOut.reachingOutFrom', { name: alert.displayName, house: alert.residenceName })
            : t('reachOut.reachingOut', { name: alert.displayName })}
        </strong>{' '}
        {t('reachOut.reachedAt', { time: formatMoment(alert.createdAt, i18n.language) })}
      </p>
      {others.length > 0 ? (
        <p>{t('reachOut.othersCalling', { names: others.map((a) => a.displayName).join(', ') })}</p>
      ) : null}
      <div className="button-row">
        {alert.iAcknowledged ? (
          <span>{t('reachOut.youAreCalling')}</span>
        ) : (
          <button
            type="button"
            className="button"
            disabled={acknowledge.isPending}
            onClick={() => acknowledge.mutate()}
          >
            {t('reachOut.imCallingFor', { name: alert.displayName })}
          </button>
        )}
        <Link className="button button-secondary" to={`/reach-out/alerts/${alert.id}`}>
          {t('reachOut.openAlert')}
        </Link>
      </div>
    </div>
  );
}

/** The crisis lines at the foot of public screens, where there is nobody signed in to alert. */
export function PublicCrisisLines() {
  const lines = useCrisisLines();
  return <CrisisFooter lines={lines.data} />;
}
