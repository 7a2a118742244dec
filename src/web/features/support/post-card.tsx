// One request or standing offer as a card: what is needed, by whom (or "someone"), and what I can do
// with it right now — offer, accept, open our thread, mark "this helped", withdraw.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SupportRequestView, SupportResponseView } from '../../../shared/contracts/support.ts';
import { errorMessage } from '../../components/errors.ts';
import { formatMoment } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { useRespond, useResponseStep, useWithdrawPost } from './support-api.ts';

export function PostCard({ post }: { post: SupportRequestView }) {
  const { t, i18n } = useTranslation();
  const headingId = `post-${post.id}`;
  return (
    <li className="card support-post" aria-labelledby={headingId}>
      <p className="support-post-meta">
        <span className="badge">
          {t(post.type === 'offer' ? 'peerSupport.offer' : 'peerSupport.request')}
        </span>{' '}
        <span className="badge badge-muted">{t(`supportKinds.${post.supportKind}`)}</span>{' '}
        <span className={`badge support-state support-state-${post.state}`}>
          {t(`peerSupport.states.${post.state}`)}
        </span>
      </p>
      <h2 id={headingId} className="support-post-body">
        {post.body}
      </h2>
      <p className="hint">
        {post.isMine
          ? t(post.type === 'offer' ? 'peerSupport.youPostedOffer' : 'peerSupport.youAsked')
          : post.author
            ? t('peerSupport.byAuthor', { name: post.author.displayName })
            : t('peerSupport.anonymousAuthor')}
        {post.residenceName ? ` · ${t('peerSupport.inHouse', { house: post.residenceName })}` : ''}
        {' · '}
        {t('peerSupport.audienceShown', { audience: t(`peerSupport.audiences.${post.audience}`) })}
        {' · '}
        {t('peerSupport.postedAt', { when: formatMoment(post.createdAt, i18n.language) })}
      </p>
      {post.responseCount > 0 ? (
        <p className="hint">{t('peerSupport.responses', { count: post.responseCount })}</p>
      ) : null}
      {post.isMine ? <MineActions post={post} /> : <PeerActions post={post} />}
    </li>
  );
}

/** What a peer can do: offer (or ask for a standing offer), then follow their own response. */
function PeerActions({ post }: { post: SupportRequestView }) {
  const { t } = useTranslation();
  const respond = useRespond();
  const step = useResponseStep();
  const [note, setNote] = useState('');
  const mine = post.responses[0];
  const error = respond.error ?? step.error;
  return (
    <>
      {mine && mine.state !== 'withdrawn' ? <MyResponse post={post} response={mine} /> : null}
      {post.canRespond ? (
        <form
          className="support-respond"
          onSubmit={(event) => {
            event.preventDefault();
            respond.mutate({ id: post.id, note: note.trim() }, { onSuccess: () => setNote('') });
          }}
        >
          <label className="visually-hidden" htmlFor={`note-${post.id}`}>
            {t('peerSupport.noteLabel')}
          </label>
          <input
            id={`note-${post.id}`}
            value={note}
            maxLength={280}
            placeholder={t('peerSupport.notePlaceholder')}
            onChange={(event) => setNote(event.target.value)}
          />
          <button type="submit" className="button" disabled={respond.isPending}>
            {t(post.type === 'offer' ? 'peerSupport.wantThis' : 'peerSupport.canHelp')}
          </button>
        </form>
      ) : null}
      {error ? <Notice tone="error">{errorMessage(t, error)}</Notice> : null}
    </>
  );
}

function MyResponse({ post, response }: { post: SupportRequestView; response: SupportResponseView }) {
  const { t } = useTranslation();
  const step = useResponseStep();
  // On a standing offer the one who asked for it is the one helped, so they mark "this helped".
  const iAmHelped = post.type === 'offer';
  return (
    <div className="card-inset">
      <p>
        {response.state === 'accepted'
          ? t('peerSupport.youWereAccepted')
          : t(iAmHelped ? 'peerSupport.youAsked' : 'peerSupport.youOffered')}
      </p>
      <div className="support-actions">
        {response.conversationId ? (
          <Link className="button button-secondary" to={`/chat/${response.conversationId}`}>
            {t('peerSupport.openThread')}
          </Link>
        ) : null}
        {iAmHelped && response.state === 'accepted' && !response.helpedAt ? (
          <button
            type="button"
            className="button"
            disabled={step.isPending}
            onClick={() => step.mutate({ id: response.id, step: 'helped' })}
          >
            {t('peerSupport.helped')}
          </button>
        ) : null}
        {response.helpedAt ? <p>{t('peerSupport.helpedDone')}</p> : null}
        {!response.helpedAt ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={step.isPending}
            onClick={() => step.mutate({ id: response.id, step: 'withdraw' })}
          >
            {t('peerSupport.withdrawOffer')}
          </button>
        ) : null}
      </div>
      {step.error ? <Notice tone="error">{errorMessage(t, step.error)}</Notice> : null}
    </div>
  );
}

/** What the author can do: accept offers, open each thread, mark "this helped", withdraw. */
function MineActions({ post }: { post: SupportRequestView }) {
  const { t } = useTranslation();
  const step = useResponseStep();
  const withdraw = useWithdrawPost();
  const live = post.responses.filter((r) => r.state !== 'withdrawn');
  const active = post.state === 'open' || post.state === 'offered' || post.state === 'accepted';
  return (
    <>
      {live.length === 0 && active ? <p className="hint">{t('peerSupport.waitingForOffers')}</p> : null}
      {live.length > 0 ? (
        <ul className="plain-list support-responses">
          {live.map((r) => (
            <li key={r.id}>
              <p>
                <strong>{t('peerSupport.responseFrom', { name: r.responder.displayName })}</strong>{' '}
                <span className="badge badge-muted">{t(`peerSupport.responseStates.${r.state}`)}</span>
              </p>
              {r.note ? <p>{t('peerSupport.responseNote', { note: r.note })}</p> : null}
              <div className="support-actions">
                {r.state === 'offered' && active ? (
                  <button
                    type="button"
                    className="button"
                    disabled={step.isPending}
                    onClick={() => step.mutate({ id: r.id, step: 'accept' })}
                  >
                    {t('peerSupport.accept', { name: r.responder.displayName })}
                  </button>
                ) : null}
                {r.conversationId ? (
                  <Link className="button button-secondary" to={`/chat/${r.conversationId}`}>
                    {t('peerSupport.openThread')}
                  </Link>
                ) : null}
                {post.type === 'request' && r.state === 'accepted' && !r.helpedAt ? (
                  <button
                    type="button"
                    className="button"
                    disabled={step.isPending}
                    onClick={() => step.mutate({ id: r.id, step: 'helped' })}
                  >
                    {t('peerSupport.helped')}
                  </button>
                ) : null}
                {r.helpedAt ? (
                  <p>
                    {t(post.type === 'offer' ? 'peerSupport.youHelped' : 'peerSupport.helpedBy', {
                      name: r.responder.displayName,
                    })}
                  </p>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {post.state === 'withdrawn' ? <p className="hint">{t('peerSupport.withdrawn')}</p> : null}
      {post.canWithdraw ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={withdraw.isPending}
          onClick={() => withdraw.mutate(post.id)}
        >
          {t('peerSupport.withdraw')}
        </button>
      ) : null}
      {step.error || withdraw.error ? (
        <Notice tone="error">{errorMessage(t, step.error ?? withdraw.error)}</Notice>
      ) : null}
    </>
  );
}
