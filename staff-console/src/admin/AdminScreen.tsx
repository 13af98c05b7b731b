import type { User } from "@dost/shared";
import { useI18n } from "../i18n/i18n.js";
import { NotAllowed } from "../monitoring/NotAllowed.js";
import { useSession } from "../session/session.js";
import { AuditScreen } from "./audit/AuditScreen.js";
import { CentresScreen } from "./centres/CentresScreen.js";
import { ClosedDatesScreen } from "./closed-dates/ClosedDatesScreen.js";
import { CountersScreen } from "./counters/CountersScreen.js";
import { DevicesScreen } from "./devices/DevicesScreen.js";
import { OfferScreen } from "./offer/OfferScreen.js";
import { PolicyScreen } from "./policy/PolicyScreen.js";
import { ADMIN_VIEWS, adminPath, mayAdminister, type AdminView } from "./routes.js";
import { ServicesScreen } from "./services/ServicesScreen.js";
import { UsersScreen } from "./users/UsersScreen.js";
import { useLoad } from "./ui.js";
import "./admin.css";

/** Screens about one centre: an admin works on the one chosen here (or at the top), a manager on its own. */
const CENTRE_VIEWS: ReadonlySet<AdminView> = new Set([
  "offer",
  "counters",
  "devices",
  "closed-dates",
  "policy",
]);

/**
 * The Administration area: the ministry (admin) sets up everything, a manager its own centre. The
 * server refuses what a role may not do; these screens only avoid offering it.
 */
export function AdminScreen({
  user,
  view,
  centreId,
  onChooseCentre,
}: {
  user: User;
  view: AdminView;
  centreId: string | null;
  onChooseCentre(centreId: string): void;
}) {
  const { t, local } = useI18n();
  const { api } = useSession();
  const isAdmin = user.role === "admin";
  // An admin chooses among every centre, including one created a moment ago.
  const centres = useLoad(() => (isAdmin ? api.admin.centres() : Promise.resolve([])), `${user.id}`);
  if (!mayAdminister(user)) return <NotAllowed />;

  const needsCentre = CENTRE_VIEWS.has(view) || view === "users";
  return (
    <main id="main" className="page admin">
      <h1>{t.admin.title}</h1>
      <nav className="sub-nav" aria-label={t.admin.nav}>
        {ADMIN_VIEWS.map((v) => (
          <a key={v} href={adminPath(v)} aria-current={v === view ? "page" : undefined}>
            {t.admin.view[v]}
          </a>
        ))}
      </nav>
      {isAdmin && needsCentre && (
        <p className="admin-centre-choice">
          <label>
            {t.admin.centreChoice}{" "}
            <select value={centreId ?? ""} onChange={(e) => onChooseCentre(e.target.value)}>
              <option value="" disabled={view !== "users"}>
                {view === "users" ? t.admin.allCentres : t.shell.chooseCentre}
              </option>
              {(centres.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {local(c.name)} ({c.code})
                </option>
              ))}
            </select>
          </label>
        </p>
      )}
      {view === "centres" && (
        <CentresScreen
          user={user}
          onCreated={(id) => {
            centres.reload();
            onChooseCentre(id);
          }}
        />
      )}
      {view === "services" && <ServicesScreen user={user} />}
      {view === "users" && <UsersView user={user} centreId={centreId} />}
      {view === "audit" && <AuditScreen user={user} centreId={centreId} />}
      {CENTRE_VIEWS.has(view) &&
        (centreId ? (
          <CentreView key={centreId} view={view} user={user} centreId={centreId} />
        ) : (
          <p className="banner">{t.admin.chooseCentreFirst}</p>
        ))}
    </main>
  );
}

function CentreView({ view, user, centreId }: { view: AdminView; user: User; centreId: string }) {
  switch (view) {
    case "offer":
      return <OfferScreen user={user} centreId={centreId} />;
    case "counters":
      return <CountersScreen centreId={centreId} />;
    case "devices":
      return <DevicesScreen centreId={centreId} />;
    case "closed-dates":
      return <ClosedDatesScreen user={user} centreId={centreId} />;
    case "policy":
      return <PolicyScreen user={user} centreId={centreId} />;
    default:
      return null;
  }
}

function UsersView({ user, centreId }: { user: User; centreId: string | null }) {
  return <UsersScreen key={centreId ?? "all"} user={user} centreId={user.centreId ?? centreId} />;
}
