import type { Centre, Language } from "@dost/shared";
import { useCallback, useEffect, useState } from "react";
import { ApiError, fetchCentre, fetchDevice } from "../api/client.js";
import { DEFAULT_LANGUAGE, I18nProvider, useI18n } from "../i18n/i18n.js";
import { PairingScreen } from "../pairing/PairingScreen.js";
import { forgetDeviceKey, rememberDeviceKey } from "../pairing/device-key.js";
import { Loading } from "../ui/Loading.js";
import { ProblemPanel } from "../ui/ProblemPanel.js";
import { KioskFlow } from "./KioskFlow.js";
import { KioskHeader } from "./KioskHeader.js";

type Pairing =
  | { state: "checking"; deviceKey: string }
  | { state: "unpaired"; refused: boolean }
  | { state: "unreachable"; deviceKey: string }
  | { state: "paired"; deviceKey: string; centre: Centre; publicUrl: string | null };

async function checkDeviceKey(deviceKey: string): Promise<Pairing> {
  try {
    const { device, publicUrl } = await fetchDevice(deviceKey);
    // A display's key authenticates too, but it cannot issue tickets.
    if (device.kind !== "kiosk") throw new ApiError("unauthenticated", "not a kiosk key");
    const centre = await fetchCentre(device.centreId);
    rememberDeviceKey(deviceKey);
    return { state: "paired", deviceKey, centre, publicUrl };
  } catch (error) {
    if (!(error instanceof ApiError && error.failure === "unauthenticated"))
      return { state: "unreachable", deviceKey };
    forgetDeviceKey();
    return { state: "unpaired", refused: true };
  }
}

/** The kiosk app: pairs the device, then runs the visitor flow for its centre. */
export function Kiosk({ initialKey }: { initialKey: string | null }) {
  const [language, setLanguage] = useState<Language>(DEFAULT_LANGUAGE);
  return (
    <I18nProvider language={language} onLanguageChange={setLanguage}>
      <PairedKiosk initialKey={initialKey} />
    </I18nProvider>
  );
}

function PairedKiosk({ initialKey }: { initialKey: string | null }) {
  const { t } = useI18n();
  const [pairing, setPairing] = useState<Pairing>(
    initialKey ? { state: "checking", deviceKey: initialKey } : { state: "unpaired", refused: false },
  );

  // Each pairing attempt (the initial key, a typed key, a retry) is checked once against the server.
  // An object, so pairing again with the same key is a new attempt.
  const [attempt, setAttempt] = useState<{ deviceKey: string } | null>(
    initialKey ? { deviceKey: initialKey } : null,
  );

  useEffect(() => {
    if (!attempt) return;
    let current = true;
    void checkDeviceKey(attempt.deviceKey).then((next) => {
      if (current) setPairing(next);
    });
    return () => {
      current = false;
    };
  }, [attempt]);

  const pair = (deviceKey: string) => {
    setPairing({ state: "checking", deviceKey });
    setAttempt({ deviceKey });
  };

  const refused = useCallback(() => {
    forgetDeviceKey();
    setPairing({ state: "unpaired", refused: true });
  }, []);

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
        {pairing.state === "unpaired" && <PairingScreen refused={pairing.refused} onPair={pair} />}
        {pairing.state === "unreachable" && (
          <ProblemPanel
            title={t.unreachableTitle}
            text={t.unreachableText}
            onRetry={() => pair(pairing.deviceKey)}
          />
        )}
      </main>
    </div>
  );
}
