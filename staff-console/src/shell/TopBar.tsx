import type { Centre, User } from "@dost/shared";
import { ADMIN_PATH, mayAdminister } from "../admin/routes.js";
import { APPOINTMENTS_PATH } from "../appointments/route.js";
import { useI18n } from "../i18n/i18n.js";
import { useSession } from "../session/session.js";
import { LanguageSwitch } from "./LanguageSwitch.js";

/** Who is signed in where, the way to appointments and (for those allowed) monitoring, language, and sign out. */
export function TopBar({
  user,
  centre,
  centres,
  onChooseCentre,
  current,
}: {
  user: User;
  centre: Centre | null;
  /** Only an admin, who belongs to no centre, chooses one. */
  centres: Centre[] | null;
  onChooseCentre(centreId: string): void;
  current: "desk" | "monitoring" | "appointments" | "admin";
}) {
  const { t, local } = useI18n();
  const { signOut, setUpMfa } = useSession();
  const mayMonitor = user.role === "manager" || user.role === "admin" || user.role === "viewer";
  // A viewer reads monitoring only: no counter to work at, no appointments list (the server refuses it).
  const worksInCentre = user.role !== "viewer";

  return (
    <header className="top-bar">
      <a className="skip-link" href="#main">
        {t.app.skip}
      </a>
      <span className="brand">
        DOST <span className="muted">{t.app.title}</span>
      </span>
      {centres ? (
        <label className="centre-choice">
          <span className="visually-hidden">{t.shell.centre}</span>
          <select value={centre?.id ?? ""} onChange={(e) => onChooseCentre(e.target.value)}>
            <option value="" disabled>
              {t.shell.chooseCentre}
            </option>
            {centres.map((c) => (
              <option key={c.id} value={c.id}>
                {local(c.name)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <span className="centre-name">{centre ? local(centre.name) : ""}</span>
      )}
      <nav aria-label={t.shell.nav} className="nav">
        {worksInCentre && (
          <>
            <a href="/console/" aria-current={current === "desk" ? "page" : undefined}>
              {t.shell.desk}
            </a>
            <a href={APPOINTMENTS_PATH} aria-current={current === "appointments" ? "page" : undefined}>
              {t.shell.appointments}
            </a>
          </>
        )}
        {mayMonitor && (
          <a href="/console/monitoring" aria-current={current === "monitoring" ? "page" : undefined}>
            {t.shell.monitoring}
          </a>
        )}
        {mayAdminister(user) && (
          <a href={ADMIN_PATH} aria-current={current === "admin" ? "page" : undefined}>
            {t.shell.admin}
          </a>
        )}
      </nav>
      <span className="grow" />
      <span className="user">
        {user.displayName} <span className="muted small">{t.role[user.role]}</span>
      </span>
      {user.mfaEnabled === false && (
        <button type="button" className="button small subtle" onClick={setUpMfa}>
          {t.mfa.setUp}
        </button>
      )}
      <LanguageSwitch />
      <button type="button" className="button small" onClick={() => void signOut()}>
        {t.shell.signOut}
      </button>
    </header>
  );
}
