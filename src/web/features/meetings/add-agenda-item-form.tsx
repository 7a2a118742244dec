// "Add to the agenda": any resident raises a problem before or during the meeting, with or without
// their name. Peers never learn who raised an item without a name; the chair and peer leader do.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../components/errors.ts';
import { CheckboxField, TextAreaField, TextField } from '../../components/fields.tsx';
import { FormProblem, Notice } from '../../components/notice.tsx';
import { useAddAgendaItem } from './meetings-api.ts';

const FIELDS = ['title', 'details', 'anonymous'] as const;

export function AddAgendaItemForm({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [details, setDetails] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const add = useAddAgendaItem(meetingId);
  const { fieldError } = useFormErrors(add.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    add.mutate(
      { title, details, anonymous },
      {
        onSuccess: (item) => {
          setAdded(item.anonymous ? t('meetings.addedAnonymous') : t('meetings.added'));
          setTitle('');
          setDetails('');
          setAnonymous(false);
        },
      },
    );
  };
  return (
    <form className="form add-agenda-form" onSubmit={submit} noValidate>
      <FormProblem error={add.error} fields={FIELDS} />
      {added ? <Notice tone="success">{added}</Notice> : null}
      <TextField
        label={t('meetings.itemTitle')}
        hint={t('meetings.itemTitleHint')}
        value={title}
        maxLength={140}
        required
        onChange={(event) => setTitle(event.target.value)}
        error={fieldError('title')}
      />
      <TextAreaField
        label={t('meetings.itemDetails')}
        value={details}
        maxLength={1000}
        rows={3}
        onChange={(event) => setDetails(event.target.value)}
        error={fieldError('details')}
      />
      <CheckboxField
        label={t('meetings.anonymous')}
        hint={t('meetings.anonymousHint')}
        checked={anonymous}
        onChange={(event) => setAnonymous(event.target.checked)}
      />
      <button type="submit" className="button" disabled={add.isPending}>
        {t('meetings.addItem')}
      </button>
    </form>
  );
}
