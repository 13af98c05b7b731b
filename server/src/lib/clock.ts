/** Time is a dependency, so tests can move it (a new service day, a closing hour) without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at `start` and runs `speed` times faster than real time (CONTRACT.md
 * "Simulated clock"): a whole centre day in half an hour at 16x, or, at 1x, real time passing from
 * a chosen moment, such as a weekday morning whatever hour the tests run at.
 */
export function scaledClock(start: Date, speed = 1): Clock & { speed: number } {
  const startedAt = performance.now();
  return {
    speed,
    now: () => new Date(start.getTime() + (performance.now() - startedAt) * speed),
  };
}
