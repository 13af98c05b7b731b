import type { ClosedDate } from "@dost/shared";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { useI18n } from "../../i18n/i18n.js";
import { emptyText, Field, FailureNote, TrilingualFields, useAction } from "../ui.js";
import { mergeDates, parseHolidaysFile } from "./holidays-file.js";

/** FileReader rather than `Blob.text()`, which older kiosk-grade browsers (and jsdom) lack. */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("unreadable"));
    reader.readAsText(file);
  });
}

/** A list of closed days, edited here and saved as a whole (the server replaces the list at once). */
export function DatesEditor({
  title,
  initial,
  save,
  importable,
}: {
  title: string;
  initial: ClosedDate[];
  save(dates: ClosedDate[]): Promise<ClosedDate[]>;
  importable?: boolean;
}) {
  const { t, local } = useI18n();
  const [dates, setDates] = useState(initial);
  const [draft, setDraft] = useState<ClosedDate>({ date: "", reason: emptyText() });
  const [notice, setNotice] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const action = useAction();
  const slug = title.replace(/\W+/g, "-").toLowerCase();

  function add(event: FormEvent) {
    event.preventDefault();
    setDates((d) => mergeDates(d, [draft]));
    setDraft({ date: "", reason: emptyText() });
    setNotice(t.admin.dates.unsaved);
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    const result = parseHolidaysFile(file.name, await readText(file));
    if (!result.ok) {
      setImportError(
        result.line === null
          ? t.admin.dates.importUnreadable
          : t.admin.dates.importBadLine({ line: result.line }),
      );
      return;
    }
    setImportError(null);
    setDates((d) => mergeDates(d, result.dates));
    setNotice(t.admin.dates.imported({ count: result.dates.length }));
  }

  async function submit() {
    await action.run(async () => {
      setDates(await save(dates));
      setNotice(t.admin.dates.saved);
    });
  }

  return (
    <section aria-labelledby={`${slug}-title`} className="dates-editor">
      <h2 id={`${slug}-title`}>{title}</h2>
      {dates.length === 0 ? (
        <p className="muted">{t.admin.dates.none}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t.admin.dates.date}</th>
              <th scope="col">{t.admin.dates.reason}</th>
              <th scope="col">
                <span className="visually-hidden">{t.admin.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {dates.map((d) => (
              <tr key={d.date}>
                <th scope="row">{d.date}</th>
                <td>{local(d.reason)}</td>
                <td>
                  <button
                    type="button"
                    className="button small subtle"
                    onClick={() => {
                      setDates((all) => all.filter((x) => x.date !== d.date));
                      setNotice(t.admin.dates.unsaved);
                    }}
                  >
                    {t.admin.dates.remove({ date: d.date })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="admin-form" onSubmit={add} aria-label={t.admin.dates.add}>
        <Field label={t.admin.dates.date}>
          {(id) => (
            <input
              id={id}
              type="date"
              required
              value={draft.date}
              onChange={(e) => setDraft({ ...draft, date: e.target.value })}
            />
          )}
        </Field>
        <TrilingualFields
          legend={t.admin.dates.reason}
          value={draft.reason}
          onChange={(reason) => setDraft({ ...draft, reason })}
        />
        <button type="submit" className="button">
          {t.admin.dates.add}
        </button>
      </form>
      {importable && (
        <Field label={t.admin.dates.import} hint={t.admin.dates.importHint}>
          {(id) => (
            <input
              id={id}
              type="file"
              accept=".json,.csv,application/json,text/csv"
              onChange={(e) => void importFile(e)}
            />
          )}
        </Field>
      )}
      {importError && (
        <p className="banner" role="alert">
          {importError}
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <FailureNote failure={action.failure} />
      <p className="form-actions">
        <button type="button" className="button primary" disabled={action.busy} onClick={() => void submit()}>
          {t.admin.dates.save({ title })}
        </button>
      </p>
    </section>
  );
}
