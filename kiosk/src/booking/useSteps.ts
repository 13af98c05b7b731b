import { useCallback, useEffect, useState } from "react";

interface StepState {
  bookingDepth: number;
}

const depthOf = (state: unknown): number =>
  typeof state === "object" && state !== null && typeof (state as StepState).bookingDepth === "number"
    ? (state as StepState).bookingDepth
    : 0;

/**
 * The steps of a wizard as a stack, tied to the browser's history: each step forward is a history
 * entry, so a phone's Back button (or gesture) goes back one step instead of leaving the page and
 * losing every choice made so far.
 */
export function useSteps<S>(first: S) {
  const [stack, setStack] = useState<S[]>([first]);

  useEffect(() => {
    const onPop = (event: PopStateEvent) => setStack((s) => s.slice(0, depthOf(event.state) + 1));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  const push = (next: S) => {
    window.history.pushState({ bookingDepth: stack.length } satisfies StepState, "");
    setStack((s) => [...s, next]);
  };

  /** Changes the current step in place (its month, its chosen day) without a new history entry. */
  const replace = useCallback((next: S) => setStack((s) => [...s.slice(0, -1), next]), []);

  const back = () => window.history.back();

  /** Back to the first step, as after a booking: history entries before are left as they are. */
  const restart = () => {
    window.history.replaceState({ bookingDepth: 0 } satisfies StepState, "");
    setStack([first]);
  };

  return { step: stack.at(-1) ?? first, depth: stack.length - 1, push, replace, back, restart };
}
