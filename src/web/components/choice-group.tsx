// A radio group drawn as big tappable tiles: a fieldset with its legend, one visible label per choice.
// Each choice is named by its label alone; its hint is its description, so a screen reader says both apart.
import { useId } from 'react';

export function ChoiceGroup<T extends string | number>({
  name,
  legend,
  legendHidden = false,
  options,
  value,
  onChange,
  error,
  className,
}: {
  name: string;
  legend: string;
  legendHidden?: boolean;
  options: readonly { value: T; label: string; hint?: string }[];
  value: T | null;
  onChange: (value: T) => void;
  error?: string | undefined;
  className?: string;
}) {
  const id = useId();
  return (
    <fieldset
      className={`field choices${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className={legendHidden ? 'visually-hidden' : undefined}>{legend}</legend>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className="choice-options">
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div className="choice" key={String(option.value)}>
              <input
                type="radio"
                id={optionId}
                name={`${name}-${id}`}
                value={String(option.value)}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-labelledby={`${optionId}-label`}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              />
              <label htmlFor={optionId}>
                <span className="choice-label" id={`${optionId}-label`}>
                  {option.label}
                </span>
                {option.hint ? (
                  <span className="choice-hint" id={`${optionId}-hint`}>
                    {option.hint}
                  </span>
                ) : null}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
