import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { browserDeps } from "./deps.js";
import { rememberKey } from "./pairing/device-key.js";
import { pairingCodeIn, withoutPairing } from "./pairing/pairing-code.js";
import { readSettings } from "./settings.js";
import "./styles.css";

const settings = readSettings(window.location.search);
const deps = browserDeps();
const pairingCode = pairingCodeIn(window.location.search);
// Pairing by address: keep the key (older installs) or the one-time code, then drop both from the
// address bar and the history before anything else runs.
if (settings.key) rememberKey(deps.storage, settings.key);
if (settings.key || pairingCode !== null)
  window.history.replaceState(window.history.state, "", withoutPairing(window.location.href));

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <App deps={deps} settings={settings} pairingCode={pairingCode} />
    </StrictMode>,
  );
