import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { browserDeps } from "./deps.js";
import { rememberKey } from "./pairing/device-key.js";
import { readSettings, withoutKey } from "./settings.js";
import "./styles.css";

const settings = readSettings(window.location.search);
const deps = browserDeps();
// Pairing by address: keep the key, then drop it from the address bar and the history.
if (settings.key) {
  rememberKey(deps.storage, settings.key);
  window.history.replaceState(window.history.state, "", withoutKey(window.location.href));
}

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <App deps={deps} settings={settings} />
    </StrictMode>,
  );
