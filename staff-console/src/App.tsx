import type { User } from "@dost/shared";
import { useEffect, useState } from "react";
import { DeskScreen } from "./desk/DeskScreen.js";
import { LanguageProvider, useI18n } from "./i18n/i18n.js";
import { SessionProvider, useSession } from "./session/session.js";
import { MonitoringPlaceholder } from "./shell/MonitoringPlaceholder.js";
import { SignInScreen } from "./shell/SignInScreen.js";
import { TopBar } from "./shell/TopBar.js";
import { useCentres } from "./shell/useCentres.js";

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
    document.title = `DOST — ${t("app.title")}`;
  }, [t]);

  if (state.status === "checking")
    return (
      <main id="main" className="page">
        <p aria-busy="true">{t("app.loading")}</p>
      </main>
    );
  if (state.status === "signedOut") return <SignInScreen reason={state.reason} />;
  return <SignedIn key={state.user.id} user={state.user} lastServiceIds={state.lastServiceIds} />;
}

function storedAdminCentre(): string | null {
  try {
    return localStorage.getItem(ADMIN_CENTRE_KEY);
  } catch {
    return null;
  }
}

function SignedIn({ user, lastServiceIds }: { user: User; lastServiceIds: string[] | null }) {
  const { t } = useI18n();
  const centres = useCentres();
  const [chosenCentre, setChosenCentre] = useState(storedAdminCentre);
  const centreId = user.centreId ?? chosenCentre;
  const centre = centres?.find((c) => c.id === centreId) ?? null;
  const page = /\/monitoring\/?$/.test(window.location.pathname) ? "monitoring" : "desk";

  function chooseCentre(id: string) {
    setChosenCentre(id);
    try {
      localStorage.setItem(ADMIN_CENTRE_KEY, id);
    } catch {
      // The choice still holds for this visit.
    }
  }

  return (
    <>
      <TopBar
        user={user}
        centre={centre}
        centres={user.centreId === null ? centres : null}
        onChooseCentre={chooseCentre}
        current={page}
      />
      {page === "monitoring" ? (
        <MonitoringPlaceholder />
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
          <p className="banner">{t("shell.chooseCentreFirst")}</p>
        </main>
      )}
    </>
  );
}
