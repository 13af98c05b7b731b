import { AUDIT_KINDS, type AuditEvent, type User } from "@dost/shared";
import { useState } from "react";
import type { AuditFilters } from "../../api/admin-api.js";
import { useI18n } from "../../i18n/i18n.js";
import { useSession } from "../../session/session.js";
import { FailureNote, Loading, useAction, useLoad } from "../ui.js";
import { auditCsv, dayBound } from "./audit-csv.js";

/** The most a CSV download gathers, page by page; a longer period is narrowed with the filters. */
const CSV_LIMIT = 10_000;

/** The append-only trail: who did what, when, from where, with the before and after of each change. */
export function AuditScreen({ user, centreId }: { user: User; centreId: string | null }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [form, setForm] = useState({
    from: "",
    to: "",
    actor: "",
    kind: "",
    allCentres: user.role === "admin",
  });
  const [filters, setFilters] = useState<AuditFilters>(() => filtersOf(form, centreId));
  const [more, setMore] = useState<AuditEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const page = useLoad(async () => {
    const answer = await api.admin.audit(filters);
    setMore([]);
    setCursor(answer.nextCursor);
    return answer.events;
  }, JSON.stringify(filters));
  const action = useAction();

  function filtersOf(f: typeof form, centre: string | null): AuditFilters {
    return {
      ...(centre && !f.allCentres ? { centreId: centre } : {}),
      ...(dayBound(f.from, "from") ? { from: dayBound(f.from, "from") } : {}),
      ...(dayBound(f.to, "to") ? { to: dayBound(f.to, "to") } : {}),
      ...(f.actor.trim() ? { actor: f.actor.trim() } : {}),
      ...(f.kind ? { kind: f.kind } : {}),
    };
  }

  async function loadMore() {
    if (!cursor) return;
    await action.run(async () => {
      const answer = await api.admin.audit({ ...filters, cursor });
      setMore((m) => [...m, ...answer.events]);
      setCursor(answer.nextCursor);
    });
  }

  async function download() {
    await action.run(async () => {
      const events: AuditEvent[] = [];
      let next: string | null | undefined;
      do {
        const answer = await api.admin.audit({ ...filters, ...(next ? { cursor: next } : {}) }, 200);
        events.push(...answer.events);
        next = answer.nextCursor;
      } while (next && events.length < CSV_LIMIT);
      const header = ["at", "actor", "kind", "centre", "target", "address", "before", "after", "note"].map(
        (h) => t.admin.audit.column[h as "at"],
      );
      const blob = new Blob([auditCsv(events, header)], { type: "text/csv;charset=utf-8" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "audit.csv";
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    });
  }

  const events = [...(page.data ?? []), ...more];
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t.admin.view.audit}</h2>
      <form
        className="admin-filters"
        aria-label={t.admin.audit.filters}
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(filtersOf(form, centreId));
        }}
      >
        <label>
          {t.admin.audit.from}{" "}
          <input type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        </label>
        <label>
          {t.admin.audit.to}{" "}
          <input type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        </label>
        <label>
          {t.admin.audit.actor}{" "}
          <input value={form.actor} onChange={(e) => setForm({ ...form, actor: e.target.value })} />
        </label>
        <label>
          {t.admin.audit.kind}{" "}
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
            <option value="">{t.admin.audit.allKinds}</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        {user.role === "admin" && centreId && (
          <label className="check">
            <input
              type="checkbox"
              checked={form.allCentres}
              onChange={(e) => setForm({ ...form, allCentres: e.target.checked })}
            />{" "}
            {t.admin.allCentres}
          </label>
        )}
        <button type="submit" className="button">
          {t.admin.audit.apply}
        </button>
        <button type="button" className="button" disabled={action.busy} onClick={() => void download()}>
          {t.admin.audit.csv}
        </button>
      </form>
      <FailureNote failure={action.failure} />
      {!page.data ? (
        <Loading failure={page.failure} />
      ) : events.length === 0 ? (
        <p className="muted">{t.admin.audit.none}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t.admin.audit.column.at}</th>
              <th scope="col">{t.admin.audit.column.actor}</th>
              <th scope="col">{t.admin.audit.column.kind}</th>
              <th scope="col">{t.admin.audit.column.target}</th>
              <th scope="col">{t.admin.audit.column.address}</th>
              <th scope="col">{t.admin.audit.column.change}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <th scope="row">{e.at.replace("T", " ").slice(0, 19)}</th>
                <td>{e.actor.name}</td>
                <td>{e.kind}</td>
                <td>{e.target ? e.target.type : ""}</td>
                <td>{e.address ?? ""}</td>
                <td>
                  {(e.before !== null || e.after !== null || e.note) && (
                    <details>
                      <summary>{t.admin.audit.show}</summary>
                      {e.note && <p>{e.note}</p>}
                      {e.before !== null && (
                        <pre>{`${t.admin.audit.column.before}: ${JSON.stringify(e.before, null, 1)}`}</pre>
                      )}
                      {e.after !== null && (
                        <pre>{`${t.admin.audit.column.after}: ${JSON.stringify(e.after, null, 1)}`}</pre>
                      )}
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <p>
          <button type="button" className="button" disabled={action.busy} onClick={() => void loadMore()}>
            {t.admin.audit.more}
          </button>
        </p>
      )}
    </section>
  );
}
