import { Fragment, useState } from "react";
import { CODE_LENGTH, isCompleteCode, keepCodeCharacters } from "../appointments/code.js";
import { useI18n } from "../i18n/i18n.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";
import { CodeKeypad } from "./CodeKeypad.js";
import { usePhysicalKeys } from "./usePhysicalKeys.js";

/**
 * The kiosk's code entry: the code grows in two groups of five as keys are pressed on screen or
 * typed on a keyboard; Check in is offered once all ten are there, or eight (a code issued before
 * codes grew to ten characters still checks in). While the check-in is in
 * flight every key is disabled, so a second tap does nothing.
 */
export function CheckInScreen(props: {
  initialCode: string;
  busy: boolean;
  onSubmit(code: string): void;
  onBack(): void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState(props.initialCode);
  const complete = isCompleteCode(code);

  const type = (characters: string) => setCode((c) => keepCodeCharacters(c + characters));
  const backspace = () => setCode((c) => c.slice(0, -1));
  const submit = (entered: string) => {
    if (!props.busy && isCompleteCode(entered)) props.onSubmit(entered);
  };

  usePhysicalKeys(!props.busy, {
    onType: type,
    onBackspace: backspace,
    onEnter: (scanned) => {
      if (scanned) setCode(scanned);
      submit(scanned ?? code);
    },
  });

  const spelled = [...code].join(" ");
  return (
    <section className="check-in" aria-busy={props.busy}>
      <div className="screen-intro">
        <ScreenHeading>{t.checkIn.heading}</ScreenHeading>
        <p className="lead">{t.checkIn.hint}</p>
      </div>
      <div className="code-entry">
        <p className="code-display" aria-hidden="true">
          {Array.from({ length: CODE_LENGTH }, (_, i) => (
            <Fragment key={i}>
              {i === CODE_LENGTH / 2 && <span className="code-dash">-</span>}
              <span className={`code-box${i === code.length ? " code-next" : ""}`}>{code[i] ?? ""}</span>
            </Fragment>
          ))}
        </p>
        <p className="visually-hidden" aria-live="polite" aria-atomic="true">
          {code ? t.checkIn.entered(spelled, code.length) : ""}
        </p>
      </div>
      <CodeKeypad disabled={props.busy} onKey={type} onBackspace={backspace} />
      <div className="check-in-actions">
        <button
          type="button"
          className="button primary check-in-submit"
          disabled={!complete || props.busy}
          onClick={() => submit(code)}
        >
          {props.busy ? t.checkIn.submitting : t.checkIn.submit}
        </button>
        <button type="button" className="button secondary" disabled={props.busy} onClick={() => setCode("")}>
          {t.checkIn.clear}
        </button>
        <button type="button" className="button tertiary" disabled={props.busy} onClick={props.onBack}>
          {t.back}
        </button>
      </div>
      {props.busy && (
        <p className="notice" role="status">
          {t.checkIn.submitting}
        </p>
      )}
    </section>
  );
}
