import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { kioskKey } from "./pairing/device-key.js";
import { takePairingFromAddress } from "@dost/shared/client";
import { routeOf } from "./route.js";
import "./styles/base.css";
import "./styles/screens.css";
import "./styles/status.css";
import "./styles/booking.css";
import "./styles/check-in.css";
import "./styles/print.css";
import "./styles/waits.css";

const route = routeOf(window.location.pathname, window.location.search);
// Only the kiosk has a device key; a visitor's phone (status and booking pages) never reads or stores one.
const fromAddress =
  route.name === "kiosk" || route.name === "feedback" ? takePairingFromAddress(kioskKey) : null;
const deviceKey = fromAddress ? (fromAddress.key ?? kioskKey.remembered()) : null;
// A pairing link wins over a stored key: it is how a kiosk is moved or re-keyed.
const pairingCode = fromAddress?.pairingCode ?? null;

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <App route={route} deviceKey={deviceKey} pairingCode={pairingCode} />
    </StrictMode>,
  );
