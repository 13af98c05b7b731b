import { useId, type InputHTMLAttributes, type Ref } from "react";

/**
 * A labelled text input with its hint and its error tied to it by aria-describedby, so a screen
 * reader reads both when the field takes focus, and aria-invalid marks it while it is wrong.
 */
export function TextField(
  props: {
    label: string;
    hint?: string;
    error?: string | undefined;
    inputRef?: Ref<HTMLInputElement>;
  } & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "aria-describedby" | "aria-invalid">,
) {
  const { label, hint, error, inputRef, ...input } = props;
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <input
        {...input}
        id={id}
        ref={inputRef}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}
