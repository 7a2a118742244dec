// For admins: import a Meeting Guide feed (an address or a file) and hand our public feed to apps.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FELLOWSHIPS } from '../../../shared/domain/meeting-guide.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { useFormErrors } from '../../components/errors.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { FormProblem, Notice } from '../../components/notice.tsx';
import { useImportFeed, useUpdateFeedSettings } from './outside-api.ts';

const FIELDS = ['url', 'feed', 'timeZone', 'fellowship'] as const;

export function ImportSection({ feedPath, meetingArea }: { feedPath: string | null; meetingArea: string }) {
  const { t } = useTranslation();
  const importFeed = useImportFeed();
  const { fieldError } = useFormErrors(importFeed.error, FIELDS);
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [timeZone, setTimeZone] = useState(
    Intl.DateTimeFormat().resolvedOptions().timeZone || 'America/New_York',
  );
  const [fellowship, setFellowship] = useState<(typeof FELLOWSHIPS)[number]>('aa');
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const common = { timeZone: timeZone.trim(), fellowship };
    if (file) importFeed.mutate({ ...common, feed: await file.text() });
    else importFeed.mutate({ ...common, url: url.trim() });
  };
  const feedUrl = feedPath ? `${window.location.origin}${feedPath}` : null;
  const report = importFeed.data;
  return (
    <>
      {feedUrl ? (
        <section className="card" aria-labelledby="feed-heading">
          <h2 id="feed-heading">{t('outside.feedHeading')}</h2>
          <p className="hint">{t('outside.feedHint')}</p>
          <p className="invitation-link">{feedUrl}</p>
          <CopyButton text={feedUrl} label={t('outside.copyFeed')} />
          <MeetingAreaForm meetingArea={meetingArea} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="import-heading">
        <h2 id="import-heading">{t('outside.importHeading')}</h2>
        <p className="hint">{t('outside.importHint')}</p>
        <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
          <FormProblem error={importFeed.error} fields={FIELDS} />
          <TextField
            label={t('outside.importUrl')}
            type="url"
            value={url}
            disabled={file !== null}
            error={fieldError('url')}
            onChange={(e) => setUrl(e.target.value)}
          />
          <div className="field">
            <label htmlFor="import-file">{t('outside.importFile')}</label>
            {fieldError('feed') ? <p className="field-error">{fieldError('feed')}</p> : null}
            <input
              id="import-file"
              type="file"
              accept="application/json,.json"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <TextField
            label={t('outside.importTimeZone')}
            hint={t('outside.importTimeZoneHint')}
            value={timeZone}
            error={fieldError('timeZone')}
            onChange={(e) => setTimeZone(e.target.value)}
          />
          <SelectField
            label={t('outside.form.fellowship')}
            value={fellowship}
            onChange={(e) => setFellowship(e.target.value as (typeof FELLOWSHIPS)[number])}
          >
            {FELLOWSHIPS.map((f) => (
              <option key={f} value={f}>
                {t(`outside.fellowships.${f}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button" disabled={importFeed.isPending}>
            {t('outside.importButton')}
          </button>
        </form>
        {report ? (
          <Notice tone={report.skippedCount > 0 ? 'info' : 'success'}>
            <p>
              {t('outside.importReport', {
                total: report.total,
                inserted: report.inserted,
                updated: report.updated,
                skipped: report.skippedCount,
              })}
            </p>
            {report.skipped.length > 0 ? (
              <>
                <p>{t('outside.importSkipped')}</p>
                <ul className="import-problems">
                  {report.skipped.map((p) => (
                    <li key={`${p.index}-${p.field}-${p.reason}`}>
                      {t('outside.importRow', {
                        row: p.index + 1,
                        slug: p.slug ?? '—',
                        field: p.field,
                        message: t(`reasons.${p.reason}`, {
                          ...p.params,
                          defaultValue: t('reasons.request.invalid'),
                        }),
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {report.adjustedCount > 0 ? (
              <p>{t('outside.importAdjusted', { count: report.adjustedCount })}</p>
            ) : null}
          </Notice>
        ) : null}
      </section>
    </>
  );
}

const AREA_FIELDS = ['meetingArea'] as const;

/** Where the organization's online meetings are based: their approximate place in the feed. */
function MeetingAreaForm({ meetingArea }: { meetingArea: string }) {
  const { t } = useTranslation();
  const update = useUpdateFeedSettings();
  const { fieldError } = useFormErrors(update.error, AREA_FIELDS);
  const [area, setArea] = useState(meetingArea);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ meetingArea: area.trim() });
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormProblem error={update.error} fields={AREA_FIELDS} />
      <TextField
        label={t('outside.areaLabel')}
        hint={t('outside.areaHint')}
        value={area}
        maxLength={100}
        error={fieldError('meetingArea')}
        onChange={(e) => {
          setArea(e.target.value);
          update.reset();
        }}
      />
      <div className="button-row">
        <button type="submit" className="button button-secondary" disabled={update.isPending}>
          {t('outside.areaSave')}
        </button>
      </div>
      {update.isSuccess ? <Notice tone="success">{t('outside.areaSaved')}</Notice> : null}
    </form>
  );
}
