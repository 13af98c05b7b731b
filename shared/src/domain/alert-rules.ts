import type { Alert, AlertThresholds } from "../api/monitoring.js";
import type { CounterStatus } from "../api/counters.js";
import { suggestFor, type CounterIndex, indexCounters } from "./alert-suggestions.js";

/**
 * The alert rules, pure: one centre's queue as it stands → the conditions that hold now. They run
 * on every queue change, so the work is one pass over services and counters with flat arrays.
 *
 * - `wait_over_target` warns *before* the target is broken: when the longest wait passes
 *   `waitWarnShare` (80 %) of the target, or when a visitor joining now is projected (by the ticket
 *   estimate) to wait past it. A manager so has a fifth of the target, or a whole target's time,
 *   to act. It turns critical once someone has waited past the target, and clears when the longest
 *   wait is back under `waitClearShare` (60 %) and the projection likewise under 60/80 of the target.
 * - `queue_surge` when this hour's arrivals reach `surgeRatio` × the forecast for the part of the
 *   hour gone by and exceed it by `surgeMinExcess` visitors; per service and for the whole centre.
 *   Clears under `surgeClearRatio`.
 * - `counter_idle` when an open counter with nobody at it has stood idle `idleMinutes` while people
 *   wait for a service it serves.
 * - `visit_overlong` when a visit has run `overlongFactor` × the service's usual (90th percentile)
 *   length; without a measured percentile, ln 10 ≈ 2.3 × the mean handling time stands in (the 90th
 *   percentile of exponentially distributed visit lengths).
 * - `service_uncovered` when someone has waited `uncoveredGraceSeconds` for a service no open
 *   counter serves (the grace lets an employee reopen with a new profile without an alert).
 */
export interface ServiceSnapshot {
  serviceId: string;
  /** Visitors waiting who could be called now. */
  waiting: number;
  longestWaitSeconds: number;
  targetWaitMinutes: number;
  /** The wait a visitor joining now is expected to have, as the ticket estimate gives it. */
  estimatedWaitSeconds: number | null;
  /** Mean handling time, the stand-in when `usualVisitSeconds` is unknown. */
  handlingSeconds: number;
  /** 90th percentile of recent visit lengths, when measured. */
  usualVisitSeconds: number | null;
  arrivalsThisHour: number;
  /** Expected arrivals for the whole of this hour; null without history. */
  forecastThisHour: number | null;
}

export interface CounterSnapshot {
  counterId: string;
  label: string;
  status: CounterStatus;
  /** Its work profile: the current one when open or on break, the last one used when closed. */
  serviceIds: readonly string[];
  /** Open with nobody at it: seconds since its last visitor left or it opened; otherwise null. */
  idleSeconds: number | null;
  /** The visitor called to or served at the counter, timed from the call. */
  visit: { serviceId: string; ticketId?: string; elapsedSeconds: number } | null;
}

export interface CentreSnapshot {
  services: readonly ServiceSnapshot[];
  counters: readonly CounterSnapshot[];
  /** Share of this hour's open time already gone by, 0–1 (10:15 in a full hour: 0.25). */
  hourElapsedShare: number;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An alert as the rules see it: what holds, before it has an id and a time. */
export type AlertCondition = DistributiveOmit<Alert, "centreId" | "id" | "raisedAt" | "clearedAt">;

export const alertKey = (kind: Alert["kind"], subject: string | undefined): string =>
  `${kind}:${subject ?? "centre"}`;

/** What an alert is about: the counter for counter kinds, else the service (none: the centre). */
export const alertSubject = (alert: Pick<Alert, "kind" | "serviceId" | "counterId">): string | undefined =>
  alert.kind === "counter_idle" || alert.kind === "visit_overlong" ? alert.counterId : alert.serviceId;

/** ln 10: the 90th percentile of an exponential distribution, in means. */
const P90_PER_MEAN = Math.LN10;

/**
 * The conditions that hold in `snapshot`. `active` holds the keys of the alerts active before this
 * evaluation: for those the gentler clearing thresholds apply.
 */
export function evaluateAlerts(
  snapshot: CentreSnapshot,
  thresholds: AlertThresholds,
  active: ReadonlySet<string> = new Set(),
): AlertCondition[] {
  const index = indexCounters(snapshot);
  const out: AlertCondition[] = [];
  let centreArrivals = 0;
  let centreForecast = 0;
  snapshot.services.forEach((service, s) => {
    waitOverTarget(service, s, index, thresholds, active, out);
    uncovered(service, s, index, thresholds, out);
    if (service.forecastThisHour !== null) {
      centreArrivals += service.arrivalsThisHour;
      centreForecast += service.forecastThisHour;
      surge(
        service.serviceId,
        service.arrivalsThisHour,
        service.forecastThisHour,
        snapshot,
        thresholds,
        active,
        out,
      );
    }
  });
  surge(undefined, centreArrivals, centreForecast, snapshot, thresholds, active, out);
  snapshot.counters.forEach((counter, c) => {
    counterIdle(counter, c, index, snapshot, thresholds, out);
    visitOverlong(counter, index, snapshot, thresholds, out);
  });
  return out;
}

function waitOverTarget(
  service: ServiceSnapshot,
  s: number,
  index: CounterIndex,
  t: AlertThresholds,
  active: ReadonlySet<string>,
  out: AlertCondition[],
): void {
  if (service.waiting <= 0) return;
  const target = service.targetWaitMinutes * 60;
  const projected = t.projectedWait ? service.estimatedWaitSeconds : null;
  let byLongest = service.longestWaitSeconds >= t.waitWarnShare * target;
  let byProjection = projected !== null && projected >= target;
  // The key is built only when needed: string keys for every quiet service were most of the cost.
  let key: string | undefined;
  if (!byLongest && !byProjection) {
    // Not enough to raise; enough to keep an alert already active (the gentler clearing levels)?
    byLongest = service.longestWaitSeconds >= t.waitClearShare * target;
    byProjection = projected !== null && projected >= (t.waitClearShare / t.waitWarnShare) * target;
    if (!byLongest && !byProjection) return;
    key = alertKey("wait_over_target", service.serviceId);
    if (!active.has(key)) return;
  }
  out.push({
    key: key ?? alertKey("wait_over_target", service.serviceId),
    kind: "wait_over_target",
    serviceId: service.serviceId,
    severity: service.longestWaitSeconds > target ? "critical" : "warning",
    details: {
      waiting: service.waiting,
      longestWaitSeconds: service.longestWaitSeconds,
      targetWaitSeconds: target,
      projectedWaitSeconds: service.estimatedWaitSeconds,
      coveringCounters: index.covering[s] ?? 0,
      trigger: byLongest ? "longest_wait" : "projected_wait",
    },
    suggestion: suggestFor(service.serviceId, s, index, true),
  });
}

function uncovered(
  service: ServiceSnapshot,
  s: number,
  index: CounterIndex,
  t: AlertThresholds,
  out: AlertCondition[],
): void {
  if (service.waiting <= 0 || (index.covering[s] ?? 0) > 0) return;
  if (service.longestWaitSeconds < t.uncoveredGraceSeconds) return;
  out.push({
    key: alertKey("service_uncovered", service.serviceId),
    kind: "service_uncovered",
    serviceId: service.serviceId,
    severity: "critical",
    details: { waiting: service.waiting, longestWaitSeconds: service.longestWaitSeconds },
    suggestion: suggestFor(service.serviceId, s, index, false),
  });
}

function surge(
  serviceId: string | undefined,
  arrivals: number,
  forecast: number,
  snapshot: CentreSnapshot,
  t: AlertThresholds,
  active: ReadonlySet<string>,
  out: AlertCondition[],
): void {
  const expected = forecast * Math.min(1, Math.max(0, snapshot.hourElapsedShare));
  const ratio = expected > 0 ? arrivals / expected : null;
  const raises = arrivals - expected >= t.surgeMinExcess && (ratio === null || ratio >= t.surgeRatio);
  if (!raises && !(ratio === null ? arrivals >= t.surgeMinExcess : ratio >= t.surgeClearRatio)) return;
  const key = alertKey("queue_surge", serviceId);
  // Between the raising and the clearing levels only an alert already active goes on.
  if (!raises && !active.has(key)) return;
  out.push({
    key,
    kind: "queue_surge",
    ...(serviceId === undefined ? {} : { serviceId }),
    severity: "warning",
    details: {
      arrivalsThisHour: arrivals,
      expectedSoFar: Math.round(expected * 10) / 10,
      forecastThisHour: Math.round(forecast * 10) / 10,
      ratio: ratio === null ? null : Math.round(ratio * 100) / 100,
    },
    suggestion: null,
  });
}

function counterIdle(
  counter: CounterSnapshot,
  c: number,
  index: CounterIndex,
  snapshot: CentreSnapshot,
  t: AlertThresholds,
  out: AlertCondition[],
): void {
  if (counter.status !== "open" || counter.visit !== null || counter.idleSeconds === null) return;
  if (counter.idleSeconds < t.idleMinutes * 60) return;
  const waiting = index.waitingFor[c] ?? 0;
  if (waiting <= 0) return;
  const longest = snapshot.services[index.longestServiceOf[c] ?? -1];
  out.push({
    key: alertKey("counter_idle", counter.counterId),
    kind: "counter_idle",
    counterId: counter.counterId,
    severity: "warning",
    details: { counterLabel: counter.label, idleSeconds: counter.idleSeconds, waiting },
    suggestion: longest
      ? {
          action: "call_next",
          counterId: counter.counterId,
          counterLabel: counter.label,
          serviceId: longest.serviceId,
        }
      : null,
  });
}

function visitOverlong(
  counter: CounterSnapshot,
  index: CounterIndex,
  snapshot: CentreSnapshot,
  t: AlertThresholds,
  out: AlertCondition[],
): void {
  if (counter.visit === null) return;
  const service = snapshot.services[index.serviceIndex.get(counter.visit.serviceId) ?? -1];
  if (!service) return;
  const usual = service.usualVisitSeconds ?? P90_PER_MEAN * service.handlingSeconds;
  if (!(usual > 0) || counter.visit.elapsedSeconds < t.overlongFactor * usual) return;
  out.push({
    key: alertKey("visit_overlong", counter.counterId),
    kind: "visit_overlong",
    counterId: counter.counterId,
    serviceId: service.serviceId,
    severity: "warning",
    details: {
      counterLabel: counter.label,
      ...(counter.visit.ticketId === undefined ? {} : { ticketId: counter.visit.ticketId }),
      elapsedSeconds: counter.visit.elapsedSeconds,
      usualSeconds: Math.round(usual),
    },
    suggestion: { action: "check_counter", counterId: counter.counterId, counterLabel: counter.label },
  });
}
