import { normalCdf, normalQuantile, type Random } from "./random.js";

/**
 * How long a visit holds a counter, learned from history, as a lognormal distribution per service.
 *
 * The duration measured is **call → release**: from the call to the complete, no-show or transfer
 * that frees the counter. A wait ends at the call, and a counter calls its next visitor when it is
 * released, so this is the span that decides everybody else's wait. It includes the walk to the
 * counter (call → start) and the called visitors who never come (no-shows hold the counter for the
 * recall), both of which start → complete would leave out, making the centre look faster than it is.
 *
 * The server supplies per service only three numbers, cheap to keep:
 *
 * ```sql
 * SELECT service_id, count(*) AS count, avg(ln(secs)) AS "meanLog",
 *        coalesce(var_samp(ln(secs)), 0) AS "varLog"
 * FROM call_to_release_last_8_weeks GROUP BY service_id
 * ```
 *
 * (or kept up to date as `count`, `sum(ln s)` and `sum(ln² s)` columns of the hourly aggregates,
 * which the stats trigger can add to on each release like it adds `service_seconds` now).
 */
export interface HandlingTimeStats {
  /** How many visits were measured. */
  count: number;
  /** Mean of ln(seconds). */
  meanLog: number;
  /** Sample variance of ln(seconds); 0 or anything not finite when fewer than two. */
  varLog: number;
}

/** A lognormal: ln(seconds) is normal with mean `mu` and standard deviation `sigma`. */
export interface HandlingTimeModel {
  mu: number;
  sigma: number;
}

/**
 * What is assumed before there is history: the configured `handlingMinutes` as the mean and this
 * spread of ln(seconds) (0.55 is a coefficient of variation of about 0.6, typical of counter work),
 * worth `weight` visits. With n measured visits the fit is (n·data + weight·prior) / (n + weight),
 * so a new service starts at its configuration and follows its history as visits accumulate.
 */
export interface HandlingPrior {
  sigma: number;
  weight: number;
}

export const DEFAULT_HANDLING_PRIOR: HandlingPrior = { sigma: 0.55, weight: 20 };

/** Bounds on the spread, so a handful of identical or absurd durations cannot make it 0 or huge. */
const MIN_SIGMA = 0.05;
const MAX_SIGMA = 2;

export function fitHandlingTime(
  stats: HandlingTimeStats | null,
  handlingMinutes: number,
  prior: HandlingPrior = DEFAULT_HANDLING_PRIOR,
): HandlingTimeModel {
  if (!(handlingMinutes > 0)) throw new RangeError("handlingMinutes must be positive");
  const priorVar = prior.sigma * prior.sigma;
  const priorMu = Math.log(handlingMinutes * 60) - priorVar / 2;
  const data = stats && stats.count >= 1 && Number.isFinite(stats.meanLog) ? stats : null;
  const n = data ? Math.floor(data.count) : 0;
  const mu = data ? (n * data.meanLog + prior.weight * priorMu) / (n + prior.weight) : priorMu;
  // The variance has n - 1 degrees of freedom; a single visit says nothing about the spread.
  const spread = data && n >= 2 && Number.isFinite(data.varLog) && data.varLog >= 0 ? data.varLog : null;
  const variance =
    spread !== null ? ((n - 1) * spread + prior.weight * priorVar) / (n - 1 + prior.weight) : priorVar;
  return { mu, sigma: Math.min(MAX_SIGMA, Math.max(MIN_SIGMA, Math.sqrt(variance))) };
}

/** The server's summary, computed here from raw durations (for the day model and for tests). */
export function summariseHandlingSeconds(seconds: Iterable<number>): HandlingTimeStats {
  let count = 0;
  let mean = 0;
  let m2 = 0;
  // Welford's running variance: one pass, no cancellation.
  for (const s of seconds) {
    const x = Math.log(Math.max(1, s));
    count++;
    const delta = x - mean;
    mean += delta / count;
    m2 += delta * (x - mean);
  }
  return { count, meanLog: count > 0 ? mean : 0, varLog: count > 1 ? m2 / (count - 1) : 0 };
}

export function handlingMeanSeconds(model: HandlingTimeModel): number {
  return Math.exp(model.mu + (model.sigma * model.sigma) / 2);
}

export function handlingQuantileSeconds(model: HandlingTimeModel, p: number): number {
  return Math.exp(model.mu + model.sigma * normalQuantile(p));
}

export function drawHandlingSeconds(model: HandlingTimeModel, random: Random): number {
  return Math.exp(model.mu + model.sigma * random.normal());
}

/** The share of visits shorter than `seconds`: the distribution function. */
export function handlingShareBelow(model: HandlingTimeModel, seconds: number): number {
  if (seconds <= 0) return 0;
  if (model.sigma === 0) return seconds > Math.exp(model.mu) ? 1 : 0;
  return normalCdf((Math.log(seconds) - model.mu) / model.sigma);
}

/**
 * What is left of a visit that has held the counter for `elapsedSeconds`: a draw from the duration
 * given that it exceeds the elapsed time, minus the elapsed time. Drawn by inverting the
 * distribution function above F(elapsed), so a visit running long is expected to run on (a
 * lognormal's expected remainder grows with age), not to end at once. `shareBelow` is F(elapsed),
 * which a caller drawing many times for the same visit computes once.
 */
export function drawRemainingSeconds(
  model: HandlingTimeModel,
  elapsedSeconds: number,
  random: Random,
  shareBelow = handlingShareBelow(model, elapsedSeconds),
): number {
  if (elapsedSeconds <= 0) return drawHandlingSeconds(model, random);
  if (model.sigma === 0) return Math.max(0, Math.exp(model.mu) - elapsedSeconds);
  // Capped below 1 so a visit far beyond anything seen still gets a finite remainder.
  const p = Math.min(1 - 1e-9, shareBelow + random.uniform() * (1 - shareBelow));
  return Math.max(0, Math.exp(model.mu + model.sigma * normalQuantile(p)) - elapsedSeconds);
}
