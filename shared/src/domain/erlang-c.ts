/**
 * Erlang C (the M/M/N queue): how likely a visitor is to wait, and how many counters keep most
 * waits under a target, when visitors arrive at random (Poisson) and visits last an exponentially
 * distributed time. The model commercial queue and contact-centre systems staff by.
 *
 * Written here rather than taken from npm: no maintained, browser-safe package does it (see the
 * report of issue 17); and the numerics are a dozen lines. The one numerical care: never form
 * A^N / N!, which overflows beyond ~170 counters. The Erlang B recursion
 * B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)) stays within (0, 1] at every step, and Erlang C
 * follows from B: C = N·B / (N − A·(1 − B)).
 */

/** Offered load in erlangs: the counters' worth of work arriving (arrivals per hour × hours each). */
export function offeredLoad(arrivalsPerHour: number, handlingSeconds: number): number {
  requireNonNegative("arrivalsPerHour", arrivalsPerHour);
  requireNonNegative("handlingSeconds", handlingSeconds);
  return (arrivalsPerHour * handlingSeconds) / 3600;
}

/** Erlang B: the share of arrivals that would find all `servers` busy if nobody could queue. */
export function erlangB(servers: number, load: number): number {
  requireCount("servers", servers);
  requireNonNegative("load", load);
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (load * b) / (k + load * b);
  return b;
}

/**
 * Erlang C: the probability that an arrival has to wait at all. With no more counters than the load
 * the queue grows without bound, so everyone waits: 1.
 */
export function erlangC(servers: number, load: number): number {
  requireCount("servers", servers);
  requireNonNegative("load", load);
  if (load === 0) return 0;
  if (servers <= load) return 1;
  return erlangCFromB(servers, load, erlangB(servers, load));
}

function erlangCFromB(servers: number, load: number, b: number): number {
  return (servers * b) / (servers - load * (1 - b));
}

export interface QueueLoad {
  /** Visitors arriving per hour. */
  arrivalsPerHour: number;
  /** Mean time a counter spends on one visitor, in seconds. */
  handlingSeconds: number;
}

/**
 * The service level: the share of visitors called within `targetWaitSeconds`,
 * P(wait ≤ t) = 1 − C · e^(−(N − A)·t / h). Zero when the queue is unstable (N ≤ A).
 */
export function serviceLevel(queue: QueueLoad, counters: number, targetWaitSeconds: number): number {
  requireNonNegative("targetWaitSeconds", targetWaitSeconds);
  const load = offeredLoad(queue.arrivalsPerHour, queue.handlingSeconds);
  if (load === 0) return 1;
  if (counters <= load) return 0;
  return levelFromC(erlangC(counters, load), counters, load, queue.handlingSeconds, targetWaitSeconds);
}

function levelFromC(c: number, n: number, load: number, handling: number, target: number): number {
  return 1 - c * Math.exp((-(n - load) * target) / handling);
}

/** The mean wait before being called (the "average speed of answer"), C · h / (N − A); ∞ if unstable. */
export function averageWaitSeconds(queue: QueueLoad, counters: number): number {
  const load = offeredLoad(queue.arrivalsPerHour, queue.handlingSeconds);
  if (load === 0) return 0;
  if (counters <= load) return Number.POSITIVE_INFINITY;
  return (erlangC(counters, load) * queue.handlingSeconds) / (counters - load);
}

export interface StaffingTarget {
  /** The wait most visitors should not exceed. */
  targetWaitSeconds: number;
  /** The share of visitors that must be called within it; the industry's usual 80 %. */
  serviceLevel?: number;
  /** Optionally also cap the mean wait. */
  maxAverageWaitSeconds?: number;
}

export const DEFAULT_SERVICE_LEVEL = 0.8;

/** Rounding slack so that a service level of exactly 0.8 computed as 0.7999999999 still counts. */
const EPSILON = 1e-12;

/**
 * The fewest counters that call `serviceLevel` of visitors within the target wait (and keep the mean
 * wait under its cap, when given). Counters must exceed the load for the queue to be stable, so
 * the search starts just above it and walks up, carrying the Erlang B recursion along: O(N) in all.
 * Service level rises with every counter added and tends to 1, so the walk ends.
 */
export function countersNeeded(queue: QueueLoad, target: StaffingTarget): number {
  const level = target.serviceLevel ?? DEFAULT_SERVICE_LEVEL;
  if (!(level >= 0 && level < 1)) throw new RangeError("serviceLevel must be in [0, 1)");
  requireNonNegative("targetWaitSeconds", target.targetWaitSeconds);
  if (target.maxAverageWaitSeconds !== undefined) {
    requireNonNegative("maxAverageWaitSeconds", target.maxAverageWaitSeconds);
  }
  const load = offeredLoad(queue.arrivalsPerHour, queue.handlingSeconds);
  if (load === 0) return 0;
  // A few hundred counters cover any centre; the guard stops a nonsense input from spinning.
  const ceiling = Math.ceil(load) + 20 * Math.ceil(Math.sqrt(load)) + 100;
  let n = Math.floor(load) + 1;
  let b = erlangB(n, load);
  for (; n <= ceiling; n++, b = (load * b) / (n + load * b)) {
    const c = erlangCFromB(n, load, b);
    const meetsLevel =
      levelFromC(c, n, load, queue.handlingSeconds, target.targetWaitSeconds) >= level - EPSILON;
    const meetsMean =
      target.maxAverageWaitSeconds === undefined ||
      (c * queue.handlingSeconds) / (n - load) <= target.maxAverageWaitSeconds + EPSILON;
    if (meetsLevel && meetsMean) return n;
  }
  throw new RangeError(`no staffing up to ${ceiling} counters meets the target`);
}

function requireNonNegative(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  }
}

function requireCount(name: string, value: number): void {
  if (!(Number.isInteger(value) && value >= 0)) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
}
