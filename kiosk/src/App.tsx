import { BookingPage } from "./booking/BookingPage.js";
import { FeedbackTablet } from "./feedback-tablet/FeedbackTablet.js";
import { Kiosk } from "./kiosk/Kiosk.js";
import { ManagePage } from "./manage/ManagePage.js";
import type { Route } from "./route.js";
import { StatusPage } from "./status/StatusPage.js";
import { CrashScreen } from "./ui/CrashScreen.js";
import { WaitsPage } from "./waits/WaitsPage.js";

/**
 * One bundle, two audiences: the kiosk itself; and the visitor's own phone, with the ticket status
 * page its QR codes open, the appointment pages (book, then look up, move or cancel); and the public waits page.
 */
export function App({
  route,
  deviceKey,
  pairingCode = null,
}: {
  route: Route;
  deviceKey: string | null;
  pairingCode?: string | null;
}) {
  if (route.name === "status")
    return (
      <CrashScreen reloadBy="visitor">
        <StatusPage publicId={route.publicId} />
      </CrashScreen>
    );
  if (route.name === "book")
    return (
      <CrashScreen reloadBy="visitor">
        <BookingPage />
      </CrashScreen>
    );
  if (route.name === "manage")
    return (
      <CrashScreen reloadBy="visitor">
        <ManagePage initialCode={route.code} />
      </CrashScreen>
    );
  if (route.name === "waits")
    return (
      <CrashScreen reloadBy="visitor">
        <WaitsPage />
      </CrashScreen>
    );
  if (route.name === "feedback")
    return (
      <CrashScreen reloadBy="itself">
        <FeedbackTablet deviceKey={deviceKey} />
      </CrashScreen>
    );
  return (
    <CrashScreen reloadBy="itself">
      <Kiosk initialKey={deviceKey} pairingCode={pairingCode} />
    </CrashScreen>
  );
}
