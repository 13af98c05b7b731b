import type { Priority } from "../api/tickets.js";
import type { HandlingTimeModel } from "./handling-time.js";
import type { PolicyWeights, QueueCandidate } from "./queue-policy.js";

/**
 * What the wait estimator is told about a centre at one moment: what the server knows (its
 * counters, queue and bookings) and what it has learned from history (handling times, priority
 * arrivals, how booked visitors turn up). Plain data, so the server can build it from a few
 * queries and the offline day model from its own state.
 */

/** A counter as the server knows it now. */
export interface EstimatorCounter {
  id: string;
  /** The services of its work profile (for a closed counter: the profile it last had). */
  serviceIds: readonly string[];
  status: "open" | "break" | "closed";
  /**
   * When a counter on break or closed is expected to call again (a break's usual length after it
   * began, the usual opening time of a counter not yet opened today); null or absent: not today.
   * Ignored for open counters.
   */
  availableAt?: Date | null;
  /** The visit it holds now (called or serving): its service and when it was called. */
  serving?: { serviceId: string; calledAt: Date } | null;
  /**
   * Breaks expected later today (from a rota, or the counter's usual ones learned from history):
   * it stops calling at `from`, or when the visit it holds then ends, for `minutes`.
   */
  breaks?: readonly { from: Date; minutes: number }[];
  /** When it is expected to stop calling for the day (its shift's end); absent or null: closing. */
  leavesAt?: Date | null;
}

export interface EstimatorService {
  serviceId: string;
  /** Learned call → release time (see `fitHandlingTime`). */
  handling: HandlingTimeModel;
  /**
   * Priority walk-ins expected per hour at this time of day, per group (learned from the same
   * weekday and hour of past weeks). Ordinary ones are never ahead of anybody waiting: ignored.
   */
  priorityArrivalsPerHour?: Partial<Record<Priority, number>>;
  /** Share of booked appointments that check in, when it differs from the centre's. */
  appointmentShowRate?: number;
}

/** An appointment booked for today and not checked in yet. */
export interface EstimatorAppointment {
  serviceId: string;
  start: Date;
}

/** How booked visitors turn up: their share, and when they check in (minutes from slot start). */
export interface AppointmentArrival {
  showRate: number;
  /** Check-in is taken as uniform between these two (e.g. learned p10 and p90; before = negative). */
  earliestMinutes: number;
  latestMinutes: number;
}

export const DEFAULT_APPOINTMENT_ARRIVAL: AppointmentArrival = {
  showRate: 0.85,
  earliestMinutes: -20,
  latestMinutes: 10,
};

export interface WaitEstimatorInput {
  now: Date;
  /** No call after this (the centre's closing); a ticket not called by then expires. */
  closesAt: Date;
  weights: PolicyWeights;
  services: readonly EstimatorService[];
  counters: readonly EstimatorCounter[];
  waiting: readonly QueueCandidate[];
  appointments?: readonly EstimatorAppointment[];
  appointmentArrival?: AppointmentArrival;
  /**
   * Seconds from a counter's release, or from a ticket arriving at an idle counter, to the call
   * (learned: the usual time staff take to press "call next"); 0 by default.
   */
  turnaroundSeconds?: number;
  /**
   * How far counters stray from their expected times (`availableAt`, `breaks`, `leavesAt`),
   * minutes either way (learned from how far the usual times wander day to day); 0 by default.
   */
  counterTimingSpreadMinutes?: number;
}
