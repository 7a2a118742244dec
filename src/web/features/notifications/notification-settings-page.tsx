// My notification settings: push on this device (opt-in, a test, my other devices), which topics may
// reach me by push, and quiet hours in my time zone. Urgent alerts always come through.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationSettingsView } from '../../../shared/contracts/notifications.ts';
import { NOTIFICATION_TOPICS, type NotificationTopic } from '../../../shared/domain/notifications.ts';
import { CheckboxField, CheckboxGroup, TextField } from '../../components/fields.tsx';
import { formatDate } from '../../components/format.ts';
import { FormProblem, Loading, LoadProblem, Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import {
  useNotificationSettings,
  usePushDevices,
  useRemoveDevice,
  useSaveNotificationSettings,
  useSendTestPush,
} from './notifications-api.ts';
import { currentSubscription, type PushState, pushState, turnPushOff, turnPushOn } from './push.ts';

export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  return (
    <Page title={t('notificationSettings.title')} intro={t('notificationSettings.intro')}>
      <PushOnThisDevice />
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <LoadProblem error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm settings={settings.data} />
      )}
      <p>
        <Link to="/notifications">{t('inbox.title')}</Link>
      </p>
    </Page>
  );
}

function PushOnThisDevice() {
  const { t, i18n } = useTranslation();
  const devices = usePushDevices();
  const remove = useRemoveDevice();
  const test = useSendTestPush();
  const [state, setState] = useState<PushState | null>(null);
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const refresh = useCallback(async () => {
    setState(await pushState());
    setEndpoint((await currentSubscription())?.endpoint ?? null);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const change = async (action: () => Promise<PushState>) => {
    setBusy(true);
    setFailed(false);
    test.reset();
    try {
      setState(await action());
      setEndpoint((await currentSubscription())?.endpoint ?? null);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
      void devices.refetch();
    }
  };

  const list = devices.data?.subscriptions ?? [];
  return (
    <section className="card push-device" aria-labelledby="push-heading">
      <h2 id="push-heading">{t('notificationSettings.pushHeading')}</h2>
      {state === null ? (
        <Loading />
      ) : state === 'unsupported' ? (
        <Notice>{t('notificationSettings.pushUnsupported')}</Notice>
      ) : state === 'denied' ? (
        <Notice>{t('notificationSettings.pushDenied')}</Notice>
      ) : (
        <>
          <p role="status">
            {state === 'on' ? t('notificationSettings.pushOn') : t('notificationSettings.pushOff')}
          </p>
          <div className="button-row">
            {state === 'on' ? (
              <>
                <button
                  type="button"
                  className="button"
                  disabled={busy || test.isPending}
                  onClick={() => test.mutate()}
                >
                  {t('notificationSettings.pushTest')}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={busy}
                  onClick={() => void change(() => turnPushOff(list))}
                >
                  {t('notificationSettings.pushTurnOff')}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void change(turnPushOn)}
              >
                {t('notificationSettings.pushTurnOn')}
              </button>
            )}
          </div>
        </>
      )}
      {failed ? <Notice tone="error">{t('notificationSettings.pushFailed')}</Notice> : null}
      {test.isSuccess ? (
        <Notice tone={test.data.devices > 0 ? 'success' : 'info'}>
          {test.data.devices > 0
            ? t('notificationSettings.pushTestSent', { count: test.data.devices })
            : t('notificationSettings.pushTestNone')}
        </Notice>
      ) : null}
      {test.isError ? <LoadProblem error={test.error} /> : null}
      <p className="hint">{t('notificationSettings.pushPrivacy')}</p>
      <h3>{t('notificationSettings.devicesHeading')}</h3>
      {devices.isPending ? (
        <Loading />
      ) : devices.isError ? (
        <LoadProblem error={devices.error} onRetry={() => void devices.refetch()} />
      ) : list.length === 0 ? (
        <p className="hint">{t('notificationSettings.devicesNone')}</p>
      ) : (
        <ul className="plain-list push-devices">
          {list.map((d) => {
            const name = d.label || t('notificationSettings.unnamedDevice');
            return (
              <li key={d.id}>
                <span>
                  <strong>{name}</strong>
                  {d.endpoint === endpoint ? ` (${t('notificationSettings.thisDevice')})` : ''}{' '}
                  <span className="hint">
                    {t('notificationSettings.deviceSince', {
                      date: formatDate(d.createdAt.slice(0, 10), i18n.language),
                    })}
                  </span>
                </span>{' '}
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(d.id, { onSuccess: () => void refresh() })}
                  aria-label={t('notificationSettings.removeDevice', { device: name })}
                >
                  <span aria-hidden="true">✕</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function SettingsForm({ settings }: { settings: NotificationSettingsView }) {
  const { t } = useTranslation();
  const save = useSaveNotificationSettings();
  const [enabled, setEnabled] = useState<NotificationTopic[]>(
    NOTIFICATION_TOPICS.filter((topic) => !settings.mutedTopics.includes(topic)),
  );
  const [quiet, setQuiet] = useState(settings.quietFrom !== null);
  const [from, setFrom] = useState(settings.quietFrom ?? '22:00');
  const [until, setUntil] = useState(settings.quietUntil ?? '07:00');
  const sameTimes = quiet && from === until;

  return (
    <form
      className="card notification-settings"
      onSubmit={(event) => {
        event.preventDefault();
        if (sameTimes) return;
        save.mutate({
          mutedTopics: NOTIFICATION_TOPICS.filter((topic) => !enabled.includes(topic)),
          quietFrom: quiet ? from : null,
          quietUntil: quiet ? until : null,
        });
      }}
    >
      <CheckboxGroup
        legend={t('notificationSettings.topicsHeading')}
        hint={t('notificationSettings.topicsHint')}
        options={NOTIFICATION_TOPICS.map((topic) => ({
          value: topic,
          label: t(`notificationSettings.topics.${topic}`),
        }))}
        value={enabled}
        onChange={(next) => {
          save.reset();
          setEnabled(next);
        }}
      />
      <p className="hint">{t('notificationSettings.urgentNote')}</p>
      <fieldset className="field quiet-hours">
        <legend>{t('notificationSettings.quietHeading')}</legend>
        <CheckboxField
          label={t('notificationSettings.quietOn')}
          checked={quiet}
          onChange={(event) => {
            save.reset();
            setQuiet(event.target.checked);
          }}
        />
        {quiet ? (
          <div className="quiet-times">
            <TextField
              label={t('notificationSettings.quietFrom')}
              type="time"
              required
              value={from}
              onChange={(event) => setFrom(event.target.value)}
            />
            <TextField
              label={t('notificationSettings.quietUntil')}
              type="time"
              required
              value={until}
              error={sameTimes ? t('notificationSettings.quietSame') : undefined}
              onChange={(event) => setUntil(event.target.value)}
            />
          </div>
        ) : null}
        <p className="hint">{t('notificationSettings.quietHint', { timeZone: settings.timeZone })}</p>
      </fieldset>
      <FormProblem error={save.error} fields={['mutedTopics', 'quietFrom', 'quietUntil']} />
      {save.isSuccess ? <Notice tone="success">{t('notificationSettings.saved')}</Notice> : null}
      <button type="submit" className="button" disabled={save.isPending || sameTimes}>
        {t('notificationSettings.save')}
      </button>
    </form>
  );
}
