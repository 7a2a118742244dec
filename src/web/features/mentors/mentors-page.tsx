// Mentors: my mentorships and requests (accept, not now, end without a reason), suggested mentors for a
// newer resident with what we have in common, and whether I am open to mentoring.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MentorSuggestionView, MentorshipView } from '../../../shared/contracts/mentors.ts';
import { CheckboxField } from '../../components/fields.tsx';
import { Hidden, Loading, LoadProblem, Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { PeersTabs } from '../skills/peers-tabs.tsx';
import { peersError, skillName } from '../skills/skills-api.ts';
import {
  useAskMentor,
  useChangeMentorship,
  useLiveMentors,
  useMentorNewcomers,
  useMentorOverview,
  useMentorSuggestions,
  useOfferToMentor,
  useOpenToMentoring,
} from './mentors-api.ts';

export function MentorsPage() {
  const { t } = useTranslation();
  useLiveMentors();
  const overview = useMentorOverview();
  return (
    <Page title={t('mentors.title')} intro={t('mentors.intro')}>
      <PeersTabs />
      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <LoadProblem error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <>
          <MyMentorships mentorships={overview.data.mentorships} />
          {overview.data.canHaveMentor ? <Suggestions /> : null}
          <Newcomers />
          <OpenToMentoring current={overview.data.openToMentoring} />
        </>
      )}
    </Page>
  );
}

function MyMentorships({ mentorships }: { mentorships: MentorshipView[] }) {
  const { t } = useTranslation();
  const shown = mentorships.filter(
    (m) => m.state === 'proposed' || m.state === 'active' || m.state === 'ended',
  );
  return (
    <section className="card" aria-labelledby="mentors-mine">
      <h2 id="mentors-mine">{t('mentors.mineHeading')}</h2>
      {shown.length === 0 ? (
        <p className="hint">{t('mentors.none')}</p>
      ) : (
        <ul className="mentorships">
          {shown.map((m) => (
            <MentorshipItem key={m.id} mentorship={m} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function MentorshipItem({ mentorship: m }: { mentorship: MentorshipView }) {
  const { t } = useTranslation();
  const change = useChangeMentorship();
  const [confirming, setConfirming] = useState(false);
  const other = m.myRole === 'mentor' ? m.mentee : m.mentor;
  const name = other.displayName;
  const line = m.canAccept
    ? t(m.myRole === 'mentor' ? 'mentors.askedYouMentor' : 'mentors.askedYouMentee', { name })
    : t(m.myRole === 'mentor' ? 'mentors.youMentor' : 'mentors.mentorsYou', { name });
  const act = (what: 'accept' | 'decline' | 'end') => change.mutate({ id: m.id, change: what });
  return (
    <li className={`mentorship mentorship-${m.state}`}>
      <p>
        <strong>{line}</strong>
      </p>
      <p className="hint">{t(`mentors.states.${m.state}`)}</p>
      {change.isError ? <Notice tone="error">{peersError(t, change.error)}</Notice> : null}
      {m.state === 'active' || m.state === 'ended' ? (
        <p className="link-row">
          <Link to={`/mentors/${m.id}`}>
            {t('mentors.openLog')}
            <Hidden> · {name}</Hidden>
          </Link>
          {m.conversationId ? (
            <Link to={`/chat/${m.conversationId}`}>
              {t('mentors.openChat')}
              <Hidden> · {name}</Hidden>
            </Link>
          ) : null}
        </p>
      ) : null}
      {m.canAccept ? (
        <div className="button-row">
          <button type="button" className="button" disabled={change.isPending} onClick={() => act('accept')}>
            {t('mentors.accept')}
            <Hidden>: {line}</Hidden>
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={change.isPending}
            onClick={() => act('decline')}
          >
            {t('mentors.decline')}
            <Hidden>: {line}</Hidden>
          </button>
        </div>
      ) : m.state === 'proposed' ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={change.isPending}
          onClick={() => act('end')}
        >
          {t('mentors.withdraw')}
          <Hidden>: {name}</Hidden>
        </button>
      ) : m.state === 'active' ? (
        confirming ? (
          <fieldset className="card-inset">
            <legend>{t('mentors.endConfirm')}</legend>
            <div className="button-row">
              <button type="button" className="button" disabled={change.isPending} onClick={() => act('end')}>
                {t('mentors.endYes')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                {t('mentors.endNo')}
              </button>
            </div>
          </fieldset>
        ) : (
          <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
            {t('mentors.end')}
            <Hidden>: {name}</Hidden>
          </button>
        )
      ) : null}
    </li>
  );
}

function Suggestions() {
  const { t } = useTranslation();
  const suggestions = useMentorSuggestions(true);
  // Kept here: once asked, the person leaves the suggestions (the request shows under my mentorships).
  const [asked, setAsked] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="mentors-suggestions">
      <h2 id="mentors-suggestions">{t('mentors.suggestionsHeading')}</h2>
      <p className="hint">{t('mentors.suggestionsIntro')}</p>
      {asked ? <Notice tone="success">{t('mentors.asked', { name: asked })}</Notice> : null}
      {suggestions.isPending ? (
        <Loading />
      ) : suggestions.isError ? (
        <LoadProblem error={suggestions.error} onRetry={() => void suggestions.refetch()} />
      ) : suggestions.data.suggestions.length === 0 ? (
        <p className="hint">{t('mentors.noSuggestions')}</p>
      ) : (
        <ul className="mentor-suggestions">
          {suggestions.data.suggestions.map((s) => (
            <SuggestionItem key={s.person.personId} suggestion={s} onAsked={setAsked} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SuggestionItem({
  suggestion: s,
  onAsked,
}: {
  suggestion: MentorSuggestionView;
  onAsked: (name: string) => void;
}) {
  const { t } = useTranslation();
  const ask = useAskMentor();
  const name = s.person.displayName;
  const reasons = s.reasons
    .map((r) =>
      r === 'skills'
        ? `${t('mentors.reasons.skills')} (${s.sharedSkills.map((k) => skillName(t, k)).join(', ')})`
        : t(`mentors.reasons.${r}`),
    )
    .join(', ');
  return (
    <li className="mentor-suggestion">
      <p>
        <strong>{name}</strong>
        {s.alumni ? ` · ${t('mentors.alumni')}` : null}
      </p>
      {s.stage ? <p className="hint">{t('mentors.stage', { stage: t(`stages.names.${s.stage}`) })}</p> : null}
      {reasons ? <p className="hint">{t('mentors.why', { reasons })}</p> : null}
      {ask.isError ? <Notice tone="error">{peersError(t, ask.error)}</Notice> : null}
      {ask.isSuccess ? null : (
        <button
          type="button"
          className="button button-secondary"
          disabled={ask.isPending}
          onClick={() => ask.mutate(s.person.personId, { onSuccess: () => onAsked(name) })}
        >
          {t('mentors.ask')}
          <Hidden>: {name}</Hidden>
        </button>
      )}
    </li>
  );
}

/** Newer residents of my houses: I may offer to mentor one of them, who says yes or not now. */
function Newcomers() {
  const { t } = useTranslation();
  const newcomers = useMentorNewcomers();
  const offer = useOfferToMentor();
  const [offered, setOffered] = useState<string | null>(null);
  if (newcomers.isPending) return <Loading />;
  if (newcomers.isError)
    return <LoadProblem error={newcomers.error} onRetry={() => void newcomers.refetch()} />;
  // Nobody newer in my houses (or I am the newest): nothing to offer, and no empty card.
  if (newcomers.data.newcomers.length === 0 && !offered) return null;
  return (
    <section className="card" aria-labelledby="mentors-newcomers">
      <h2 id="mentors-newcomers">{t('mentors.newcomersHeading')}</h2>
      <p className="hint">{t('mentors.newcomersIntro')}</p>
      <div aria-live="polite">
        {offered ? <Notice tone="success">{t('mentors.offered', { name: offered })}</Notice> : null}
        {offer.isError ? <Notice tone="error">{peersError(t, offer.error)}</Notice> : null}
      </div>
      <ul className="mentor-suggestions">
        {newcomers.data.newcomers.map((n) => (
          <li key={n.person.personId} className="mentor-suggestion">
            <p>
              <strong>{n.person.displayName}</strong>
            </p>
            {n.stage ? (
              <p className="hint">{t('mentors.stage', { stage: t(`stages.names.${n.stage}`) })}</p>
            ) : null}
            <button
              type="button"
              className="button button-secondary"
              disabled={offer.isPending}
              onClick={() =>
                offer.mutate(n.person.personId, { onSuccess: () => setOffered(n.person.displayName) })
              }
            >
              {t('mentors.offer')}
              <Hidden>: {n.person.displayName}</Hidden>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function OpenToMentoring({ current }: { current: boolean }) {
  const { t } = useTranslation();
  const save = useOpenToMentoring();
  const [open, setOpen] = useState(current);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(open);
  };
  return (
    <section className="card" aria-labelledby="mentors-open">
      <h2 id="mentors-open">{t('mentors.openHeading')}</h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        {save.isError ? <Notice tone="error">{peersError(t, save.error)}</Notice> : null}
        {save.isSuccess ? <Notice tone="success">{t('mentors.saved')}</Notice> : null}
        <CheckboxField
          label={t('mentors.open')}
          hint={t('mentors.openHint')}
          name="openToMentoring"
          checked={open}
          onChange={(e) => setOpen(e.target.checked)}
        />
        <button type="submit" className="button button-secondary" disabled={save.isPending}>
          {t('mentors.save')}
        </button>
      </form>
    </section>
  );
}
