import { useEffect, useEffectEvent } from "react";

/** A visitor who walks away mid-way leaves the kiosk to the next one after this long. */
export const IDLE_RESET_MS = 30_000;

/** On the code entry, longer: the visitor may be looking for the code in a message on their phone. */
export const CHECK_IN_IDLE_MS = 60_000;

const ACTIVITY = ["pointerdown", "keydown", "touchstart", "wheel"] as const;

/** Calls `onIdle` once nobody has touched the screen for `ms`, while `enabled`. */
export function useIdleReset(enabled: boolean, onIdle: () => void, ms = IDLE_RESET_MS): void {
  const idle = useEffectEvent(onIdle);
  useEffect(() => {
    if (!enabled) return;
    let timer = window.setTimeout(() => idle(), ms);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => idle(), ms);
    };
    for (const type of ACTIVITY) window.addEventListener(type, restart, { passive: true, capture: true });
    return () => {
      window.clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, restart, { capture: true });
    };
  }, [enabled, ms]);
}
