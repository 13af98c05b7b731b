import type { Centre } from "@dost/shared";
import { useCallback, useEffect, useState } from "react";
import { ApiError } from "@dost/shared/client";
import { exchangePairingCode, fetchCentre, fetchDevice } from "../api/client.js";
import { kioskKey } from "./device-key.js";

/** Why the kiosk is asking to be paired (again); each has its own words on the pairing screen. */
export type PairingProblem = "keyRefused" | "codeRefused" | "codeMalformed" | "tooManyTries" | "notKiosk";

/** One try at pairing: a key to check, or a one-time code to trade for a key. */
export type PairingAttempt = { deviceKey: string } | { code: string };

export type Pairing =
  | { state: "checking" }
  | { state: "unpaired"; problem: PairingProblem | null }
  | { state: "unreachable"; attempt: PairingAttempt }
  | { state: "paired"; deviceKey: string; centre: Centre; publicUrl: string | null };

export const PAIRING_CODE = /^\d{6}$/;

async function checkDeviceKey(deviceKey: string): Promise<Pairing> {
  try {
    const { device, publicUrl } = await fetchDevice(deviceKey);
    // A display's key authenticates too, but it cannot issue tickets.
    if (device.kind !== "kiosk") {
      kioskKey.forget();
      return { state: "unpaired", problem: "notKiosk" };
    }
    const centre = await fetchCentre(device.centreId);
    kioskKey.remember(deviceKey);
    return { state: "paired", deviceKey, centre, publicUrl };
  } catch (error) {
    if (!(error instanceof ApiError && error.failure === "unauthenticated"))
      return { state: "unreachable", attempt: { deviceKey } };
    kioskKey.forget();
    return { state: "unpaired", problem: "keyRefused" };
  }
}

async function pairWithCode(code: string): Promise<Pairing> {
  if (!PAIRING_CODE.test(code)) return { state: "unpaired", problem: "codeMalformed" };
  try {
    const { key, device } = await exchangePairingCode(code);
    // The code was spent either way; a display's code leaves this kiosk unpaired.
    if (device.kind !== "kiosk") return { state: "unpaired", problem: "notKiosk" };
    kioskKey.remember(key);
    return await checkDeviceKey(key);
  } catch (error) {
    if (error instanceof ApiError && error.failure === "unauthenticated")
      return { state: "unpaired", problem: "codeRefused" };
    if (error instanceof ApiError && error.code === "RATE_LIMITED")
      return { state: "unpaired", problem: "tooManyTries" };
    if (error instanceof ApiError && error.failure === "rejected")
      return { state: "unpaired", problem: "codeMalformed" };
    return { state: "unreachable", attempt: { code } };
  }
}

/**
 * The kiosk's pairing: checks the stored key, or trades a pairing code (from the link or typed in)
 * for a new key. A code wins over a stored key, because a pairing link is how a kiosk is re-keyed.
 */
export function usePairing(initialKey: string | null, pairingCode: string | null) {
  const initial: PairingAttempt | null =
    pairingCode !== null ? { code: pairingCode } : initialKey ? { deviceKey: initialKey } : null;
  const [pairing, setPairing] = useState<Pairing>(
    initial ? { state: "checking" } : { state: "unpaired", problem: null },
  );
  // Each attempt is an object, so trying the same key or code again is a new attempt.
  const [attempt, setAttempt] = useState<PairingAttempt | null>(initial);

  useEffect(() => {
    if (!attempt) return;
    let current = true;
    const check = "code" in attempt ? pairWithCode(attempt.code) : checkDeviceKey(attempt.deviceKey);
    void check.then((next) => {
      if (current) setPairing(next);
    });
    return () => {
      current = false;
    };
  }, [attempt]);

  const tryAgain = useCallback((next: PairingAttempt) => {
    setPairing({ state: "checking" });
    setAttempt(next);
  }, []);

  const refused = useCallback(() => {
    kioskKey.forget();
    setPairing({ state: "unpaired", problem: "keyRefused" });
  }, []);

  return { pairing, tryAgain, refused };
}
