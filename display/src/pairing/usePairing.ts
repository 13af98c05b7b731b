import type { Centre } from "@dost/shared";
import { useCallback, useEffect, useState } from "react";
import { isKeyRefused, pairingRefusal, type PairedDevice } from "../api.js";
import type { DisplayDeps } from "../deps.js";
import { displayKey } from "./device-key.js";
import { PAIRING_CODE } from "./pairing-code.js";

export type PairingProblem = "refused" | "notDisplay" | "codeRefused" | "tooManyTries";

export type Pairing =
  | { status: "unpaired"; problem: PairingProblem | null }
  | { status: "checking"; unreachable: boolean }
  | { status: "paired"; deviceKey: string; centre: Centre };

type Outcome =
  { kind: "paired"; deviceKey: string; centre: Centre } | { kind: "unreachable" } | { kind: PairingProblem };

// Each pairing attempt is a new object, so entering the same key or code again checks it again.
type Attempt = { key: string } | { code: string };

const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * Trades a pairing code for a key (POST /devices/pair) or takes the remembered key, checks it
 * (GET /devices/me), learns the centre, and keeps trying while the server is unreachable: a display
 * switched on before the server must pair itself once the server is up.
 */
export function usePairing(deps: DisplayDeps, pairingCode: string | null = null) {
  const [attempt, setAttempt] = useState<Attempt | null>(() => {
    // A pairing link wins over a remembered key: it is how a display is moved or re-keyed.
    if (pairingCode !== null) return { code: pairingCode };
    const key = displayKey(deps.storage).remembered();
    return key ? { key } : null;
  });
  const [result, setResult] = useState<{ attempt: Attempt; outcome: Outcome } | null>(null);

  useEffect(() => {
    if (!attempt) return;
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let retries = 0;
    // Once the code is traded, retries use the key: the code works only once.
    let key = "key" in attempt ? attempt.key : null;
    const settle = (outcome: Outcome) => {
      if (active) setResult({ attempt, outcome });
    };
    const check = async () => {
      try {
        if (key === null && "code" in attempt) {
          if (!PAIRING_CODE.test(attempt.code)) return settle({ kind: "codeRefused" });
          let paired: PairedDevice;
          try {
            paired = await deps.pairDevice(attempt.code);
          } catch (error) {
            // A refused code is final; anything else (the server away) is retried below.
            const why = pairingRefusal(error);
            if (why) return settle({ kind: why });
            throw error;
          }
          if (paired.device.kind !== "display") return settle({ kind: "notDisplay" });
          key = paired.key;
          displayKey(deps.storage).remember(key);
        }
        if (key === null) return;
        const api = deps.createApi(key);
        const device = await api.device();
        if (device.kind !== "display") {
          displayKey(deps.storage).forget();
          return settle({ kind: "notDisplay" });
        }
        settle({ kind: "paired", deviceKey: key, centre: await api.centre(device.centreId) });
      } catch (error) {
        if (!active) return;
        if (isKeyRefused(error)) {
          displayKey(deps.storage).forget();
          return settle({ kind: "refused" });
        }
        settle({ kind: "unreachable" });
        timer = setTimeout(
          () => void check(),
          RETRY_DELAYS_MS[Math.min(retries++, RETRY_DELAYS_MS.length - 1)],
        );
      }
    };
    void check();
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [deps, attempt]);

  /** What was typed on the pairing screen: six digits are a pairing code, anything else a key. */
  const pair = useCallback(
    (entered: string) => {
      if (PAIRING_CODE.test(entered)) return setAttempt({ code: entered });
      displayKey(deps.storage).remember(entered);
      setAttempt({ key: entered });
    },
    [deps],
  );

  const refused = useCallback(() => {
    displayKey(deps.storage).forget();
    setResult((current) => (current ? { attempt: current.attempt, outcome: { kind: "refused" } } : current));
  }, [deps]);

  let pairing: Pairing;
  const outcome = result && result.attempt === attempt ? result.outcome : null;
  if (!attempt) pairing = { status: "unpaired", problem: null };
  else if (!outcome) pairing = { status: "checking", unreachable: false };
  else if (outcome.kind === "unreachable") pairing = { status: "checking", unreachable: true };
  else if (outcome.kind === "paired")
    pairing = { status: "paired", deviceKey: outcome.deviceKey, centre: outcome.centre };
  else pairing = { status: "unpaired", problem: outcome.kind };

  return { pairing, pair, refused };
}
