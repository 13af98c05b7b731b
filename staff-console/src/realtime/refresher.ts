/**
 * Coalesces bursts of "something changed" into few fetches: a call emits four events at once, and
 * a busy centre emits many a second. One run at a time; a request during a run schedules exactly
 * one more after it, so the last state fetched is never older than the last event.
 */
export function createRefresher(run: () => Promise<void>, delayMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let stopped = false;

  async function fire(): Promise<void> {
    timer = undefined;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await run();
    } finally {
      running = false;
      if (again && !stopped) {
        again = false;
        request();
      }
    }
  }

  function request(): void {
    if (stopped || timer !== undefined) return;
    timer = setTimeout(() => void fire(), delayMs);
  }

  return {
    request,
    /** Runs now (after any run in progress), for a reconnect or an action's answer. */
    now(): void {
      if (timer !== undefined) clearTimeout(timer);
      void fire();
    },
    stop(): void {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
