import type { Centre } from "@dost/shared";
import { useCallback, useEffect, useState } from "react";
import { KeyRefused } from "../api.js";
import type { DisplayDeps } from "../deps.js";
import { forgetKey, rememberedKey, rememberKey } from "./device-key.js";

export type PairingProblem = "refused" | "notDisplay";

export type Pairing =
  | { status: "unpaired"; problem: PairingProblem | null }
  | { status: "checking"; unreachable: boolean }
  | { status: "paired"; deviceKey: string; centre: Centre };

type Outcome = { kind: "paired"; centre: Centre } | { kind: "unreachable" } | { kind: PairingProblem };

// Each pairing attempt is a new object, so entering the same key again checks it again.
interface Attempt {
  key: string;
}

const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * Checks the remembered key (GET /devices/me), learns the centre, and keeps trying while the server
 * is unreachable: a display switched on before the server must pair itself once the server is up.
 */
export function usePairing(deps: DisplayDeps) {
  const [attempt, setAttempt] = useState<Attempt | null>(() => {
    const key = rememberedKey(deps.storage);
    return key ? { key } : null;
  });
  const [result, setResult] = useState<{ attempt: Attempt; outcome: Outcome } | null>(null);

  useEffect(() => {
    if (!attempt) return;
    const api = deps.createApi(attempt.key);
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let retries = 0;
    const settle = (outcome: Outcome) => {
      if (active) setResult({ attempt, outcome });
    };
    const check = async () => {
      try {
        const device = await api.device();
        if (device.kind !== "display") {
          forgetKey(deps.storage);
          return settle({ kind: "notDisplay" });
        }
        settle({ kind: "paired", centre: await api.centre(device.centreId) });
      } catch (error) {
        if (!active) return;
        if (error instanceof KeyRefused) {
          forgetKey(deps.storage);
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

  const pair = useCallback(
    (key: string) => {
      rememberKey(deps.storage, key);
      setAttempt({ key });
    },
    [deps],
  );

  const refused = useCallback(() => {
    forgetKey(deps.storage);
    setResult((current) => (current ? { attempt: current.attempt, outcome: { kind: "refused" } } : current));
  }, [deps]);

  let pairing: Pairing;
  const outcome = result && result.attempt === attempt ? result.outcome : null;
  if (!attempt) pairing = { status: "unpaired", problem: null };
  else if (!outcome) pairing = { status: "checking", unreachable: false };
  else if (outcome.kind === "unreachable") pairing = { status: "checking", unreachable: true };
  else if (outcome.kind === "paired")
    pairing = { status: "paired", deviceKey: attempt.key, centre: outcome.centre };
  else pairing = { status: "unpaired", problem: outcome.kind };

  return { pairing, pair, refused };
}
