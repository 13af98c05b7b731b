import { ROLES, type AdminUser, type Role, type User } from "@dost/shared";
import { useState, type FormEvent } from "react";
import { useI18n } from "../../i18n/i18n.js";
import { useSession } from "../../session/session.js";
import { Field, FailureNote, Loading, OneTimeSecret, useAction, useLoad } from "../ui.js";

/** Admins and viewers belong to no centre; everyone else works in one. */
const CENTRELESS: ReadonlySet<Role> = new Set(["admin", "viewer"]);

/** Accounts: an admin manages everyone, a manager the staff and volunteers of its centre. */
export function UsersScreen({ user, centreId }: { user: User; centreId: string | null }) {
  const { t, local } = useI18n();
  const { api } = useSession();
  const isAdmin = user.role === "admin";
  const roles: readonly Role[] = isAdmin ? ROLES : ["staff", "volunteer"];
  const users = useLoad(() => api.admin.users(centreId), centreId ?? "all");
  const centres = useLoad(() => (isAdmin ? api.admin.centres() : Promise.resolve([])), "centres");
  const [draft, setDraft] = useState({
    username: "",
    displayName: "",
    role: "staff" as Role,
    centreId: centreId ?? "",
  });
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);
  const action = useAction();

  async function create(event: FormEvent) {
    event.preventDefault();
    const ok = await action.run(async () => {
      const created = await api.admin.createUser({
        username: draft.username.trim(),
        displayName: draft.displayName.trim(),
        role: draft.role,
        centreId: CENTRELESS.has(draft.role) ? null : draft.centreId || user.centreId,
      });
      setSecret({ username: created.user.username, password: created.temporaryPassword });
    });
    if (ok) {
      setDraft((d) => ({ ...d, username: "", displayName: "" }));
      users.reload();
    }
  }

  async function change(target: AdminUser, body: { role?: Role; disabled?: boolean }) {
    if (await action.run(async () => void (await api.admin.patchUser(target.id, body)))) users.reload();
  }

  async function reset(target: AdminUser) {
    await action.run(async () =>
      setSecret({ username: target.username, password: await api.admin.resetPassword(target.id) }),
    );
  }

  async function resetMfa(target: AdminUser) {
    await action.run(async () => api.admin.resetMfa(target.id));
  }

  const centreName = (id: string | null) => {
    if (!id) return t.admin.users.noCentre;
    const centre = centres.data?.find((c) => c.id === id);
    return centre ? local(centre.name) : "";
  };

  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">{t.admin.view.users}</h2>
      <form className="admin-form inline" onSubmit={(e) => void create(e)} aria-label={t.admin.users.new}>
        <Field label={t.admin.users.username} hint={t.admin.users.usernameHint}>
          {(id) => (
            <input
              id={id}
              required
              autoComplete="off"
              value={draft.username}
              onChange={(e) => setDraft({ ...draft, username: e.target.value.toLowerCase() })}
            />
          )}
        </Field>
        <Field label={t.admin.users.displayName}>
          {(id) => (
            <input
              id={id}
              required
              value={draft.displayName}
              onChange={(e) => setDraft({ ...draft, displayName: e.target.value })}
            />
          )}
        </Field>
        <Field label={t.admin.users.role}>
          {(id) => (
            <select
              id={id}
              value={draft.role}
              onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t.role[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {isAdmin && !CENTRELESS.has(draft.role) && (
          <Field label={t.shell.centre}>
            {(id) => (
              <select
                id={id}
                required
                value={draft.centreId}
                onChange={(e) => setDraft({ ...draft, centreId: e.target.value })}
              >
                <option value="">{t.shell.chooseCentre}</option>
                {(centres.data ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {local(c.name)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <button type="submit" className="button primary" disabled={action.busy}>
          {t.admin.users.create}
        </button>
      </form>
      {secret && (
        <OneTimeSecret
          title={t.admin.users.temporaryPassword({ username: secret.username })}
          secret={secret.password}
        >
          <p className="small">{t.admin.users.mustChange}</p>
          <button type="button" className="button small" onClick={() => setSecret(null)}>
            {t.admin.done}
          </button>
        </OneTimeSecret>
      )}
      <FailureNote failure={action.failure} />
      {!users.data ? (
        <Loading failure={users.failure} />
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t.admin.users.username}</th>
              <th scope="col">{t.admin.users.displayName}</th>
              <th scope="col">{t.admin.users.role}</th>
              <th scope="col">{t.shell.centre}</th>
              <th scope="col">{t.admin.state}</th>
              <th scope="col">
                <span className="visually-hidden">{t.admin.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => {
              const self = u.id === user.id;
              return (
                <tr key={u.id}>
                  <th scope="row">{u.username}</th>
                  <td>{u.displayName}</td>
                  <td>
                    <select
                      aria-label={t.admin.users.roleOf({ username: u.username })}
                      value={u.role}
                      disabled={self || action.busy || !roles.includes(u.role)}
                      onChange={(e) => void change(u, { role: e.target.value as Role })}
                    >
                      {(roles.includes(u.role) ? roles : [u.role]).map((r) => (
                        <option key={r} value={r}>
                          {t.role[r]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{centreName(u.centreId)}</td>
                  <td>
                    {u.disabled
                      ? t.admin.users.disabled
                      : u.mustChangePassword
                        ? t.admin.users.mustChangeState
                        : t.admin.active}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button small"
                      disabled={self || action.busy}
                      onClick={() => void change(u, { disabled: !u.disabled })}
                    >
                      {u.disabled
                        ? t.admin.users.enable({ username: u.username })
                        : t.admin.users.disable({ username: u.username })}
                    </button>
                    <button
                      type="button"
                      className="button small"
                      disabled={self || action.busy}
                      onClick={() => void reset(u)}
                    >
                      {t.admin.users.reset({ username: u.username })}
                    </button>
                    {isAdmin && (
                      <button
                        type="button"
                        className="button small"
                        disabled={self || action.busy}
                        onClick={() => void resetMfa(u)}
                      >
                        {t.admin.users.resetMfa({ username: u.username })}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
