// The reach-out screen: the tap from the header arrives here and is sent (retried with the same key on a
// weak connection); the person sees who was told, who is calling them, and any escalation, live; the
// crisis lines are always here. Below: being available to be called, the record for peer leaders and the
// escalation delay for admins.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { AlertView, ReachOutState } from '../../../shared/contracts/reach-out.ts';
import { isAdmin, useMe } from '../../app/session.ts';
import { CheckboxField, TextField } from '../../components/fields.tsx';
import { formatMoment } from '../../components/format.ts';
import { FormProblem, Loading, LoadProblem, Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { CrisisLines } from './crisis-lines.tsx';
import {
  pendingTapKey,
  startTap,
  useCloseAlert,
  useRaiseAlert,
  useReachOutSettings,
  useReachOutState,
  useSaveReachOutSettings,
  useSetAvailability,
} from './reach-out-api.ts';

export function ReachOutPage() {
  const { t } = useTranslation();
  const state = useReachOutState();
  return (
    <Page title={t('reachOut.title')} intro={t('reachOut.intro')}>
      <MyAlert state={state.data} />
      {state.data ? <CrisisLines lines={state.data.crisisLines} /> : null}
      {state.isPending ? <Loading /> : null}
      {state.isError ? <LoadProblem error={state.error} onRetry={() => void state.refetch()} /> : null}
      {state.data ? <Availability state={state.data} /> : null}
      <HouseRecords />
      <EscalationSettings />
    </Page>
  );
}

function MyAlert({ state }: { state: ReachOutState | undefined }) {
  const { t } = useTranslation();
  const location = useLocation();
  const raise = useRaiseAlert();
  const [closedNow, setClosedNow] = useState(false);
  const sent = useRef<string | null>(null);
  // A tap from the header (or one not yet confirmed before a reload) is sent once per key.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new tap arrives as a new location
  useEffect(() => {
    const key = pendingTapKey();
    if (key && sent.current !== key) {
      sent.current = key;
      setClosedNow(false);
      raise.mutate(key);
    }
  }, [location.key]);
  // The screen's state is the truth once loaded (closed by someone who answered: gone); before that, the tap's answer.
  const alert = state ? state.myAlert : raise.data && raise.data.state !== 'closed' ? raise.data : null;
  const tap = () => {
    const key = startTap();
    sent.current = key;
    setClosedNow(false);
    raise.mutate(key);
  };

  return (
    <section className="card reach-out-status" aria-labelledby="reach-out-status-heading">
      <h2 id="reach-out-status-heading" className="visually-hidden">
        {t('reachOut.title')}
      </h2>
      <div role="status" aria-live="polite">
        {alert && !closedNow ? (
          <AlertStatus alert={alert} onClosed={() => setClosedNow(true)} />
        ) : raise.isPending ? (
          <p className="reach-out-sending">
            {raise.failureCount > 0 ? t('reachOut.retrying') : t('reachOut.sending')}
          </p>
        ) : closedNow ? (
          <p>{t('reachOut.closed')}</p>
        ) : null}
      </div>
      {raise.isError ? <FormProblem error={raise.error} fields={[]} /> : null}
      {(!alert || closedNow) && !raise.isPending ? (
        <button type="button" className="button button-large reach-out-send" onClick={tap}>
          {closedNow ? t('reachOut.again') : t('reachOut.send')}
        </button>
      ) : null}
    </section>
  );
}

function AlertStatus({ alert, onClosed }: { alert: AlertView; onClosed: () => void }) {
  const { t, i18n } = useTranslation();
  const close = useCloseAlert(alert.id);
  const time = (at: string) => formatMoment(at, i18n.language);
  const told = alert.alerted.house + alert.alerted.escalation;
  return (
    <>
      {told > 0 ? (
        <p className="reach-out-sent">{t('reachOut.sent')}</p>
      ) : (
        <p>{t('reachOut.nobodyOnCall')}</p>
      )}
      <p className="hint">
        {t('reachOut.sentAt', { time: time(alert.createdAt) })}{' '}
        {alert.alerted.house > 0 ? t('reachOut.alerted', { count: alert.alerted.house }) : null}
      </p>
      {alert.acknowledgements.length > 0 ? (
        <ul className="reach-out-calling">
          {alert.acknowledgements.map((a) => (
            <li key={a.personId}>
              <strong>
                {t('reachOut.callingAt', {
                  name: a.displayName,
                  time: formatMoment(a.at, i18n.language, { afterWord: true }),
                })}
              </strong>
            </li>
          ))}
        </ul>
      ) : alert.escalatedAt ? (
        <p>
          {alert.alerted.escalation > 0
            ? t('reachOut.escalated', { count: alert.alerted.escalation })
            : t('reachOut.escalatedNobody')}
        </p>
      ) : (
        <p>{t('reachOut.waiting')}</p>
      )}
      {alert.acknowledgements.length > 0 && alert.escalatedAt && alert.alerted.escalation > 0 ? (
        <p className="hint">{t('reachOut.escalated', { count: alert.alerted.escalation })}</p>
      ) : null}
      <FormProblem error={close.error} fields={[]} />
      <button
        type="button"
        className="button button-secondary"
        disabled={close.isPending}
        aria-describedby="reach-out-okay-hint"
        onClick={() => close.mutate(undefined, { onSuccess: onClosed })}
      >
        {t('reachOut.okay')}
      </button>
      <p id="reach-out-okay-hint" className="hint">
        {t('reachOut.okayHint')}
      </p>
    </>
  );
}

function Availability({ state }: { state: ReachOutState }) {
  const { t } = useTranslation();
  const save = useSetAvailability();
  // Ticked at once on the phone; put back if the server could not save it.
  const [checked, setChecked] = useState(state.available);
  useEffect(() => setChecked(state.available), [state.available]);
  return (
    <section className="card" aria-labelledby="availability-heading">
      <h2 id="availability-heading">{t('reachOut.availabilityHeading')}</h2>
      {state.canBeAvailable ? (
        <>
          <CheckboxField
            label={t('reachOut.availableLabel')}
            hint={t('reachOut.availableHint')}
            checked={checked}
            disabled={save.isPending}
            onChange={(e) => {
              const next = e.target.checked;
              setChecked(next);
              save.mutate(next, { onError: () => setChecked(state.available) });
            }}
          />
          <FormProblem error={save.error} fields={[]} />
          {save.isSuccess ? (
            <Notice tone="success">
              {save.data.available ? t('reachOut.availableOn') : t('reachOut.availableOff')}
            </Notice>
          ) : null}
        </>
      ) : (
        <p>{t('reachOut.availabilityNoHouse')}</p>
      )}
    </section>
  );
}

/** Peer leaders: a link to each led house's record. */
function HouseRecords() {
  const { t } = useTranslation();
  const me = useMe();
  const led = me.memberships.filter((m) => m.current && m.role === 'peer_leader' && m.residenceId);
  if (led.length === 0) return null;
  return (
    <ul className="link-list">
      {led.map((m) => (
        <li key={m.id}>
          <Link to={`/house/${m.residenceId}/reach-out`}>
            {t('reachOut.recordLink', { house: m.residenceName ?? '' })}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Admins: minutes without an answer before the organization's other peer leaders hear. */
function EscalationSettings() {
  const me = useMe();
  if (!isAdmin(me)) return null;
  return <EscalationForm />;
}

function EscalationForm() {
  const { t } = useTranslation();
  const settings = useReachOutSettings();
  const save = useSaveReachOutSettings();
  const [value, setValue] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const current = value ?? (settings.data ? String(settings.data.escalateAfterMinutes) : '');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const minutes = Number(current);
    if (!/^\d+$/.test(current.trim()) || minutes < 1 || minutes > 60) {
      setProblem(t('reachOut.minutesInvalid'));
      return;
    }
    setProblem(undefined);
    save.mutate(minutes);
  };
  return (
    <section className="card" aria-labelledby="escalation-heading">
      <h2 id="escalation-heading">{t('reachOut.settingsHeading')}</h2>
      <p>{t('reachOut.settingsIntro')}</p>
      {settings.isError ? (
        <LoadProblem error={settings.error} onRetry={() => void settings.refetch()} />
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormProblem error={save.error} fields={['escalateAfterMinutes']} />
        <TextField
          label={t('reachOut.minutesLabel')}
          hint={t('reachOut.minutesHint')}
          name="escalateAfterMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          step={1}
          className="field-short"
          value={current}
          error={problem}
          onChange={(e) => {
            save.reset();
            setValue(e.target.value);
          }}
        />
        {save.isSuccess ? (
          <Notice tone="success">
            {t('reachOut.settingsSaved', { count: save.data.escalateAfterMinutes })}
          </Notice>
        ) : null}
        <button type="submit" className="button" disabled={save.isPending || settings.isPending}>
          {t('reachOut.saveSettings')}
        </button>
      </form>
    </section>
  );
}
