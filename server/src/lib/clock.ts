/** Time is a dependency, so tests can move it (a new service day, a closing hour) without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
