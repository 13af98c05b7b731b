import { useEffect } from "react";
import type { DisplayDeps } from "./deps.js";
import { HallDisplay } from "./hall/HallDisplay.js";
import { messages } from "./i18n/messages.js";
import { PairingScreen } from "./pairing/PairingScreen.js";
import { usePairing } from "./pairing/usePairing.js";
import type { DisplaySettings } from "./settings.js";

export function App({
  deps,
  settings,
  pairingCode = null,
}: {
  deps: DisplayDeps;
  settings: DisplaySettings;
  /** A one-time code from the pairing link (`?pair=`), already taken out of the address. */
  pairingCode?: string | null;
}) {
  const { pairing, pair, refused } = usePairing(deps, pairingCode);
  const t = messages[settings.lang];

  useEffect(() => {
    document.documentElement.lang = settings.lang;
    document.title = t.documentTitle;
  }, [settings.lang, t]);

  switch (pairing.status) {
    case "unpaired":
      return <PairingScreen t={t} problem={pairing.problem} onPair={pair} />;
    case "checking":
      return (
        <main className="waiting">
          <h1 className="sr-only">{t.documentTitle}</h1>
          <p role="status">{pairing.unreachable ? t.serverUnreachable : t.connecting}</p>
        </main>
      );
    case "paired":
      return (
        <HallDisplay
          deps={deps}
          deviceKey={pairing.deviceKey}
          centre={pairing.centre}
          settings={settings}
          onRefused={refused}
        />
      );
  }
}
