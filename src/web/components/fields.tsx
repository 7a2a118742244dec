// Form fields with a visible label, an optional hint and the field's error, wired up for screen readers.
import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

type Common = { label: string; hint?: ReactNode; error?: string | undefined };

function useDescribedBy(id: string, hint: ReactNode, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldText({ id, hint, error }: { id: string; hint: ReactNode; error: string | undefined }) {
  return (
    <>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextField({
  label,
  hint,
  error,
  id,
  className,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={fieldId}>{label}</label>
      <FieldText id={fieldId} hint={hint} error={error} />
      <input
        id={fieldId}
        aria-describedby={useDescribedBy(fieldId, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  id,
  ...input
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={fieldId}>{label}</label>
      <FieldText id={fieldId} hint={hint} error={error} />
      <textarea
        id={fieldId}
        aria-describedby={useDescribedBy(fieldId, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  error,
  id,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={fieldId}>{label}</label>
      <FieldText id={fieldId} hint={hint} error={error} />
      <select
        id={fieldId}
        aria-describedby={useDescribedBy(fieldId, hint, error)}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

export function CheckboxField({
  label,
  hint,
  error,
  id,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <div className={`field field-check${error ? ' field-invalid' : ''}`}>
      <input
        id={fieldId}
        type="checkbox"
        aria-describedby={useDescribedBy(fieldId, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
      <label htmlFor={fieldId}>{label}</label>
      <FieldText id={fieldId} hint={hint} error={error} />
    </div>
  );
}

/** A group of checkboxes choosing several values from a list. */
export function CheckboxGroup<T extends string>({
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  legend: string;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  onChange: (next: T[]) => void;
}) {
  const id = useId();
  return (
    <fieldset
      className={`field checkbox-group${error ? ' field-invalid' : ''}`}
      aria-describedby={useDescribedBy(id, hint, error)}
    >
      <legend>{legend}</legend>
      <FieldText id={id} hint={hint} error={error} />
      <div className="checkbox-options">
        {options.map((option) => (
          <div className="check" key={option.value}>
            <input
              id={`${id}-${option.value}`}
              type="checkbox"
              checked={value.includes(option.value)}
              onChange={(event) =>
                onChange(
                  event.target.checked ? [...value, option.value] : value.filter((v) => v !== option.value),
                )
              }
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
