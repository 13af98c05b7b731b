import type { AdminCentre, User } from "@dost/shared";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.js";
import { useSession } from "../../session/session.js";
import { adminPath } from "../routes.js";
import { Loading, useLoad } from "../ui.js";
import { CentreForm } from "./CentreForm.js";

/** Every centre (an admin) or one's own (a manager), each editable; an admin adds new ones. */
export function CentresScreen({ user, onCreated }: { user: User; onCreated(centreId: string): void }) {
  const { t, local } = useI18n();
  const { api } = useSession();
  const centres = useLoad(() => api.admin.centres(), "centres");
  const [editing, setEditing] = useState<AdminCentre | "new" | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (editing)
    return (
      <CentreForm
        user={user}
        centre={editing === "new" ? null : editing}
        onCancel={() => setEditing(null)}
        onSaved={(centre) => {
          setEditing(null);
          setSaved(t.admin.centres.saved({ code: centre.code }));
          centres.reload();
          if (editing === "new") onCreated(centre.id);
        }}
      />
    );

  return (
    <section aria-labelledby="centres-title">
      <h2 id="centres-title">{t.admin.view.centres}</h2>
      {saved && (
        <p className="notice" role="status">
          {saved} <a href={adminPath("offer")}>{t.admin.centres.next}</a>
        </p>
      )}
      {user.role === "admin" && (
        <p>
          <button type="button" className="button primary" onClick={() => setEditing("new")}>
            {t.admin.centres.new}
          </button>
        </p>
      )}
      {!centres.data ? (
        <Loading failure={centres.failure} />
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">{t.admin.view.centres}</caption>
          <thead>
            <tr>
              <th scope="col">{t.admin.centres.code}</th>
              <th scope="col">{t.admin.centres.nameColumn}</th>
              <th scope="col">{t.admin.centres.timezone}</th>
              <th scope="col">{t.admin.state}</th>
              <th scope="col">
                <span className="visually-hidden">{t.admin.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {centres.data.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.code}</th>
                <td>{local(c.name)}</td>
                <td>{c.timezone}</td>
                <td>{c.active ? t.admin.active : t.admin.inactive}</td>
                <td>
                  <button type="button" className="button small" onClick={() => setEditing(c)}>
                    {t.admin.editNamed({ name: c.code })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
