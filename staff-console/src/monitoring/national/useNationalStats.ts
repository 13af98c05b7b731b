import type { NationalStats } from "@dost/shared";
import { useEffect, useState } from "react";
import { ApiError, type FailureCode } from "@dost/shared/client";
import { useSession } from "../../session/session.js";

/**
 * Every centre's figures, polled: watching all 31 centres' events would mean thousands a minute at
 * the ministry, for a table a person reads every few seconds at best.
 */
export const NATIONAL_POLL_MS = 15_000;

export function useNationalStats(): { stats: NationalStats | null; failure: FailureCode | null } {
  const { api } = useSession();
  const [stats, setStats] = useState<NationalStats | null>(null);
  const [failure, setFailure] = useState<FailureCode | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      api.nationalStats().then(
        (next) => {
          if (!live) return;
          setStats(next);
          setFailure(null);
        },
        (error: unknown) => live && setFailure(error instanceof ApiError ? error.code : "NETWORK"),
      );
    void load();
    const poll = setInterval(() => void load(), NATIONAL_POLL_MS);
    return () => {
      live = false;
      clearInterval(poll);
    };
  }, [api]);

  return { stats, failure };
}
