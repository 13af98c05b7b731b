import { takePairingFromAddress } from "@dost/shared/client";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { browserDeps } from "./deps.js";
import { displayKey } from "./pairing/device-key.js";
import { readSettings } from "./settings.js";
import "./styles.css";

const settings = readSettings(window.location.search);
const deps = browserDeps();
// Pairing by address: keep the key (older installs) or the one-time code, then drop both from the
// address bar and the history before anything else runs.
const { pairingCode } = takePairingFromAddress(displayKey(deps.storage));

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <App deps={deps} settings={settings} pairingCode={pairingCode} />
    </StrictMode>,
  );
