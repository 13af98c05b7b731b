import type { AdminService, User } from "@dost/shared";
import { useDeferredValue, useMemo, useState } from "react";
import { useI18n } from "../../i18n/i18n.js";
import { useSession } from "../../session/session.js";
import { Loading, useLoad } from "../ui.js";
import { ServiceForm } from "./ServiceForm.js";

/** Case- and accent-insensitive, so "sehadetname" finds "şəhadətnamə" as a person would expect. */
const fold = (text: string) =>
  text
    .toLocaleLowerCase("az")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ə/g, "e")
    .replace(/ı/g, "i");

export function matchesSearch(service: AdminService, query: string): boolean {
  const q = fold(query.trim());
  if (!q) return true;
  return [service.code, service.prefix, service.name.az, service.name.ru, service.name.en].some((text) =>
    fold(text).includes(q),
  );
}

/** The catalogue: found by words and category among hundreds; the ministry (admin) adds and edits. */
export function ServicesScreen({ user }: { user: User }) {
  const { t, local } = useI18n();
  const { api } = useSession();
  const services = useLoad(() => api.admin.services(), "services");
  const [query, setQuery] = useState("");
  const [category, setCategory] = useState("");
  const [editing, setEditing] = useState<AdminService | "new" | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const deferredQuery = useDeferredValue(query);
  const isAdmin = user.role === "admin";

  const categories = useMemo(
    () => [...new Set((services.data ?? []).map((s) => s.category))].sort(),
    [services.data],
  );
  const shown = useMemo(
    () =>
      (services.data ?? [])
        .filter((s) => (!category || s.category === category) && matchesSearch(s, deferredQuery))
        .sort((a, b) => a.code.localeCompare(b.code)),
    [services.data, category, deferredQuery],
  );

  if (editing)
    return (
      <ServiceForm
        service={editing === "new" ? null : editing}
        onCancel={() => setEditing(null)}
        onSaved={(service) => {
          setEditing(null);
          setSaved(t.admin.services.saved({ code: service.code }));
          services.reload();
        }}
      />
    );

  return (
    <section aria-labelledby="services-title">
      <h2 id="services-title">{t.admin.view.services}</h2>
      {saved && (
        <p className="notice" role="status">
          {saved}
        </p>
      )}
      {isAdmin && (
        <p>
          <button type="button" className="button primary" onClick={() => setEditing("new")}>
            {t.admin.services.new}
          </button>
        </p>
      )}
      <div className="admin-filters" role="search">
        <label>
          {t.admin.services.search}{" "}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label>
          {t.admin.services.category}{" "}
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t.admin.services.allCategories}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!services.data ? (
        <Loading failure={services.failure} />
      ) : (
        <>
          <p role="status" className="muted small">
            {t.admin.services.count({ shown: shown.length, total: services.data.length })}
          </p>
          <div className="admin-scroll" tabIndex={0} role="region" aria-label={t.admin.view.services}>
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t.admin.services.code}</th>
                  <th scope="col">{t.admin.services.prefix}</th>
                  <th scope="col">{t.admin.services.nameColumn}</th>
                  <th scope="col">{t.admin.services.category}</th>
                  <th scope="col">{t.admin.services.minutes}</th>
                  <th scope="col">{t.admin.state}</th>
                  {isAdmin && (
                    <th scope="col">
                      <span className="visually-hidden">{t.admin.actions}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {shown.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.code}</th>
                    <td>{s.prefix}</td>
                    <td>{local(s.name)}</td>
                    <td>{s.category}</td>
                    <td>
                      {t.admin.services.minutesValue({
                        handling: s.handlingMinutes,
                        target: s.targetWaitMinutes,
                      })}
                    </td>
                    <td>{s.active ? t.admin.active : t.admin.inactive}</td>
                    {isAdmin && (
                      <td>
                        <button type="button" className="button small" onClick={() => setEditing(s)}>
                          {t.admin.editNamed({ name: s.code })}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
