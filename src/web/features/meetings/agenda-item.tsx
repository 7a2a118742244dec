// One item on a meeting's agenda: what it is, who raised it (never to peers when raised without a
// name), its minutes, and — from the decisions area — the commitments and votes made on it.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItemView, MeetingDetailView } from '../../../shared/contracts/meetings.ts';
import { useMe } from '../../app/session.ts';
import { TextAreaField } from '../../components/fields.tsx';
import { formatDate } from '../../components/format.ts';
import { Hidden, LoadProblem, Notice } from '../../components/notice.tsx';
import { milestoneName } from '../journey/journey-api.ts';
import { ItemCommitments } from './decisions/item-commitments.tsx';
import { MeetingMotions } from './decisions/meeting-motions.tsx';
import { useOrderAgenda, useRemoveItem, useWriteMinutes } from './meetings-api.ts';

type StandingKind = 'business' | 'chores' | 'celebrations';
const STANDING = new Set<string>(['business', 'chores', 'celebrations']);

export function AgendaItem({
  meeting,
  item,
  index,
  itemIds,
}: {
  meeting: MeetingDetailView;
  item: AgendaItemView;
  index: number;
  itemIds: string[];
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { viewer, state } = meeting;
  const open = state === 'upcoming' || state === 'in_progress';
  const running = state === 'in_progress';
  const title = STANDING.has(item.kind) ? t(`meetings.standing.${item.kind as StandingKind}`) : item.title;
  return (
    <li className={`agenda-item agenda-${item.kind}`}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>{title}</h3>
        <p className="agenda-meta">
          <span className="badge">{t(`meetings.itemKinds.${item.kind}`)}</span> <Raiser item={item} />
        </p>
        {item.details ? <p className="agenda-details">{item.details}</p> : null}
        {item.kind === 'celebrations' ? <Celebrations item={item} /> : null}
        {running && viewer.canRun ? (
          <MinutesEditor meetingId={meeting.id} item={item} title={title} />
        ) : item.minutes ? (
          <div className="agenda-minutes">
            <h4>{t('meetings.minutesHeading')}</h4>
            <p>{item.minutes}</p>
          </div>
        ) : null}
        {open && (viewer.isChair || viewer.isPeerLeader) ? (
          <OrderButtons meetingId={meeting.id} index={index} itemIds={itemIds} title={title} />
        ) : null}
        {item.kind === 'problem' &&
        ((item.mine && state === 'upcoming') || (open && (viewer.isChair || viewer.isPeerLeader))) ? (
          <RemoveButton meetingId={meeting.id} item={item} title={title} />
        ) : null}
        {state !== 'upcoming' && item.kind !== 'celebrations' ? (
          <>
            <ItemCommitments meetingId={meeting.id} itemId={item.id} canRecord={running && viewer.canRun} />
            <MeetingMotions
              meetingId={meeting.id}
              agendaItemId={item.id}
              canRecord={running && viewer.canRun}
              canVote={running && viewer.isMember}
            />
          </>
        ) : null}
      </article>
    </li>
  );
}

function Raiser({ item }: { item: AgendaItemView }) {
  const { t } = useTranslation();
  const me = useMe();
  if (item.kind === 'follow_up' && item.committedBy) {
    return (
      <span>
        {item.committedBy.personId === me.id
          ? t('meetings.committedByYou')
          : t('meetings.committedBy', { name: item.committedBy.displayName })}
      </span>
    );
  }
  if (item.kind !== 'problem') return null;
  if (item.anonymous) {
    if (item.mine) return <span>{t('meetings.raisedByYouAnonymous')}</span>;
    return (
      <span>
        {t('meetings.raisedAnonymous')}
        {item.author ? ` ${t('meetings.raisedAnonymousSeen', { name: item.author.displayName })}` : ''}
      </span>
    );
  }
  if (item.mine) return <span>{t('meetings.raisedByYou')}</span>;
  return item.author ? <span>{t('meetings.raisedBy', { name: item.author.displayName })}</span> : null;
}

function Celebrations({ item }: { item: AgendaItemView }) {
  const { t, i18n } = useTranslation();
  if (item.celebrations.length === 0) return <p className="hint">{t('meetings.noCelebrations')}</p>;
  return (
    <ul className="plain-list celebrations-list">
      {item.celebrations.map((c) => (
        <li key={`${c.personId}-${c.milestone.key}`}>
          {t('meetings.celebration', {
            name: c.displayName,
            milestone: milestoneName(t, c.milestone),
            date: formatDate(c.reachedOn, i18n.language),
          })}
        </li>
      ))}
    </ul>
  );
}

function MinutesEditor({
  meetingId,
  item,
  title,
}: {
  meetingId: string;
  item: AgendaItemView;
  title: string;
}) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState(item.minutes);
  const [saved, setSaved] = useState(false);
  const write = useWriteMinutes(meetingId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    write.mutate({ itemId: item.id, minutes }, { onSuccess: () => setSaved(true) });
  };
  return (
    <form className="form minutes-form" onSubmit={submit} noValidate>
      {write.isError ? <LoadProblem error={write.error} /> : null}
      {saved ? <Notice tone="success">{t('meetings.minutesSaved')}</Notice> : null}
      <TextAreaField
        label={t('meetings.minutesFor', { title })}
        hint={t('meetings.minutesHint')}
        value={minutes}
        rows={3}
        maxLength={4000}
        onChange={(event) => {
          setMinutes(event.target.value);
          setSaved(false);
        }}
      />
      <button type="submit" className="button button-secondary" disabled={write.isPending}>
        {t('meetings.saveMinutes')} <Hidden>{title}</Hidden>
      </button>
    </form>
  );
}

function OrderButtons({
  meetingId,
  index,
  itemIds,
  title,
}: {
  meetingId: string;
  index: number;
  itemIds: string[];
  title: string;
}) {
  const { t } = useTranslation();
  const order = useOrderAgenda(meetingId);
  const move = (by: number) => {
    const next = [...itemIds];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    order.mutate(next);
  };
  return (
    <div className="agenda-order">
      <button
        type="button"
        className="button button-quiet"
        disabled={index === 0 || order.isPending}
        onClick={() => move(-1)}
      >
        {t('meetings.moveUp')} <Hidden>{title}</Hidden>
      </button>
      <button
        type="button"
        className="button button-quiet"
        disabled={index === itemIds.length - 1 || order.isPending}
        onClick={() => move(1)}
      >
        {t('meetings.moveDown')} <Hidden>{title}</Hidden>
      </button>
    </div>
  );
}

function RemoveButton({
  meetingId,
  item,
  title,
}: {
  meetingId: string;
  item: AgendaItemView;
  title: string;
}) {
  const { t } = useTranslation();
  const remove = useRemoveItem(meetingId);
  return (
    <>
      {remove.isError ? <LoadProblem error={remove.error} /> : null}
      <button
        type="button"
        className="button button-quiet"
        disabled={remove.isPending}
        onClick={() => {
          if (window.confirm(t('meetings.removeConfirm'))) remove.mutate(item.id);
        }}
      >
        {t('meetings.removeItem')} <Hidden>{title}</Hidden>
      </button>
    </>
  );
}
