import type { PublicWaits } from "@dost/shared";
import { useCallback, useEffect, useState } from "react";
import { fetchPublicWaits } from "../api/client.js";

/**
 * How often the page asks again. The server caches the figures for 15 s, so asking more often
 * would only return the same answer; 20 s keeps a phone on the page within half a minute of the hall.
 */
export const WAITS_REFRESH_MS = 20_000;

export interface WaitsState {
  /** The last figures received, kept through a failed refresh so the page never goes blank. */
  waits: PublicWaits | null;
  /** The last attempt failed (with `waits` null: nothing to show yet). */
  failed: boolean;
  retry(): void;
}

export function useWaits(): WaitsState {
  const [waits, setWaits] = useState<PublicWaits | null>(null);
  const [failed, setFailed] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    const load = () =>
      fetchPublicWaits().then(
        (answer) => {
          if (!current) return;
          setWaits(answer);
          setFailed(false);
        },
        () => current && setFailed(true),
      );
    void load();
    const timer = setInterval(() => void load(), WAITS_REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [generation]);

  const retry = useCallback(() => setGeneration((g) => g + 1), []);
  return { waits, failed, retry };
}
