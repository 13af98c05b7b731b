import { fitHandlingTime } from "./handling-time.js";
import { seededRandom } from "./random.js";
import type { WaitEstimatorInput } from "./wait-estimator-input.js";
import { compileCentre } from "./wait-centre.js";
import { CentreSimulation } from "./wait-simulation.js";

/**
 * Wait estimates by forward simulation of the real call policy from the centre's present state.
 *
 * Each replica plays the rest of the day forward: every counter, when free, calls the highest
 * score among the services of its profile (`pickNext`), visits last a draw from their service's
 * learned handling time (the visits under way: the remainder given how long they have run),
 * priority visitors arrive and go ahead, checked-in appointments go ahead when their slot starts
 * and booked ones check in or not. The time each waiting ticket is called in each replica gives its
 * expected wait and its band; one pass estimates every ticket of the centre and a newcomer to each
 * service. The replicas are seeded, so the same input gives the same answer.
 *
 * Only tickets that could ever be called ahead of a ticket we estimate are simulated: an ordinary
 * walk-in who arrives later scores lower than every ticket waiting now, forever (score = seconds
 * waited + a fixed bonus), and so does a priority visitor arriving more than their bonus from now,
 * or an appointment checking in more than the appointment bonus from now. They are left out.
 * (What that leaves out is second order: such a ticket can only keep busy a counter that has
 * nobody we estimate left to call.)
 */

export interface WaitEstimatorOptions {
  /** How many futures to play; by default as many as fit the time budget for the centre's size. */
  replicas?: number;
  seed?: number;
  /** The share of waits the band should hold: 0.8, "four times out of five". */
  coverage?: number;
}

export interface WaitEstimate {
  /** Mean wait from now, minutes (one decimal); a wait past closing counts as until closing. */
  expectedMinutes: number;
  /** The equal-tailed band holding `coverage` of the simulated waits, minutes (one decimal, rounded outward). */
  range: { low: number; high: number };
  /** Share of the futures in which the ticket is called before closing. */
  calledBeforeCloseShare: number;
}

export interface CentreWaitEstimates {
  /** Per waiting ticket id. */
  tickets: Map<string, WaitEstimate>;
  /** Per service id: an ordinary visitor who took a ticket now. */
  newcomers: Map<string, WaitEstimate>;
  replicas: number;
}

/** Used for a ticket or counter naming a service the input has no model for. */
const FALLBACK_HANDLING = fitHandlingTime(null, 10);

/**
 * Replicas by default: a replica costs about one step per waiting ticket and counter, so a bigger
 * centre gets fewer, keeping a whole-centre estimate within its 5 ms budget (bench/estimator.ts):
 * 34 for 300 waiting at 40 counters, about 120 for a usual 60 waiting at 20 counters. Even 34 give
 * a band that holds its share (see `bandQuantile`); the mean's own noise is then a sixth of the wait's
 * spread, small beside the spread itself.
 */
export function defaultReplicas(waiting: number, counters: number): number {
  return Math.max(24, Math.min(160, Math.round(12_000 / (waiting + counters + 15))));
}

export function estimateCentreWaits(
  input: WaitEstimatorInput,
  options: WaitEstimatorOptions = {},
): CentreWaitEstimates {
  const coverage = options.coverage ?? 0.8;
  if (!(coverage > 0 && coverage < 1)) throw new RangeError("coverage must be between 0 and 1");
  const replicas = Math.max(
    1,
    Math.floor(options.replicas ?? defaultReplicas(input.waiting.length, input.counters.length)),
  );
  const centre = compileCentre(input, FALLBACK_HANDLING);
  const simulation = new CentreSimulation(centre, replicas);
  const random = seededRandom(options.seed ?? 0x5eed);
  for (let r = 0; r < replicas; r++) simulation.run(random, r);

  const closeMs = Math.max(0, input.closesAt.getTime() - input.now.getTime());
  const lowP = (1 - coverage) / 2;
  const summarise = (target: number): WaitEstimate => {
    const waits = simulation.waitsOf(target);
    let called = 0;
    let sum = 0;
    for (let r = 0; r < waits.length; r++) {
      const w = waits[r]!;
      if (Number.isNaN(w)) waits[r] = closeMs;
      else called++;
      sum += waits[r]!;
    }
    return {
      expectedMinutes: minutes(sum / waits.length),
      // Rounded outward, so that rounding never narrows the band.
      range: {
        low: Math.floor(bandQuantile(waits, lowP) / 6_000) / 10,
        high: Math.ceil(bandQuantile(waits, 1 - lowP) / 6_000) / 10,
      },
      calledBeforeCloseShare: called / waits.length,
    };
  };

  const tickets = new Map<string, WaitEstimate>();
  centre.ticketIds.forEach((id, target) => tickets.set(id, summarise(target)));
  const newcomers = new Map<string, WaitEstimate>();
  centre.serviceIds.forEach((id, s) => newcomers.set(id, summarise(centre.waitingCount + s)));
  return { tickets, newcomers, replicas };
}

const minutes = (ms: number): number => Math.round(ms / 6_000) / 10;

/**
 * The estimate as it may be told to a visitor, or null when it would be falsely certain: if, in
 * nearly every simulated future, nobody calls the ticket before closing (no counter open for its
 * service and none expected to open), "until closing" with a band of nothing would be a figure
 * without knowledge behind it. The visitor is told that no counter is open yet instead.
 */
export function tellableEstimate(estimate: WaitEstimate | undefined, coverage = 0.8): WaitEstimate | null {
  if (!estimate) return null;
  return estimate.calledBeforeCloseShare < (1 - coverage) / 2 ? null : estimate;
}

/**
 * The sample quantile at plotting position p·(n + 1) (Hyndman and Fan's type 6), interpolating
 * between order statistics. A new draw from the same distribution falls between the j-th and k-th
 * smallest of n draws with probability (k − j) / (n + 1), so with these positions the band holds
 * its share of waits even from a few dozen replicas; the usual type 7 positions would hold only
 * 76% instead of 80% with 42 replicas. Found by selection, not a full sort (two per ticket, for
 * every ticket of the centre); reorders `values`.
 */
export function bandQuantile(values: Float64Array, p: number): number {
  const n = values.length;
  const at = Math.min(n - 1, Math.max(0, p * (n + 1) - 1));
  const below = Math.floor(at);
  const lower = select(values, below);
  if (below + 1 >= n || at === below) return lower;
  // Everything after position `below` is now at least `lower`: the next order statistic is their minimum.
  let upper = Infinity;
  for (let i = below + 1; i < n; i++) if (values[i]! < upper) upper = values[i]!;
  return lower + (upper - lower) * (at - below);
}

/** Hoare's quickselect: puts the k-th smallest at k, smaller before, larger after; returns it. */
function select(a: Float64Array, k: number): number {
  let left = 0;
  let right = a.length - 1;
  while (left < right) {
    const pivot = a[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const x = a[i]!;
        a[i] = a[j]!;
        a[j] = x;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k]!;
}
