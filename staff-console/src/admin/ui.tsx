import { LANGUAGES, type Language, type LocalizedText } from "@dost/shared";
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { ApiError, type FailureCode } from "@dost/shared/client";
import { useI18n } from "../i18n/i18n.js";

/** What went wrong, in the reader's language, with the server's field-level detail when it gave one. */
export interface Failure {
  code: FailureCode;
  detail: string;
}

export function failureOf(error: unknown): Failure {
  if (error instanceof ApiError) return { code: error.code, detail: error.message };
  return { code: "NETWORK", detail: "" };
}

/** Loads once per change of `key`; `reload` asks again. A late answer for an older key is dropped. */
export function useLoad<T>(load: () => Promise<T>, key: string) {
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => {
        if (!live) return;
        setData(value);
        setFailure(null);
      },
      (error: unknown) => live && setFailure(failureOf(error)),
    );
    return () => {
      live = false;
    };
    // `key` names what is loaded: a new closure for the same key is the same request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, failure, reload, setData };
}

/** One write at a time: a second press while one is under way is ignored. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const running = useRef(false);
  const run = useCallback(async (work: () => Promise<void>): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setFailure(null);
    try {
      await work();
      return true;
    } catch (error) {
      setFailure(failureOf(error));
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, failure, run, clear: () => setFailure(null) };
}

export function FailureNote({ failure }: { failure: Failure | null }) {
  const { t } = useI18n();
  if (!failure) return null;
  return (
    <div className="banner" role="alert">
      <p>{failure.code === "CONFLICT" ? t.admin.failure.conflict : t.failure[failure.code]}</p>
      {failure.detail && failure.code !== "NETWORK" && <p className="small">{failure.detail}</p>}
    </div>
  );
}

export function Loading({ failure }: { failure: Failure | null }) {
  const { t } = useI18n();
  return failure ? <FailureNote failure={failure} /> : <p aria-busy="true">{t.app.loading}</p>;
}

export const emptyText = (): LocalizedText => ({ az: "", ru: "", en: "" });

/** A name in the three languages, each its own labelled field. */
export function TrilingualFields({
  legend,
  value,
  onChange,
  disabled,
  required = true,
}: {
  legend: string;
  value: LocalizedText;
  onChange(next: LocalizedText): void;
  disabled?: boolean;
  required?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset className="admin-fieldset">
      <legend>{legend}</legend>
      {LANGUAGES.map((language: Language) => (
        <div className="field" key={language}>
          <label htmlFor={`${id}-${language}`}>{t.admin.language[language]}</label>
          <input
            id={`${id}-${language}`}
            lang={language}
            value={value[language]}
            required={required}
            disabled={disabled}
            onChange={(e) => onChange({ ...value, [language]: e.target.value })}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** A labelled field; the input is the child, given the id. */
export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children(id: string): ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && <p className="muted small">{hint}</p>}
    </div>
  );
}

/** A whole-number field; an empty box reads as 0 (the server then says which range it takes). */
export function NumberField({
  label,
  hint,
  min,
  max,
  disabled,
  value,
  onChange,
}: {
  label: string;
  hint?: string;
  min: number;
  max: number;
  disabled?: boolean;
  value: number;
  onChange(value: number): void;
}) {
  return (
    <Field label={label} {...(hint === undefined ? {} : { hint })}>
      {(id) => (
        <input
          id={id}
          type="number"
          min={min}
          max={max}
          disabled={disabled}
          value={value}
          onChange={(e) => onChange(e.target.value === "" ? 0 : Number(e.target.value))}
        />
      )}
    </Field>
  );
}

/** A password or key the server shows once: said plainly, and announced to screen readers. */
export function OneTimeSecret({
  title,
  secret,
  children,
}: {
  title: string;
  secret: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="one-time-secret" role="status" aria-label={title}>
      <h3>{title}</h3>
      <p>
        <code data-testid="one-time-secret">{secret}</code>
      </p>
      <p className="small">{t.admin.shownOnce}</p>
      {children}
    </section>
  );
}
