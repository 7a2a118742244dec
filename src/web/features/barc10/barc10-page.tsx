// BARC-10: the ten statements on the 6-point scale, my total, my totals over time with the 47
// reference, and each assessment's FHIR export. Only I see my answers.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Barc10View, barc10Api } from '../../../shared/contracts/barc10.ts';
import { urlOf } from '../../../shared/contracts/endpoint.ts';
import { BARC10_SCALE, BARC10_STATEMENTS } from '../../../shared/domain/barc10.ts';
import { call, queryFor } from '../../app/api.ts';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { formatDate } from '../../components/format.ts';
import { FormProblem, Loading, LoadProblem, Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { Barc10Chart, ChartsLoading } from '../journey/charts/lazy-charts.tsx';

type ItemNumber = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10';
type ScaleNumber = '1' | '2' | '3' | '4' | '5' | '6';

/** English exactly as the shared domain text; Spanish from the translations. */
export function useStatement() {
  const { t, i18n } = useTranslation();
  return (index: number) =>
    i18n.language === 'es'
      ? t(`barc10.statements.${String(index + 1) as ItemNumber}`)
      : (BARC10_STATEMENTS[index] ?? '');
}

export function Barc10Page() {
  const { t } = useTranslation();
  const list = useQuery(queryFor(barc10Api.mine));
  const [latest, setLatest] = useState<Barc10View | null>(null);
  const [answering, setAnswering] = useState(false);
  const showForm = answering || (list.data ? list.data.assessments.length === 0 || list.data.due : false);
  return (
    <Page title={t('barc10.title')} intro={t('barc10.intro')}>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadProblem error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {latest ? (
            <Notice tone="success">
              <p className="barc-total">{t('barc10.result', { total: latest.total })}</p>
              <p>{t('barc10.reference')}</p>
            </Notice>
          ) : null}
          {showForm && !latest ? (
            <>
              {list.data.due && list.data.assessments.length > 0 ? <Notice>{t('barc10.due')}</Notice> : null}
              <Barc10Form
                onDone={(a) => {
                  setLatest(a);
                  setAnswering(false);
                }}
              />
            </>
          ) : (
            <section className="card">
              {latest ? null : <p>{t('barc10.notDue')}</p>}
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setLatest(null);
                  setAnswering(true);
                }}
              >
                {t('barc10.answerAgain')}
              </button>
            </section>
          )}
          <Barc10History assessments={list.data.assessments} />
        </>
      )}
    </Page>
  );
}

function Barc10Form({ onDone }: { onDone: (a: Barc10View) => void }) {
  const { t } = useTranslation();
  const statement = useStatement();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<(number | null)[]>(() => BARC10_STATEMENTS.map(() => null));
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: (body: { answers: number[] }) => call(barc10Api.record, { body }),
    onSuccess: (a) => {
      void queryClient.invalidateQueries({ queryKey: [barc10Api.mine.tags[0]] });
      onDone(a);
    },
  });
  const open = answers.filter((a) => a === null).length;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (open > 0) return;
    save.mutate({ answers: answers as number[] });
  };
  return (
    <form className="form card barc-form" onSubmit={onSubmit} noValidate aria-label={t('barc10.title')}>
      <FormProblem error={save.error} fields={[]} />
      {tried && open > 0 ? <Notice tone="error">{t('barc10.answerAll', { count: open })}</Notice> : null}
      {BARC10_STATEMENTS.map((_, index) => (
        <ChoiceGroup
          // biome-ignore lint/suspicious/noArrayIndexKey: the ten statements are fixed and ordered
          key={index}
          name={`barc-${index + 1}`}
          legend={`${index + 1}. ${statement(index)}`}
          className="choices-scale"
          options={BARC10_SCALE.map((s) => ({
            value: s.value as number,
            label: t(`barc10.scale.${String(s.value) as ScaleNumber}`),
          }))}
          value={answers[index] ?? null}
          onChange={(v) => setAnswers(answers.map((a, i) => (i === index ? v : a)))}
          error={tried && answers[index] === null ? t('server.isRequired') : undefined}
        />
      ))}
      <button type="submit" className="button button-large" disabled={save.isPending}>
        {t('barc10.submit')}
      </button>
    </form>
  );
}

function Barc10History({ assessments }: { assessments: Barc10View[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="barc-history">
      <h2 id="barc-history">{t('barc10.historyHeading')}</h2>
      {assessments.length === 0 ? (
        <p className="hint">{t('barc10.noHistory')}</p>
      ) : (
        <>
          <ChartsLoading>
            <Barc10Chart assessments={assessments} />
          </ChartsLoading>
          <p className="hint">{t('barc10.reference')}</p>
          <ul className="plain-list barc-list">
            {[...assessments].reverse().map((a) => {
              const date = formatDate(a.localDate, i18n.language);
              return (
                <li key={a.id}>
                  <strong>{date}</strong>: {t('barc10.result', { total: a.total })}{' '}
                  <a
                    href={urlOf(barc10Api.fhir, { params: { id: a.id } })}
                    download={`barc10-${a.localDate}.json`}
                  >
                    {t('barc10.downloadFor', { date })}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
