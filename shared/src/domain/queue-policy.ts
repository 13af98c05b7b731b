import type { Priority } from "../api/tickets.js";

/**
 * Weighted-wait policy: score = seconds waited + priority bonus + appointment bonus.
 * Every bonus is finite, so an ordinary visitor who waits long enough always beats a newcomer:
 * nobody is starved by a stream of priority tickets.
 */
export interface PolicyWeights {
  priorityBonusSeconds: Record<Priority, number>;
  /** Added once a checked-in appointment's slot has started; before that it waits as a walk-in. */
  appointmentBonusSeconds: number;
}

export const DEFAULT_POLICY_WEIGHTS: PolicyWeights = {
  priorityBonusSeconds: {
    none: 0,
    disability: 900,
    veteran: 900,
    martyr_family: 900,
    elderly: 600,
    pregnant: 600,
  },
  appointmentBonusSeconds: 3600,
};

export interface QueueCandidate {
  id: string;
  serviceId: string;
  priority: Priority;
  /** When the ticket joined this queue: issue time, kept across a transfer. */
  queuedAt: Date;
  /** Slot start of a checked-in appointment, else null. */
  appointmentAt: Date | null;
}

export function bonusSeconds(candidate: QueueCandidate, now: Date, weights: PolicyWeights): number {
  const appointment =
    candidate.appointmentAt !== null && candidate.appointmentAt.getTime() <= now.getTime()
      ? weights.appointmentBonusSeconds
      : 0;
  return weights.priorityBonusSeconds[candidate.priority] + appointment;
}

export function score(candidate: QueueCandidate, now: Date, weights: PolicyWeights): number {
  return (now.getTime() - candidate.queuedAt.getTime()) / 1000 + bonusSeconds(candidate, now, weights);
}

/**
 * Orders by score, highest first. `now` is common to all candidates, so comparing
 * `queuedAt - bonus` in whole milliseconds gives the same order exactly, with no float rounding,
 * and it is what the SQL compares. Ties go to the earlier ticket, then to the smaller id.
 */
export function compareCandidates(
  a: QueueCandidate,
  b: QueueCandidate,
  now: Date,
  weights: PolicyWeights,
): number {
  const effective = (c: QueueCandidate) => c.queuedAt.getTime() - bonusSeconds(c, now, weights) * 1000;
  return (
    effective(a) - effective(b) ||
    a.queuedAt.getTime() - b.queuedAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The ticket a counter serving `serviceIds` should call now, or null when none waits. */
export function pickNext(
  waiting: readonly QueueCandidate[],
  serviceIds: readonly string[],
  now: Date,
  weights: PolicyWeights,
): QueueCandidate | null {
  const served = new Set(serviceIds);
  let best: QueueCandidate | null = null;
  for (const candidate of waiting) {
    if (!served.has(candidate.serviceId)) continue;
    if (best === null || compareCandidates(candidate, best, now, weights) < 0) best = candidate;
  }
  return best;
}
