// Counselors and their residents (admin, on the People page): assign a counselor to a resident, see the
// current assignments and end one. Ending keeps it as history on the server.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CounselorAssignmentView,
  counselorAssignmentApi,
} from '../../../shared/contracts/counselor-assignments.ts';
import type { PersonSummary } from '../../../shared/contracts/people.ts';
import { ApiError, call, keyOf, queryFor } from '../../app/api.ts';
import { useFormErrors } from '../../components/errors.ts';
import { SelectField } from '../../components/fields.tsx';
import { formatDate } from '../../components/format.ts';
import { FormProblem, Hidden, Loading, LoadProblem, Notice } from '../../components/notice.tsx';
import { usePeople } from './people-api.ts';

const assignmentsKey = keyOf(counselorAssignmentApi.list);
/** Someone else ended it a moment ago. */
const alreadyEnded = (error: unknown) =>
  error instanceof ApiError && error.reason === 'counselor_assignments.already_ended';
const FIELDS = ['counselorId', 'residentId'] as const;
type Field = (typeof FIELDS)[number];

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`.trim();

/** The organization's counselors and residents (the first page of each), asked for by role. */
export function CounselorAssignments() {
  const counselors = usePeople({ role: 'counselor' });
  const residents = usePeople({ role: 'resident' });
  if (!counselors.data || !residents.data) return null;
  return <CounselorSection counselors={counselors.data.people} residents={residents.data.people} />;
}

function CounselorSection({
  counselors,
  residents,
}: {
  counselors: readonly PersonSummary[];
  residents: readonly PersonSummary[];
}) {
  const { t } = useTranslation();
  const assignments = useQuery(queryFor(counselorAssignmentApi.list, { query: {} }));
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="section counselor-assignments" aria-labelledby="counselors-heading">
      <h2 id="counselors-heading">{t('counselors.heading')}</h2>
      <p className="hint">{t('counselors.intro')}</p>
      {done ? <Notice tone="success">{done}</Notice> : null}
      {counselors.length === 0 ? (
        <p>{t('counselors.noCounselors')}</p>
      ) : residents.length === 0 ? (
        <p>{t('counselors.noResidents')}</p>
      ) : (
        <AssignForm counselors={counselors} residents={residents} onDone={setDone} />
      )}
      <h3>{t('counselors.currentHeading')}</h3>
      {assignments.isPending ? (
        <Loading />
      ) : assignments.isError ? (
        <LoadProblem error={assignments.error} onRetry={() => void assignments.refetch()} />
      ) : assignments.data.assignments.length === 0 ? (
        <p className="hint">{t('counselors.none')}</p>
      ) : (
        <ul className="plain-list">
          {assignments.data.assignments.map((a) => (
            <AssignmentLine key={a.id} assignment={a} onEnded={setDone} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AssignForm({
  counselors,
  residents,
  onDone,
}: {
  counselors: readonly PersonSummary[];
  residents: readonly PersonSummary[];
  onDone: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<Field, string>>({ counselorId: '', residentId: '' });
  const [missing, setMissing] = useState<Field[]>([]);
  const create = useMutation({
    mutationFn: (body: Record<Field, string>) => call(counselorAssignmentApi.create, { body }),
    onSuccess: async (made) => {
      onDone(
        t('counselors.assigned', { counselor: fullName(made.counselor), resident: fullName(made.resident) }),
      );
      setValues({ counselorId: '', residentId: '' });
      await queryClient.invalidateQueries({ queryKey: assignmentsKey });
    },
  });
  const server = useFormErrors(create.error, FIELDS);
  const label = (f: Field) => (f === 'counselorId' ? t('counselors.counselor') : t('counselors.resident'));
  const fieldError = (f: Field) => {
    if (missing.includes(f)) return t('counselors.required', { field: label(f) });
    return server.fieldError(f);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onDone(null);
    const empty = FIELDS.filter((f) => values[f] === '');
    setMissing(empty);
    if (empty.length === 0) create.mutate(values);
  };
  const select = (f: Field, options: readonly PersonSummary[]) => (
    <SelectField
      label={label(f)}
      name={f}
      value={values[f]}
      error={fieldError(f)}
      onChange={(e) => {
        create.reset();
        setMissing((m) => m.filter((x) => x !== f));
        setValues((v) => ({ ...v, [f]: e.target.value }));
      }}
    >
      <option value="">{t('counselors.choose')}</option>
      {options.map((p) => (
        <option key={p.id} value={p.id}>
          {fullName(p)}
        </option>
      ))}
    </SelectField>
  );
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="counselors-heading">
      {missing.length > 0 ? (
        <Notice tone="error">
          <p>{t('errors.checkFields')}</p>
        </Notice>
      ) : (
        <FormProblem error={create.error} fields={FIELDS} />
      )}
      {select('residentId', residents)}
      {select('counselorId', counselors)}
      <button type="submit" className="button" disabled={create.isPending}>
        {t('counselors.assign')}
      </button>
    </form>
  );
}

function AssignmentLine({
  assignment,
  onEnded,
}: {
  assignment: CounselorAssignmentView;
  onEnded: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const names = { resident: fullName(assignment.resident), counselor: fullName(assignment.counselor) };
  const end = useMutation({
    mutationFn: () => call(counselorAssignmentApi.end, { params: { id: assignment.id } }),
    onSuccess: async () => {
      onEnded(t('counselors.ended', names));
      await queryClient.invalidateQueries({ queryKey: assignmentsKey });
    },
    // Someone else ended it a moment ago: say so in our words, and refresh the list.
    onError: async (error) => {
      if (alreadyEnded(error)) {
        onEnded(t('counselors.alreadyEnded', names));
        await queryClient.invalidateQueries({ queryKey: assignmentsKey });
      }
    },
  });
  return (
    <li className="assignment-line">
      <span>
        <span>{t('counselors.line', names)}</span>{' '}
        <span className="hint">
          {t('counselors.since', { date: formatDate(assignment.createdAt.slice(0, 10), i18n.language) })}
        </span>
      </span>
      <button
        type="button"
        className="button button-small button-secondary"
        disabled={end.isPending}
        onClick={() => end.mutate()}
      >
        {t('counselors.end')}
        <Hidden> {t('counselors.endFor', names)}</Hidden>
      </button>
      {alreadyEnded(end.error) ? null : <FormProblem error={end.error} fields={[]} />}
    </li>
  );
}
