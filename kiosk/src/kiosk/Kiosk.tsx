import type { Language } from "@dost/shared";
import { useState } from "react";
import { AudioModeProvider } from "../audio/AudioMode.js";
import { DEFAULT_LANGUAGE, I18nProvider, useI18n } from "../i18n/i18n.js";
import { PairingScreen } from "../pairing/PairingScreen.js";
import { usePairing } from "../pairing/usePairing.js";
import { Loading } from "../ui/Loading.js";
import { ProblemPanel } from "../ui/ProblemPanel.js";
import { KioskFlow } from "./KioskFlow.js";
import { KioskHeader } from "./KioskHeader.js";

/** The kiosk app: pairs the device, then runs the visitor flow for its centre. */
export function Kiosk({
  initialKey,
  pairingCode = null,
}: {
  initialKey: string | null;
  /** A one-time code from the pairing link (`?pair=`), already taken out of the address. */
  pairingCode?: string | null;
}) {
  const [language, setLanguage] = useState<Language>(DEFAULT_LANGUAGE);
  return (
    <I18nProvider language={language} onLanguageChange={setLanguage}>
      <AudioModeProvider>
        <PairedKiosk initialKey={initialKey} pairingCode={pairingCode} />
      </AudioModeProvider>
    </I18nProvider>
  );
}

function PairedKiosk({ initialKey, pairingCode }: { initialKey: string | null; pairingCode: string | null }) {
  const { t } = useI18n();
  const { pairing, tryAgain, refused } = usePairing(initialKey, pairingCode);

  if (pairing.state === "paired")
    return (
      <KioskFlow
        deviceKey={pairing.deviceKey}
        centre={pairing.centre}
        publicUrl={pairing.publicUrl}
        onRefused={refused}
      />
    );

  return (
    <div className="kiosk">
      <KioskHeader />
      <main className="kiosk-main">
        {pairing.state === "checking" && <Loading />}
        {pairing.state === "unpaired" && <PairingScreen problem={pairing.problem} onPair={tryAgain} />}
        {pairing.state === "unreachable" && (
          <ProblemPanel
            title={t.unreachableTitle}
            text={t.unreachableText}
            onRetry={() => tryAgain(pairing.attempt)}
          />
        )}
      </main>
    </div>
  );
}
