import { useEffect, useRef, useState, type FormEvent } from "react";
import { codeFromText, formatCode } from "../appointments/code.js";
import { useI18n } from "../i18n/i18n.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";
import { TextField } from "../ui/TextField.js";

/**
 * Asks for a booking code. It takes the code as people write it (lower case, with or without the
 * dash or spaces) and also the whole address from the confirmation's QR code, pasted.
 */
export function CodeForm(props: { initial: string; notFound: boolean; onLookUp(code: string): void }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(() => {
    const code = codeFromText(props.initial);
    return code ? formatCode(code) : props.initial;
  });
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // After a failed lookup the field, not the heading, takes the focus: its error is read with it.
  useEffect(() => {
    if (props.notFound) input.current?.focus();
  }, [props.notFound]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = codeFromText(typed);
    setInvalid(!code);
    if (code) props.onLookUp(code);
    else input.current?.focus();
  };

  const error = invalid ? t.manage.codeInvalid : props.notFound ? t.manage.notFound : undefined;
  return (
    <section className="code-lookup">
      <div className="screen-intro">
        <ScreenHeading>{t.manage.lookupHeading}</ScreenHeading>
        <p className="lead">{t.manage.lookupHint}</p>
      </div>
      <form className="details-form" noValidate onSubmit={submit}>
        <TextField
          label={t.booking.codeLabel}
          hint={t.manage.codeInputHint}
          error={error}
          inputRef={input}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            setInvalid(false);
          }}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="code-input"
        />
        <button type="submit" className="button primary">
          {t.manage.find}
        </button>
      </form>
    </section>
  );
}
