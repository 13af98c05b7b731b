import type { User } from "@dost/shared";
import { lazy, Suspense, useEffect, useState } from "react";
import { AppointmentsScreen } from "./appointments/AppointmentsScreen.js";
import { adminViewOf, type AdminView } from "./admin/routes.js";
import { isAppointmentsPath } from "./appointments/route.js";
import { DeskScreen } from "./desk/DeskScreen.js";
import { LanguageProvider, useI18n } from "./i18n/i18n.js";
import { centreInAddress, pageOf } from "./monitoring/routes.js";
import { SessionProvider, useSession } from "./session/session.js";
import { ChangePasswordScreen } from "./shell/ChangePasswordScreen.js";
import { MfaEnrolmentScreen } from "./shell/MfaEnrolmentScreen.js";
import { SignInScreen } from "./shell/SignInScreen.js";
import { TopBar } from "./shell/TopBar.js";
import { useCentres } from "./shell/useCentres.js";
import { VolunteerScreen } from "./volunteer/VolunteerScreen.js";

/** Monitoring and its charts load only when opened, so the counter desk never fetches them. */
const MonitoringScreen = lazy(() =>
  import("./monitoring/MonitoringScreen.js").then((module) => ({ default: module.MonitoringScreen })),
);

/** Administration loads only when opened: a counter PC never fetches its screens. */
const AdminScreen = lazy(() =>
  import("./admin/AdminScreen.js").then((module) => ({ default: module.AdminScreen })),
);

/** The centre's timezone until the centre list arrives; every seeded centre is in Baku. */
const DEFAULT_TIMEZONE = "Asia/Baku";
const ADMIN_CENTRE_KEY = "dost.console.centre";

export function App() {
  return (
    <LanguageProvider>
      <SessionProvider>
        <Root />
      </SessionProvider>
    </LanguageProvider>
  );
}

function Root() {
  const { state } = useSession();
  const { t } = useI18n();
  useEffect(() => {
    document.title = `DOST — ${t.app.title}`;
  }, [t]);

  if (state.status === "checking")
    return (
      <main id="main" className="page">
        <p aria-busy="true">{t.app.loading}</p>
      </main>
    );
  if (state.status === "signedOut") return <SignInScreen reason={state.reason} />;
  if (state.status === "mustChangePassword") return <ChangePasswordScreen user={state.user} />;
  if (state.status === "enrolMfa") return <MfaEnrolmentScreen user={state.user} required={state.required} />;
  return <SignedIn key={state.user.id} user={state.user} lastServiceIds={state.lastServiceIds} />;
}

/** A link from the national view names the centre to open; otherwise the admin's last choice. */
function initialAdminCentre(): string | null {
  const linked = centreInAddress(window.location.search);
  try {
    if (linked) localStorage.setItem(ADMIN_CENTRE_KEY, linked);
    return linked ?? localStorage.getItem(ADMIN_CENTRE_KEY);
  } catch {
    return linked;
  }
}

function routeOf(pathname: string, user: User) {
  const admin = adminViewOf(pathname);
  if (admin) return { page: "admin", view: admin } as { page: "admin"; view: AdminView };
  const page = isAppointmentsPath(pathname) ? ({ page: "appointments" } as const) : pageOf(pathname);
  // A viewer has no desk and no appointments list: the console opens on the national view.
  if (user.role === "viewer" && page.page !== "monitoring")
    return { page: "monitoring", view: "national" } as const;
  return page;
}

function SignedIn({ user, lastServiceIds }: { user: User; lastServiceIds: string[] | null }) {
  const { t } = useI18n();
  const centres = useCentres();
  const [chosenCentre, setChosenCentre] = useState(initialAdminCentre);
  const centreId = user.centreId ?? chosenCentre;
  const centre = centres?.find((c) => c.id === centreId) ?? null;
  const [route] = useState(() => routeOf(window.location.pathname, user));

  function chooseCentre(id: string) {
    setChosenCentre(id);
    // A centre named in the address would otherwise win over this choice on the next reload.
    if (centreInAddress(window.location.search))
      window.history.replaceState(null, "", window.location.pathname);
    try {
      localStorage.setItem(ADMIN_CENTRE_KEY, id);
    } catch {
      // The choice still holds for this visit.
    }
  }

  // A volunteer may only issue and check in for visitors: the tablet is its whole console.
  if (user.role === "volunteer") return <VolunteerScreen user={user} centre={centre} />;

  return (
    <>
      <TopBar
        user={user}
        centre={centre}
        centres={user.centreId === null ? centres : null}
        onChooseCentre={chooseCentre}
        current={route.page}
      />
      {route.page === "admin" ? (
        <Suspense
          fallback={
            <main id="main" className="page">
              <p aria-busy="true">{t.app.loading}</p>
            </main>
          }
        >
          <AdminScreen user={user} view={route.view} centreId={centreId} onChooseCentre={chooseCentre} />
        </Suspense>
      ) : route.page === "monitoring" ? (
        <Suspense
          fallback={
            <main id="main" className="page">
              <p aria-busy="true">{t.app.loading}</p>
            </main>
          }
        >
          <MonitoringScreen
            user={user}
            view={route.view}
            centreId={centreId}
            centre={centre}
            centres={user.centreId === null ? centres : null}
          />
        </Suspense>
      ) : route.page === "appointments" && centreId ? (
        <AppointmentsScreen
          key={centreId}
          centreId={centreId}
          centre={centre}
          subscribe={user.centreId !== centreId}
        />
      ) : centreId ? (
        <DeskScreen
          key={centreId}
          user={user}
          centreId={centreId}
          timeZone={centre?.timezone ?? DEFAULT_TIMEZONE}
          lastServiceIds={lastServiceIds}
        />
      ) : (
        <main id="main" className="page narrow">
          <p className="banner">{t.shell.chooseCentreFirst}</p>
        </main>
      )}
    </>
  );
}
