import { useCallback, useEffect, useEffectEvent, useState } from "react";
import { ApiError } from "@dost/shared/client";

export type Loaded<T> =
  { status: "loading" } | { status: "ready"; data: T } | { status: "failed"; error: ApiError };

const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : ApiError.unreachable(error instanceof Error ? error.message : "failed");

/**
 * Loads what `key` names and reloads when the key changes or on `retry`. An answer that arrives
 * after the key has moved on is dropped, so a fast tap through months never shows a stale month.
 */
export function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> & { retry(): void } {
  const [generation, setGeneration] = useState(0);
  const wanted = `${generation}:${key}`;
  const [settled, setSettled] = useState<{ wanted: string; loaded: Loaded<T> } | null>(null);
  const run = useEffectEvent(load);

  useEffect(() => {
    let current = true;
    run().then(
      (data) => current && setSettled({ wanted, loaded: { status: "ready", data } }),
      (error: unknown) =>
        current && setSettled({ wanted, loaded: { status: "failed", error: asApiError(error) } }),
    );
    return () => {
      current = false;
    };
  }, [wanted]);

  const retry = useCallback(() => setGeneration((g) => g + 1), []);
  const loaded: Loaded<T> = settled?.wanted === wanted ? settled.loaded : { status: "loading" };
  return { ...loaded, retry };
}
