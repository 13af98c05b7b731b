import type { Centre, User } from "@dost/shared";
import { useI18n } from "../i18n/i18n.js";
import { LiveScreen } from "./live/LiveScreen.js";
import { MonitoringNav } from "./MonitoringNav.js";
import { NationalView } from "./national/NationalView.js";
import { NotAllowed } from "./NotAllowed.js";
import { ReportsScreen } from "./reports/ReportsScreen.js";
import type { MonitoringView } from "./routes.js";
import "./monitoring.css";

/**
 * Who oversees every centre: admins, and viewers (the ministry's analysts), who read the national
 * view and any centre's monitoring but change nothing (the screens offer no action that writes).
 */
export const overseesEveryCentre = (user: User): boolean => user.role === "admin" || user.role === "viewer";

/** Who may see which screen; the server enforces the same, this only spares a useless page. */
export function mayMonitor(user: User, view: MonitoringView): boolean {
  if (overseesEveryCentre(user)) return true;
  return user.role === "manager" && view !== "national";
}

/**
 * Monitoring for managers (their centre), and admins and viewers (any centre, and all of them side
 * by side). `centreId` is the manager's own centre or the one an admin or viewer has chosen;
 * `centres` is the list they choose from.
 */
export function MonitoringScreen({
  user,
  view,
  centreId,
  centre,
  centres,
}: {
  user: User;
  view: MonitoringView;
  centreId: string | null;
  centre: Centre | null;
  centres: Centre[] | null;
}) {
  const { t } = useI18n();
  if (!mayMonitor(user, view)) return <NotAllowed />;
  const everyCentre = overseesEveryCentre(user);

  return (
    <main id="main" className="page monitoring">
      <MonitoringNav view={view} national={everyCentre} />
      {view === "national" && <NationalView />}
      {view === "reports" && (
        // Remounted when an admin switches centre at the top, so the form starts from that centre.
        <ReportsScreen
          key={centreId ?? "all"}
          centreId={centreId}
          centre={centre}
          centres={everyCentre ? (centres ?? []) : null}
        />
      )}
      {view === "live" &&
        (centreId ? (
          <LiveScreen
            key={centreId}
            centreId={centreId}
            centre={centre}
            subscribe={user.centreId !== centreId}
            mayConfigure={user.role === "manager" || user.role === "admin"}
          />
        ) : (
          <>
            <h1>{t.monitoring.view.live}</h1>
            <p className="banner">{t.live.chooseCentre}</p>
          </>
        ))}
    </main>
  );
}
