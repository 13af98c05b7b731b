import type { Ticket } from "@dost/shared";
import { useState, type FormEvent, type KeyboardEvent, type RefObject } from "react";
import { useI18n } from "../i18n/i18n.js";
import { Kbd } from "../ui/Kbd.js";
import { SHORTCUTS } from "./shortcuts.js";

const MAX_NOTE = 500;

/**
 * A short note on the visit at the counter, or on the last one if it has just ended (a note is
 * often written right after). The server keeps it in the ticket's event log.
 */
export function NotePanel({
  ticket,
  onSave,
  inputRef,
}: {
  ticket: Ticket | null;
  onSave(ticket: Ticket, note: string): Promise<boolean>;
  inputRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(event?: FormEvent) {
    event?.preventDefault();
    const note = text.trim();
    if (!ticket || !note || saving) return;
    setSaving(true);
    const ok = await onSave(ticket, note);
    setSaving(false);
    if (ok) {
      setText("");
      setSaved(ticket.code);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void save();
    if (event.key === "Escape") event.currentTarget.blur();
  }

  return (
    <section className="panel" aria-labelledby="note-heading">
      <h2 id="note-heading">{ticket ? t.note.headingFor({ code: ticket.code }) : t.note.heading}</h2>
      <form onSubmit={(e) => void save(e)} className="note-form">
        <label htmlFor="visit-note" className="field-label">
          {t.note.label} <Kbd shortcut={SHORTCUTS.note} />
        </label>
        <textarea
          id="visit-note"
          ref={inputRef}
          rows={2}
          maxLength={MAX_NOTE}
          value={text}
          disabled={!ticket}
          aria-keyshortcuts={SHORTCUTS.note.aria}
          onChange={(e) => {
            setText(e.target.value);
            setSaved(null);
          }}
          onKeyDown={onKeyDown}
        />
        <div className="row">
          <button type="submit" className="button" disabled={!ticket || !text.trim() || saving}>
            {t.note.save}
          </button>
          <span className="muted small">{t.note.hint({ max: MAX_NOTE })}</span>
          <span role="status" className="ok small">
            {saved ? t.note.saved({ code: saved }) : ""}
          </span>
        </div>
      </form>
    </section>
  );
}
