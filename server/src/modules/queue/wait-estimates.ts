import {
  dayClosesAt,
  estimateCentreWaits,
  fitHandlingTime,
  foreseeCounters,
  serviceDay,
  zonedInstant,
  type OpeningHours,
  type PolicyWeights,
  type WaitEstimate,
} from "@dost/shared";
import type { Executor } from "../../db/client.js";
import type { CentrePresent } from "./estimator.repository.js";
import { localHour, type WaitKnowledgeCache } from "./wait-knowledge.js";

/**
 * Which estimate tickets carry: "simulation" plays the rest of the day forward under the real call
 * policy (shared/domain/wait-estimator.ts) and gives an 80% band; "throughput" is the former
 * people-ahead ÷ recent pace, kept for side-by-side comparison (`npm run simulate --estimator=both`).
 */
export type WaitEstimatorKind = "simulation" | "throughput";

export interface EstimatingCentre {
  id: string;
  timezone: string;
  policy: PolicyWeights;
  openingHours?: OpeningHours;
  closedDates?: ReadonlySet<string>;
}

/** A break's usual length when the counter's reason has no history: the minutes staff usually take. */
const USUAL_BREAK_MINUTES = 15;
/** A booking may still check in this long after its slot starts (CHECK_IN_AFTER_MINUTES's default). */
const CHECK_IN_AFTER_MINUTES = 15;

/** A booking may still check in this long after its slot starts: the bookings still to come. */
export function pendingSince(now: Date): Date {
  return new Date(now.getTime() - CHECK_IN_AFTER_MINUTES * 60_000);
}

/** The whole centre's estimates from its present state (read by the caller) and learned history. */
export async function simulateCentreWaits(
  ex: Executor,
  centre: EstimatingCentre,
  now: Date,
  knowledgeCache: WaitKnowledgeCache,
  { counters, waiting, appointments }: CentrePresent,
): Promise<{ tickets: Map<string, WaitEstimate>; newcomers: Map<string, WaitEstimate> }> {
  const day = serviceDay(now, centre.timezone);
  const knowledge = await knowledgeCache.get(ex, centre, now);
  const closes =
    (centre.openingHours &&
      dayClosesAt(day, {
        timeZone: centre.timezone,
        openingHours: centre.openingHours,
        closedDates: centre.closedDates ?? new Set(),
        lastTicketMinutesBeforeClosing: 0,
      })) ||
    // Without hours, the end of the local day bounds every wait.
    new Date(now.getTime() + 12 * 3_600_000);
  const closesAt = closes.getTime() > now.getTime() ? closes : new Date(now.getTime() + 60_000);
  const rates = knowledge.priorityRates.get(localHour(now, centre.timezone));
  const serviceIds = new Set([...knowledge.handling.keys()]);
  for (const t of waiting) serviceIds.add(t.serviceId);
  // The counters as they are, and as their habits on this weekday say they will be through the day.
  const estimatorCounters = foreseeCounters(
    counters.map((c) => ({
      id: c.id,
      serviceIds: c.serviceIds,
      status: c.status,
      statusSince: c.statusSince,
      serving:
        c.servingServiceId && c.servingCalledAt
          ? { serviceId: c.servingServiceId, calledAt: c.servingCalledAt }
          : null,
    })),
    knowledge.counterHabits,
    now,
    zonedInstant(day, 0, centre.timezone),
    USUAL_BREAK_MINUTES,
  );
  const estimates = estimateCentreWaits({
    now,
    closesAt,
    weights: centre.policy,
    services: [...serviceIds].map((serviceId) => ({
      serviceId,
      handling: knowledge.handling.get(serviceId) ?? fitHandlingTime(null, 10),
      priorityArrivalsPerHour: rates?.get(serviceId) ?? {},
    })),
    counters: estimatorCounters,
    waiting,
    appointments,
    appointmentArrival: knowledge.appointmentArrival,
    counterTimingSpreadMinutes: knowledge.counterHabits.spreadMinutes,
  });
  return { tickets: estimates.tickets, newcomers: estimates.newcomers };
}
