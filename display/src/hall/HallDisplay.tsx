import type { Centre } from "@dost/shared";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import type { DisplayDeps } from "../deps.js";
import { createHallStore } from "../live/hall-store.js";
import type { DisplaySettings } from "../settings.js";
import { useHallSound } from "../sound/useHallSound.js";
import { HallScreen } from "./HallScreen.js";

export interface HallDisplayProps {
  deps: DisplayDeps;
  deviceKey: string;
  centre: Centre;
  settings: DisplaySettings;
  /** The server stopped accepting the key while the screen was running. */
  onRefused(): void;
}

/** A paired display: live calls in, screen and sound out. */
export function HallDisplay({ deps, deviceKey, centre, settings, onRefused }: HallDisplayProps) {
  const sound = useHallSound(deps.sound, settings.langs);
  const { announce } = sound;
  const store = useMemo(
    () =>
      createHallStore({
        api: deps.createApi(deviceKey),
        openChannel: deps.openChannel,
        deviceKey,
        centreId: centre.id,
        timeZone: centre.timezone,
        zone: settings.zone,
        announce,
      }),
    [deps, deviceKey, centre.id, centre.timezone, settings.zone, announce],
  );
  const hall = useSyncExternalStore(store.subscribe, store.getSnapshot);

  useEffect(() => {
    if (hall.refused) onRefused();
  }, [hall.refused, onRefused]);

  return (
    <HallScreen
      centre={centre}
      lang={settings.lang}
      calls={hall.calls}
      message={hall.message}
      loaded={hall.loaded}
      offline={hall.connection === "offline"}
      soundBlocked={sound.blocked}
      onEnableSound={sound.enable}
    />
  );
}
