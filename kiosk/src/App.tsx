import { Kiosk } from "./kiosk/Kiosk.js";
import type { Route } from "./route.js";
import { StatusPage } from "./status/StatusPage.js";
import { CrashScreen } from "./ui/CrashScreen.js";

/** Two apps in one bundle: the kiosk itself, and the ticket status page its QR codes open. */
export function App({ route, deviceKey }: { route: Route; deviceKey: string | null }) {
  if (route.name === "status")
    return (
      <CrashScreen reloadBy="visitor">
        <StatusPage publicId={route.publicId} />
      </CrashScreen>
    );
  return (
    <CrashScreen reloadBy="itself">
      <Kiosk initialKey={deviceKey} />
    </CrashScreen>
  );
}
