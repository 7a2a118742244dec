// Feedback where the person is looking. After a try that did not go through, the first field in error is
// scrolled to the middle of the screen and focused (else the result near the button is shown); the result
// of every try is said in a live region next to the button, so it is seen and heard where the tap was.
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';

const CONTROLS = 'input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled)';

/** The form's ref, and `showProblems()` to call when a try is refused (on the page or by the server). */
export function useFormFeedback<T extends HTMLElement = HTMLFormElement>() {
  const formRef = useRef<T>(null);
  const [tries, setTries] = useState(0);
  useEffect(() => {
    if (tries === 0) return;
    // After the problems are drawn: the next frame, when the fields marked invalid are on the page.
    const frame = requestAnimationFrame(() => {
      const form = formRef.current;
      if (!form) return;
      const invalid = form.querySelector<HTMLElement>('.field-invalid');
      const target = invalid ?? form.querySelector<HTMLElement>('.form-result');
      if (!target) return;
      target.scrollIntoView({ block: 'center' });
      if (!invalid) return;
      // A group of choices: the chosen one, else the first, as the keyboard would land.
      const control =
        invalid.querySelector<HTMLElement>('input[type="radio"]:checked') ??
        invalid.querySelector<HTMLElement>(CONTROLS);
      control?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [tries]);
  const showProblems = useCallback(() => setTries((n) => n + 1), []);
  return { formRef, showProblems };
}

type Tone = 'success' | 'info' | 'error';

/**
 * The result of a form, next to its button. The polite region is always on the page (so what appears in
 * it is announced); a problem is an alert, announced as it appears.
 */
export function FormResult({ tone = 'success', children }: { tone?: Tone; children?: ReactNode }) {
  const shown = children !== null && children !== undefined && children !== false;
  return (
    <div className="form-result">
      <div role="status" aria-live="polite" aria-atomic="true">
        {shown && tone !== 'error' ? <div className={`notice notice-${tone}`}>{children}</div> : null}
      </div>
      {shown && tone === 'error' ? (
        <div className="notice notice-error" role="alert">
          {children}
        </div>
      ) : null}
    </div>
  );
}
