import { deviceKeyStore } from "@dost/shared/client";

/**
 * The kiosk's device key. It arrives once in the address (`/kiosk/?key=...`) or is traded for a
 * pairing code (`?pair=`), is kept in localStorage, and leaves the address bar at once.
 */
export const kioskKey = deviceKeyStore("dost.kiosk.deviceKey");
