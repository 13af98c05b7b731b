import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n/i18n.js";
import { BREAK_REASON_LABELS, BREAK_REASONS, type BreakReason } from "./break-reasons.js";
import { Dialog } from "../ui/Dialog.js";

export function BreakDialog({ onPause, onClose }: { onPause(reason: string): void; onClose(): void }) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<BreakReason | "other">("short_break");
  const [other, setOther] = useState("");
  const reason = choice === "other" ? other.trim() : choice;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason) onPause(reason);
  }

  return (
    <Dialog title={t.break.title} onClose={onClose}>
      <form onSubmit={submit} className="stack">
        <fieldset className="choices">
          <legend className="field-label">{t.break.reason}</legend>
          {[...BREAK_REASONS, "other" as const].map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="break-reason"
                value={value}
                checked={choice === value}
                onChange={() => setChoice(value)}
                {...(value === choice ? { "data-autofocus": true } : {})}
              />
              {value === "other" ? t.break.other : BREAK_REASON_LABELS[value](t)}
            </label>
          ))}
        </fieldset>
        {choice === "other" && (
          <>
            <label className="field-label" htmlFor="break-other">
              {t.break.otherLabel}
            </label>
            <input
              id="break-other"
              maxLength={200}
              value={other}
              onChange={(e) => setOther(e.target.value)}
            />
          </>
        )}
        <div className="row end">
          <button type="button" className="button subtle" onClick={onClose}>
            {t.dialog.cancel}
          </button>
          <button type="submit" className="button primary" disabled={!reason}>
            {t.break.submit}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
