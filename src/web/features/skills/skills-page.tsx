// The skills exchange: what I can teach and want to learn, who sees it, suggested matches in my house and
// organization, and sessions — accepted by the other person, and counted as help given once they happened.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SkillListingView, SkillMatchView, SkillSessionView } from '../../../shared/contracts/skills.ts';
import {
  SKILL_KIND,
  SKILL_SESSION_KINDS,
  SKILLS,
  type Skill,
  type SkillDirection,
} from '../../../shared/domain/skills.ts';
import { useFormErrors } from '../../components/errors.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { formatMoment } from '../../components/format.ts';
import { Hidden, Loading, LoadProblem, Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { PeersTabs } from './peers-tabs.tsx';
import {
  peersError,
  skillName,
  useAddSkill,
  useChangeSession,
  useLiveSkills,
  useMySkills,
  useProposeSession,
  useRemoveSkill,
  useSkillMatches,
  useSkillSessions,
  useSkillVisibility,
} from './skills-api.ts';

export function SkillsPage() {
  const { t } = useTranslation();
  useLiveSkills();
  return (
    <Page title={t('skills.title')} intro={t('skills.intro')}>
      <PeersTabs />
      <MySkills />
      <Matches />
      <Sessions />
    </Page>
  );
}

function MySkills() {
  const { t } = useTranslation();
  const mine = useMySkills();
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <LoadProblem error={mine.error} onRetry={() => void mine.refetch()} />;
  const teach = mine.data.listings.filter((l) => l.direction === 'teach');
  const learn = mine.data.listings.filter((l) => l.direction === 'learn');
  return (
    <>
      <section className="card" aria-labelledby="skills-teach">
        <h2 id="skills-teach">{t('skills.teachHeading')}</h2>
        <ListingList listings={teach} empty={t('skills.nothingToTeach')} />
        <h2 id="skills-learn">{t('skills.learnHeading')}</h2>
        <ListingList listings={learn} empty={t('skills.nothingToLearn')} />
        <AddSkillForm />
      </section>
      <VisibilityForm current={mine.data.skillsVisibleTo} />
    </>
  );
}

function ListingList({ listings, empty }: { listings: SkillListingView[]; empty: string }) {
  const { t } = useTranslation();
  const remove = useRemoveSkill();
  if (listings.length === 0) return <p className="hint">{empty}</p>;
  return (
    <ul className="skill-list">
      {listings.map((l) => (
        <li key={l.id}>
          <span>{skillName(t, l)}</span>
          <button
            type="button"
            className="button button-secondary"
            disabled={remove.isPending}
            onClick={() => remove.mutate(l.id)}
          >
            {t('skills.remove')}
            <Hidden> {skillName(t, l)}</Hidden>
          </button>
        </li>
      ))}
    </ul>
  );
}

function AddSkillForm() {
  const { t } = useTranslation();
  const add = useAddSkill();
  const [skill, setSkill] = useState<Skill>('cooking');
  const [label, setLabel] = useState('');
  const [direction, setDirection] = useState<SkillDirection>('teach');
  const { fieldError, summary } = useFormErrors(add.error, ['skill', 'label', 'direction']);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { skill, direction, ...(skill === 'other' ? { label: label.trim() } : {}) },
      { onSuccess: () => setLabel('') },
    );
  };
  return (
    <form className="form card-inset" onSubmit={onSubmit} noValidate aria-labelledby="skills-add">
      <h3 id="skills-add">{t('skills.addHeading')}</h3>
      {summary ? <Notice tone="error">{summary}</Notice> : null}
      {add.isSuccess ? <Notice tone="success">{t('skills.added')}</Notice> : null}
      <SelectField
        label={t('skills.skill')}
        name="skill"
        value={skill}
        onChange={(e) => setSkill(e.target.value as Skill)}
        error={fieldError('skill')}
      >
        {SKILLS.map((s) => (
          <option key={s} value={s}>
            {t(`skills.names.${s}`)}
          </option>
        ))}
      </SelectField>
      {skill === 'other' ? (
        <TextField
          label={t('skills.label')}
          hint={t('skills.labelHint')}
          name="label"
          maxLength={60}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          error={fieldError('label')}
        />
      ) : null}
      <SelectField
        label={t('skills.direction')}
        name="direction"
        value={direction}
        onChange={(e) => setDirection(e.target.value as SkillDirection)}
      >
        <option value="teach">{t('skills.directions.teach')}</option>
        <option value="learn">{t('skills.directions.learn')}</option>
      </SelectField>
      <button type="submit" className="button" disabled={add.isPending}>
        {t('skills.add')}
      </button>
    </form>
  );
}

function VisibilityForm({ current }: { current: 'house' | 'organization' }) {
  const { t } = useTranslation();
  const save = useSkillVisibility();
  const [value, setValue] = useState(current);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(value);
  };
  return (
    <section className="card" aria-labelledby="skills-visibility">
      <h2 id="skills-visibility">{t('skills.visibilityHeading')}</h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        {save.isError ? <Notice tone="error">{peersError(t, save.error)}</Notice> : null}
        {save.isSuccess ? <Notice tone="success">{t('skills.visibilitySaved')}</Notice> : null}
        <SelectField
          label={t('skills.visibilityHeading')}
          hint={t('skills.visibilityHint')}
          name="skillsVisibleTo"
          value={value}
          onChange={(e) => setValue(e.target.value as 'house' | 'organization')}
        >
          <option value="house">{t('skills.visibility.house')}</option>
          <option value="organization">{t('skills.visibility.organization')}</option>
        </SelectField>
        <button type="submit" className="button button-secondary" disabled={save.isPending}>
          {t('skills.save')}
        </button>
      </form>
    </section>
  );
}

function Matches() {
  const { t } = useTranslation();
  const matches = useSkillMatches();
  return (
    <section className="card" aria-labelledby="skills-matches">
      <h2 id="skills-matches">{t('skills.matchesHeading')}</h2>
      {matches.isPending ? (
        <Loading />
      ) : matches.isError ? (
        <LoadProblem error={matches.error} onRetry={() => void matches.refetch()} />
      ) : matches.data.house.length + matches.data.organization.length === 0 ? (
        <p className="hint">{t('skills.noMatches')}</p>
      ) : (
        <>
          <MatchGroup heading={t('skills.matchesHouse')} matches={matches.data.house} />
          <MatchGroup heading={t('skills.matchesOrganization')} matches={matches.data.organization} />
        </>
      )}
    </section>
  );
}

function MatchGroup({ heading, matches }: { heading: string; matches: SkillMatchView[] }) {
  if (matches.length === 0) return null;
  return (
    <>
      <h3>{heading}</h3>
      <ul className="skill-matches">
        {matches.map((m) => (
          <MatchItem key={m.listingId} match={m} />
        ))}
      </ul>
    </>
  );
}

function MatchItem({ match }: { match: SkillMatchView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const propose = useProposeSession();
  const [kind, setKind] = useState(SKILL_KIND[match.skill]);
  const [when, setWhen] = useState('');
  const skill = skillName(t, match);
  const name = match.person.displayName;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    propose.mutate(
      {
        listingId: match.listingId,
        supportKind: kind,
        plannedFor: when ? new Date(when).toISOString() : null,
      },
      { onSuccess: () => setOpen(false) },
    );
  };
  return (
    <li className="skill-match">
      <p>{t(match.direction === 'teach' ? 'skills.theyTeach' : 'skills.theyLearn', { name, skill })}</p>
      {propose.isSuccess && !open ? <Notice tone="success">{t('skills.sent', { name })}</Notice> : null}
      {open ? (
        <form className="form card-inset" onSubmit={onSubmit} noValidate>
          <h4>{t('skills.arrangeWith', { name, skill })}</h4>
          {propose.isError ? <Notice tone="error">{peersError(t, propose.error)}</Notice> : null}
          <SelectField
            label={t('skills.kind')}
            name="supportKind"
            value={kind}
            onChange={(e) => setKind(e.target.value as typeof kind)}
          >
            {SKILL_SESSION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`skills.kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('skills.plannedFor')}
            hint={t('skills.plannedForHint')}
            name="plannedFor"
            type="datetime-local"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={propose.isPending}>
              {t('skills.send')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
              {t('skills.cancelForm')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {t('skills.arrange')}
          <Hidden>
            {' '}
            {name}: {skill}
          </Hidden>
        </button>
      )}
    </li>
  );
}

function Sessions() {
  const { t } = useTranslation();
  const sessions = useSkillSessions();
  return (
    <section className="card" aria-labelledby="skills-sessions">
      <h2 id="skills-sessions">{t('skills.sessionsHeading')}</h2>
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <LoadProblem error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.sessions.length === 0 ? (
        <p className="hint">{t('skills.noSessions')}</p>
      ) : (
        <ul className="skill-sessions">
          {sessions.data.sessions.map((s) => (
            <SessionItem key={s.id} session={s} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SessionItem({ session }: { session: SkillSessionView }) {
  const { t, i18n } = useTranslation();
  const change = useChangeSession();
  const skill = skillName(t, session);
  const other = session.myRole === 'teacher' ? session.learner : session.teacher;
  const line = t(session.myRole === 'teacher' ? 'skills.sessionTeach' : 'skills.sessionLearn', {
    name: other.displayName,
    skill,
  });
  const act = (what: 'accept' | 'cancel' | 'done') => change.mutate({ id: session.id, change: what });
  return (
    <li className={`skill-session skill-session-${session.state}`}>
      <p>
        <strong>{line}</strong>
      </p>
      <p className="hint">
        {t(`skills.states.${session.state}`)} · {t(`skills.kinds.${session.supportKind}`)}
        {session.plannedFor
          ? ` · ${t('skills.planned', { time: formatMoment(session.plannedFor, i18n.language, { afterWord: true }) })}`
          : null}
      </p>
      {session.state === 'done' ? (
        <p className="hint">{t('skills.doneNote', { name: session.teacher.displayName })}</p>
      ) : null}
      {change.isError ? <Notice tone="error">{peersError(t, change.error)}</Notice> : null}
      <div className="button-row">
        {session.canAccept ? (
          <button type="button" className="button" disabled={change.isPending} onClick={() => act('accept')}>
            {t('skills.accept')}
            <Hidden>: {line}</Hidden>
          </button>
        ) : null}
        {session.canMarkDone ? (
          <button type="button" className="button" disabled={change.isPending} onClick={() => act('done')}>
            {t('skills.markDone')}
            <Hidden>: {line}</Hidden>
          </button>
        ) : null}
        {session.canCancel ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={change.isPending}
            onClick={() => act('cancel')}
          >
            {t('skills.callOff')}
            <Hidden>: {line}</Hidden>
          </button>
        ) : null}
      </div>
    </li>
  );
}
