import type { Priority } from "../../api/tickets.js";
import { seededRandom, seedOf, type Random } from "../random.js";
import { zonedInstant } from "../zoned-time.js";
import type { DayModelConfig, DayServiceSpec, PriorityGroup } from "./day-config.js";

/**
 * A day's events, drawn from a `DayModelConfig` and a seed, before any queue exists: who comes
 * when for what, who booked which slot, each visit's true length, and each counter's shift and
 * breaks. Nothing here depends on the call policy, so the same plan can be played by the offline
 * simulation (`simulateDay`) or driven through the real server. Times are epoch milliseconds.
 */
export interface PlannedVisitor {
  id: string;
  kind: "walk_in" | "appointment";
  serviceId: string;
  priority: Priority;
  /** When the ticket is issued (a walk-in) or the appointment checked in. */
  arrivesAt: number;
  /** The booked slot's start, for an appointment; null for a walk-in. */
  appointmentAt: number | null;
  /** The booking this visitor checks in for, if any. */
  bookingId: string | null;
  /** How long the visit holds the counter, call → release (seconds): the truth, never told. */
  occupancySeconds: number;
  /** Not there when called: the counter waits `occupancySeconds` and marks a no-show. */
  absent: boolean;
  /** Gives up (cancels) after waiting this long (seconds); null: waits as long as it takes. */
  patienceSeconds: number | null;
}

export interface PlannedBooking {
  id: string;
  serviceId: string;
  start: number;
  /** The visitor who checks in for it; null: a no-show, or too late (then a walk-in, if they stay). */
  visitorId: string | null;
}

export interface PlannedBreak {
  reason: "lunch" | "short";
  /** Planned start; a counter busy then goes on break when its visit ends. */
  at: number;
  minutes: number;
}

export interface PlannedCounter {
  id: string;
  serviceIds: string[];
  opensAt: number;
  closesAt: number;
  breaks: PlannedBreak[];
}

export interface DayPlan {
  date: string;
  /** Local midnight, the origin of the config's times of day. */
  midnight: number;
  opensAt: number;
  closesAt: number;
  /** No ticket is issued after this. */
  lastTicketAt: number;
  visitors: PlannedVisitor[];
  bookings: PlannedBooking[];
  counters: PlannedCounter[];
  /** The level of walk-ins chosen to meet the config's utilisation (expected walk-ins per day). */
  expectedWalkIns: number;
}

const MINUTE = 60_000;

/** Mean seconds a visit of this service holds the counter, absent visitors included. */
export function meanOccupancySeconds(spec: DayServiceSpec, config: DayModelConfig): number {
  const [low, high] = config.absentWhenCalled.holdSeconds;
  const share = config.absentWhenCalled.share;
  return (1 - share) * spec.handlingMinutes * 60 + share * ((low + high) / 2);
}

export function generateDay(config: DayModelConfig, date: string, seed: number): DayPlan {
  const random = seededRandom(seedOf(date, seed));
  const midnight = zonedInstant(date, 0, config.timeZone).getTime();
  const at = (minutes: number) => midnight + minutes * MINUTE;
  const opensAt = at(config.opens);
  const closesAt = at(config.closes);
  const lastTicketAt = closesAt - config.lastTicketMinutesBeforeClosing * MINUTE;

  const counters: PlannedCounter[] = config.counters.map((c) => ({
    id: c.id,
    serviceIds: [...c.serviceIds],
    opensAt: at(c.opens) + random.uniform() * config.jitter.openingMinutes * MINUTE,
    closesAt: Math.min(closesAt, at(c.closes)),
    breaks: c.breaks.map((b) => ({
      reason: b.reason,
      at: at(b.at) + (2 * random.uniform() - 1) * config.jitter.breakMinutes * MINUTE,
      minutes: b.minutes * (0.8 + 0.4 * random.uniform()),
    })),
  }));
  const staffedMinutes = config.counters.reduce(
    (sum, c) => sum + (c.closes - c.opens) - c.breaks.reduce((b, x) => b + x.minutes, 0),
    0,
  );

  const visitors: PlannedVisitor[] = [];
  const bookings: PlannedBooking[] = [];
  let appointmentWorkSeconds = 0;
  const visitor = (v: Omit<PlannedVisitor, "id" | "occupancySeconds" | "absent">): void => {
    const spec = config.services.find((s) => s.serviceId === v.serviceId)!;
    const absent = random.uniform() < config.absentWhenCalled.share;
    const [low, high] = config.absentWhenCalled.holdSeconds;
    const occupancySeconds = absent ? low + random.uniform() * (high - low) : drawVisitSeconds(spec, random);
    visitors.push({ id: "", ...v, occupancySeconds, absent });
  };

  // Bookings first: their expected work is part of the utilisation the walk-ins are scaled to.
  const turnout = config.appointmentTurnout;
  const window = config.checkInWindow;
  for (const spec of config.services) {
    const slots = spec.appointments;
    if (!slots) continue;
    for (let m = config.opens; m + slots.slotMinutes <= config.closes; m += slots.slotMinutes) {
      for (let seat = 0; seat < slots.capacity; seat++) {
        if (random.uniform() >= slots.bookedShare) continue;
        const start = at(m);
        const booking: PlannedBooking = {
          id: `b${bookings.length + 1}`,
          serviceId: spec.serviceId,
          start,
          visitorId: null,
        };
        bookings.push(booking);
        appointmentWorkSeconds += (1 - turnout.noShowShare) * meanOccupancySeconds(spec, config);
        if (random.uniform() < turnout.noShowShare) continue;
        const offset = turnout.offsetMeanMinutes + turnout.offsetSdMinutes * random.normal();
        // Early ones check in when the window opens (and not before the doors do).
        const checkIn = Math.max(opensAt, start + Math.max(-window.beforeMinutes, offset) * MINUTE);
        if (offset > window.afterMinutes) {
          // Too late for the appointment: they take a ticket as a walk-in if it is still time.
          if (checkIn <= lastTicketAt)
            visitor({
              kind: "walk_in",
              serviceId: spec.serviceId,
              priority: "none",
              arrivesAt: checkIn,
              appointmentAt: null,
              bookingId: null,
              patienceSeconds: null,
            });
          continue;
        }
        visitor({
          kind: "appointment",
          serviceId: spec.serviceId,
          priority: "none",
          arrivesAt: checkIn,
          appointmentAt: start,
          bookingId: booking.id,
          patienceSeconds: null,
        });
      }
    }
  }

  // Walk-ins: a non-homogeneous Poisson stream shaped by the demand profile, scaled so that all
  // the work offered is the configured share of the staffed counter time.
  const walkInWorkSeconds = config.services.reduce(
    (sum, s) => sum + s.walkInShare * meanOccupancySeconds(s, config),
    0,
  );
  const expectedWalkIns = Math.max(
    0,
    (config.utilisation * staffedMinutes * 60 - appointmentWorkSeconds) / walkInWorkSeconds,
  );
  const hours = config.demandByHour.map((weight, i) => {
    const from = opensAt + i * 60 * MINUTE;
    const until = Math.min(lastTicketAt, from + 60 * MINUTE);
    return { from, until, weight: weight * Math.max(0, (until - from) / (60 * MINUTE)) };
  });
  const totalWeight = hours.reduce((sum, x) => sum + x.weight, 0);
  const groups = Object.entries(config.priorityShares) as [PriorityGroup, number][];
  for (const hour of hours) {
    const count = poisson(random, (expectedWalkIns * hour.weight) / totalWeight);
    for (let k = 0; k < count; k++) {
      const [low, high] = config.abandonment.patienceMinutes;
      visitor({
        kind: "walk_in",
        serviceId: pick(
          random,
          config.services.map((s) => [s.serviceId, s.walkInShare] as const),
        ),
        priority: pickPriority(random, groups),
        arrivesAt: hour.from + random.uniform() * (hour.until - hour.from),
        appointmentAt: null,
        bookingId: null,
        patienceSeconds:
          random.uniform() < config.abandonment.share ? (low + random.uniform() * (high - low)) * 60 : null,
      });
    }
  }

  visitors.sort((a, b) => a.arrivesAt - b.arrivesAt);
  const bookingById = new Map(bookings.map((b) => [b.id, b]));
  visitors.forEach((v, i) => {
    v.id = `v${String(i + 1).padStart(4, "0")}`;
    if (v.bookingId) bookingById.get(v.bookingId)!.visitorId = v.id;
  });
  return { date, midnight, opensAt, closesAt, lastTicketAt, visitors, bookings, counters, expectedWalkIns };
}

/** A visit's length: lognormal with the configured mean and spread. */
function drawVisitSeconds(spec: DayServiceSpec, random: Random): number {
  const sigma = spec.handlingSigma;
  const mu = Math.log(spec.handlingMinutes * 60) - (sigma * sigma) / 2;
  return Math.exp(mu + sigma * random.normal());
}

function poisson(random: Random, mean: number): number {
  // Normal approximation above 50 (the counts here are tens per hour); Knuth's product below.
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  let product = random.uniform();
  while (product > limit) {
    k++;
    product *= random.uniform();
  }
  return k;
}

function pick<T>(random: Random, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let u = random.uniform() * total;
  for (const [value, weight] of weighted) {
    u -= weight;
    if (u < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

function pickPriority(random: Random, groups: readonly [PriorityGroup, number][]): Priority {
  let u = random.uniform();
  for (const [group, share] of groups) {
    u -= share;
    if (u < 0) return group;
  }
  return "none";
}
