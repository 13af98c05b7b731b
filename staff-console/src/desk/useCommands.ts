import { useCallback, useRef, useState } from "react";
import { ApiError, type FailureCode } from "@dost/shared/client";

export type Outcome<T> = { ok: true; value: T } | { ok: false };

/**
 * Runs the desk's requests. A press while another is under way is ignored, so a double click never
 * calls two visitors; `force` is for a held action whose time has come, which must not be lost.
 * Every answer, good or bad, is followed by a refresh, so the screen shows the server's state and
 * not what we hoped it would be.
 */
export function useCommands(afterEach: () => void) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FailureCode | null>(null);
  const running = useRef(0);

  const run = useCallback(
    async <T>(task: () => Promise<T>, options: { force?: boolean } = {}): Promise<Outcome<T>> => {
      if (running.current > 0 && !options.force) return { ok: false };
      running.current += 1;
      setBusy(true);
      setFailure(null);
      try {
        return { ok: true, value: await task() };
      } catch (error) {
        setFailure(error instanceof ApiError ? error.code : "NETWORK");
        return { ok: false };
      } finally {
        running.current -= 1;
        setBusy(running.current > 0);
        afterEach();
      }
    },
    [afterEach],
  );

  const dismiss = useCallback(() => setFailure(null), []);
  return { busy, failure, run, dismiss };
}
