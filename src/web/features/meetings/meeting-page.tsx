// /meetings/:id: one house meeting. Everyone in the house sees the agenda and adds to it; the chair,
// the secretary and the peer leader start it, take attendance, write minutes per item and close it
// (which publishes the minutes to the house). Admins see when it is, never its words.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MeetingDetailView } from '../../../shared/contracts/meetings.ts';
import { SelectField } from '../../components/fields.tsx';
import { Loading, LoadProblem, Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { AddAgendaItemForm } from './add-agenda-item-form.tsx';
import { AgendaItem } from './agenda-item.tsx';
import { AttendanceSection } from './attendance-section.tsx';
import { formatMeetingTime, useAssignRoles, useMeeting, useMeetingStep } from './meetings-api.ts';

export function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  return (
    <Page title={meeting.data?.title ?? t('meetings.meetingTitleGeneric')}>
      {meeting.isPending ? (
        <Loading />
      ) : meeting.isError ? (
        <LoadProblem error={meeting.error} onRetry={() => void meeting.refetch()} />
      ) : (
        <MeetingView meeting={meeting.data} />
      )}
      <p>
        <Link to="/meetings">{t('meetings.backToMeetings')}</Link>
      </p>
    </Page>
  );
}

function MeetingView({ meeting }: { meeting: MeetingDetailView }) {
  const { t, i18n } = useTranslation();
  const { viewer } = meeting;
  const open = meeting.state === 'upcoming' || meeting.state === 'in_progress';
  const running = meeting.state === 'in_progress';
  return (
    <>
      <section className="card meeting-header" aria-labelledby="meeting-when">
        <h2 id="meeting-when">
          <time dateTime={meeting.startsAt}>
            {formatMeetingTime(meeting.startsAt, meeting.timeZone, i18n.language)}
          </time>
        </h2>
        <p className="meeting-meta">
          <span className={`badge badge-${meeting.state}`}>{t(`meetings.states.${meeting.state}`)}</span>
          {meeting.kind !== 'regular' ? (
            <span className={`badge badge-${meeting.kind}`}>{t(`meetings.kinds.${meeting.kind}`)}</span>
          ) : null}
          {meeting.location ? <span>{meeting.location}</span> : null}
          <span>{t('meetings.minutesLong', { count: meeting.durationMinutes })}</span>
        </p>
        <Roles meeting={meeting} />
        <MeetingSteps meeting={meeting} />
      </section>
      {!viewer.seesAgenda ? (
        <Notice>{t('meetings.adminPrivacy')}</Notice>
      ) : (
        <>
          <AttendanceSection meeting={meeting} />
          <section className="card agenda" aria-labelledby="agenda-heading">
            <h2 id="agenda-heading">{t('meetings.agendaHeading')}</h2>
            {meeting.agenda.length === 0 ? <p className="hint">{t('meetings.agendaEmpty')}</p> : null}
            <ol className="agenda-list">
              {meeting.agenda.map((item, index) => (
                <AgendaItem
                  key={item.id}
                  meeting={meeting}
                  item={item}
                  index={index}
                  itemIds={meeting.agenda.map((i) => i.id)}
                />
              ))}
            </ol>
          </section>
          {open ? (
            <section className="card" aria-labelledby="agenda-add">
              <h2 id="agenda-add">{t('meetings.addToAgenda')}</h2>
              <AddAgendaItemForm meetingId={meeting.id} />
            </section>
          ) : null}
          {meeting.state === 'closed' ? (
            <p>
              <Link to={`/meetings/${meeting.id}/minutes`}>{t('meetings.printableMinutes')}</Link>
            </p>
          ) : null}
          {running && viewer.canRun ? <p className="hint">{t('meetings.runningHint')}</p> : null}
        </>
      )}
    </>
  );
}

function Roles({ meeting }: { meeting: MeetingDetailView }) {
  const { t } = useTranslation();
  const assign = useAssignRoles(meeting.id);
  const open = meeting.state === 'upcoming' || meeting.state === 'in_progress';
  if (!meeting.viewer.canAssign || !open || meeting.attendance.length === 0) {
    return (
      <p className="meeting-roles">
        {meeting.chair ? t('meetings.chairIs', { name: meeting.chair.displayName }) : t('meetings.noChair')}
        {meeting.secretary ? ` · ${t('meetings.secretaryIs', { name: meeting.secretary.displayName })}` : ''}
      </p>
    );
  }
  const people = meeting.attendance;
  return (
    <div className="meeting-roles-form">
      {assign.isError ? <LoadProblem error={assign.error} /> : null}
      <SelectField
        label={t('meetings.chair')}
        value={meeting.chair?.personId ?? ''}
        disabled={assign.isPending}
        onChange={(event) => assign.mutate({ chairId: event.target.value || null })}
      >
        <option value="">{t('meetings.nobody')}</option>
        {people.map((p) => (
          <option key={p.personId} value={p.personId}>
            {p.displayName}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('meetings.secretary')}
        value={meeting.secretary?.personId ?? ''}
        disabled={assign.isPending}
        onChange={(event) => assign.mutate({ secretaryId: event.target.value || null })}
      >
        <option value="">{t('meetings.nobody')}</option>
        {people.map((p) => (
          <option key={p.personId} value={p.personId}>
            {p.displayName}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

function MeetingSteps({ meeting }: { meeting: MeetingDetailView }) {
  const { t } = useTranslation();
  const step = useMeetingStep(meeting.id);
  const { viewer, state } = meeting;
  const buttons = [
    viewer.canRun && state === 'upcoming' ? { step: 'start' as const, label: t('meetings.start') } : null,
    viewer.canRun && state === 'in_progress' ? { step: 'close' as const, label: t('meetings.close') } : null,
    viewer.canManage && state === 'upcoming'
      ? { step: 'cancel' as const, label: t('meetings.cancel') }
      : null,
  ].filter((b) => b !== null);
  if (buttons.length === 0) return null;
  return (
    <div className="meeting-steps">
      {step.isError ? <LoadProblem error={step.error} /> : null}
      {buttons.map((b) => (
        <button
          key={b.step}
          type="button"
          className={b.step === 'cancel' ? 'button button-quiet' : 'button'}
          disabled={step.isPending}
          onClick={() => {
            if (b.step === 'close' && !window.confirm(t('meetings.closeConfirm'))) return;
            if (b.step === 'cancel' && !window.confirm(t('meetings.cancelConfirm'))) return;
            step.mutate(b.step);
          }}
        >
          {b.label}
        </button>
      ))}
      {state === 'in_progress' && viewer.canRun ? <p className="hint">{t('meetings.closeHint')}</p> : null}
    </div>
  );
}
