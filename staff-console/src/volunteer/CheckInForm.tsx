import type { Ticket } from "@dost/shared";
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n/i18n.js";
import { useSession } from "../session/session.js";
import { useSubmit } from "./useSubmit.js";

/** An appointment's code, read from the visitor's text or confirmation, checked in for them. */
export function CheckInForm({
  centreId,
  onCheckedIn,
}: {
  centreId: string;
  onCheckedIn(ticket: Ticket): void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [code, setCode] = useState("");
  const { busy, failure, submit: send } = useSubmit(onCheckedIn);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const typed = code.trim().toUpperCase();
    if (!typed) return;
    await send(() => api.volunteer.checkIn(centreId, typed));
  }

  return (
    <section className="panel volunteer-panel" aria-labelledby="check-in-heading">
      <h2 id="check-in-heading">{t.volunteer.checkInHeading}</h2>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <label className="stack volunteer-field">
          <span className="field-label">{t.volunteer.code}</span>
          <input
            className="volunteer-input code-input"
            value={code}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={16}
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
        {failure && (
          <p className="alert" role="alert">
            {t.volunteer[failure]}
          </p>
        )}
        <button
          type="submit"
          className="button primary large volunteer-action"
          disabled={busy || !code.trim()}
        >
          {t.volunteer.checkIn}
        </button>
      </form>
    </section>
  );
}
