// Programs: specialized tracks (with a demographic focus) that residences belong to.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProgramView, programApi } from '../../../shared/contracts/programs.ts';
import { PROGRAM_FOCUSES, type ProgramFocus } from '../../../shared/domain/vocabulary.ts';
import { call } from '../../app/api.ts';
import { useFormErrors } from '../../components/errors.ts';
import { CheckboxGroup, TextAreaField, TextField } from '../../components/fields.tsx';
import { FormProblem, Hidden, Loading, LoadProblem } from '../../components/notice.tsx';
import { usePrograms } from './residences-api.ts';

const FIELDS = ['name', 'description', 'focus'] as const;

export function ProgramsSection() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const programs = usePrograms();
  return (
    <section className="section" aria-labelledby="programs-heading">
      <h2 id="programs-heading">{t('programs.heading')}</h2>
      <p className="hint">{t('programs.intro')}</p>
      {programs.isPending ? (
        <Loading />
      ) : programs.isError ? (
        <LoadProblem error={programs.error} onRetry={() => void programs.refetch()} />
      ) : (
        <ul className="cards">
          {programs.data.programs.map((p) =>
            editing === p.id ? (
              <li key={p.id}>
                <ProgramForm program={p} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <li key={p.id} className="card">
                <h3>{p.name}</h3>
                {p.description ? <p>{p.description}</p> : null}
                {p.focus.length > 0 ? (
                  <ul className="tags">
                    {p.focus.map((f) => (
                      <li key={f}>{t(`focus.${f}`)}</li>
                    ))}
                  </ul>
                ) : null}
                <button
                  type="button"
                  className="button button-small button-secondary"
                  onClick={() => setEditing(p.id)}
                >
                  {t('programs.edit')}
                  <Hidden> {p.name}</Hidden>
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      {editing === 'new' ? (
        <ProgramForm program={null} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setEditing('new')}>
          {t('programs.add')}
        </button>
      )}
    </section>
  );
}

function ProgramForm({ program, onDone }: { program: ProgramView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(program?.name ?? '');
  const [description, setDescription] = useState(program?.description ?? '');
  const [focus, setFocus] = useState<ProgramFocus[]>(program?.focus ?? []);
  const save = useMutation({
    mutationFn: () => {
      const body = { name, description, focus };
      return program
        ? call(programApi.update, { params: { id: program.id }, body })
        : call(programApi.create, { body });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [programApi.list.tags[0]] });
      onDone();
    },
  });
  const { fieldError } = useFormErrors(save.error, FIELDS);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const headingId = `program-form-${program?.id ?? 'new'}`;
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>
        {program ? t('programs.editHeading', { name: program.name }) : t('programs.newHeading')}
      </h3>
      <FormProblem error={save.error} fields={FIELDS} />
      <TextField
        label={t('programs.name')}
        name="programName"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldError('name')}
      />
      <TextAreaField
        label={t('programs.description')}
        name="description"
        rows={3}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={fieldError('description')}
      />
      <CheckboxGroup
        legend={t('programs.focus')}
        options={PROGRAM_FOCUSES.map((f) => ({ value: f, label: t(`focus.${f}`) }))}
        value={focus}
        onChange={setFocus}
        error={fieldError('focus')}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('programs.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
