import { pickNext, type PolicyWeights, type QueueCandidate } from "../queue-policy.js";
import { Agenda } from "./agenda.js";
import type { DayPlan, PlannedBreak, PlannedCounter, PlannedVisitor } from "./day-plan.js";

/**
 * Plays a `DayPlan` through the real call policy (`pickNext`, the function the server's SQL is
 * proven equal to): counters open, call, serve, take their breaks and close; visitors arrive, wait,
 * give up or are called. At every ticket issued (walk-in or check-in), each quoter is asked for its
 * estimate, seeing only what the server would see at that moment (`CentreView`); the day's outcome
 * records the quotes beside each visitor's actual wait.
 */

export interface CounterView {
  id: string;
  serviceIds: readonly string[];
  status: "open" | "break" | "closed";
  /** When the status began. */
  since: number;
  breakReason: PlannedBreak["reason"] | null;
  /** The visit it holds (called or serving). */
  serving: { serviceId: string; calledAt: number } | null;
  /** Whether it has opened today yet. */
  openedToday: boolean;
  /** The reasons of the breaks it has begun today. */
  breaksTaken: readonly string[];
}

export interface CentreView {
  now: number;
  plan: DayPlan;
  weights: PolicyWeights;
  waiting: readonly QueueCandidate[];
  counters: readonly CounterView[];
  /** Appointments booked for today, not checked in, whose check-in window is not over. */
  pendingBookings: readonly { serviceId: string; start: number }[];
  /** Every release so far: for the old estimator's "finished in the last hour". */
  releases: readonly { serviceId: string; at: number; absent: boolean }[];
}

export interface Quote {
  expectedMinutes: number;
  range: { low: number; high: number } | null;
}

export type Quoter = (view: CentreView, ticket: QueueCandidate) => Quote;

export interface VisitorOutcome {
  visitor: PlannedVisitor;
  issuedAt: number;
  calledAt: number | null;
  counterId: string | null;
  outcome: "called" | "abandoned" | "expired";
  quotes: Record<string, Quote>;
}

export interface DayOutcome {
  plan: DayPlan;
  visitors: VisitorOutcome[];
  /** Seconds counters held visits, and seconds they were open (not on break, not closed). */
  busySeconds: number;
  openSeconds: number;
}

export interface DaySimulationOptions {
  weights: PolicyWeights;
  turnaroundSeconds: number;
  /** Minutes after a slot start when a booking that has not checked in is no longer expected. */
  checkInAfterMinutes: number;
  quoters?: Record<string, Quoter>;
}

interface CounterState extends CounterView {
  breaksTaken: string[];
  plan: PlannedCounter;
  holding: PlannedVisitor | null;
  idle: boolean;
  idleSince: number;
  pendingBreak: PlannedBreak | null;
  /** Bumped when a call already scheduled must not happen (break, close). */
  generation: number;
}

type Event =
  | { kind: "arrive"; visitor: PlannedVisitor }
  | { kind: "abandon"; visitor: PlannedVisitor }
  | { kind: "open" | "close" | "breakEnd" | "release"; counter: CounterState }
  | { kind: "break"; counter: CounterState; plan: PlannedBreak }
  | { kind: "call"; counter: CounterState; generation: number }
  | { kind: "centreClose" };

export function simulateDay(plan: DayPlan, options: DaySimulationOptions): DayOutcome {
  const { weights } = options;
  const turnaround = options.turnaroundSeconds * 1000;
  const agenda = new Agenda<Event>();
  const counters: CounterState[] = plan.counters.map((c) => ({
    id: c.id,
    serviceIds: c.serviceIds,
    status: "closed",
    since: plan.midnight,
    breakReason: null,
    serving: null,
    openedToday: false,
    breaksTaken: [],
    plan: c,
    holding: null,
    idle: false,
    idleSince: 0,
    pendingBreak: null,
    generation: 0,
  }));
  const waiting: QueueCandidate[] = [];
  const outcomes = new Map<string, VisitorOutcome>();
  const releases: { serviceId: string; at: number; absent: boolean }[] = [];
  const checkedIn = new Set<string>();
  const visitorById = new Map(plan.visitors.map((v) => [v.id, v]));
  let busySeconds = 0;
  let openSeconds = 0;

  for (const v of plan.visitors) agenda.add(v.arrivesAt, { kind: "arrive", visitor: v });
  for (const c of counters) {
    agenda.add(c.plan.opensAt, { kind: "open", counter: c });
    agenda.add(c.plan.closesAt, { kind: "close", counter: c });
    for (const b of c.plan.breaks) agenda.add(b.at, { kind: "break", counter: c, plan: b });
  }
  agenda.add(plan.closesAt, { kind: "centreClose" });

  const setStatus = (c: CounterState, status: CounterView["status"], now: number) => {
    if (c.status === "open") openSeconds += (now - c.since) / 1000;
    c.status = status;
    c.since = now;
    c.idle = false;
    c.generation++;
  };
  const scheduleCall = (c: CounterState, at: number) =>
    agenda.add(at, { kind: "call", counter: c, generation: c.generation });

  const view = (now: number): CentreView => ({
    now,
    plan,
    weights,
    waiting: [...waiting],
    counters: counters.map((c) => ({
      id: c.id,
      serviceIds: c.serviceIds,
      status: c.status,
      since: c.since,
      breakReason: c.breakReason,
      serving: c.serving,
      openedToday: c.openedToday,
      breaksTaken: [...c.breaksTaken],
    })),
    pendingBookings: plan.bookings
      .filter((b) => !checkedIn.has(b.id) && now <= b.start + options.checkInAfterMinutes * 60_000)
      .map((b) => ({ serviceId: b.serviceId, start: b.start })),
    releases,
  });

  while (agenda.size > 0) {
    const { at: now, event } = agenda.next();
    if (event.kind === "centreClose") {
      for (const t of waiting) outcomes.get(t.id)!.outcome = "expired";
      waiting.length = 0;
      for (const c of counters) if (c.status === "open") setStatus(c, "closed", now);
      break;
    }
    switch (event.kind) {
      case "arrive": {
        const v = event.visitor;
        const ticket: QueueCandidate = {
          id: v.id,
          serviceId: v.serviceId,
          priority: v.priority,
          queuedAt: new Date(now),
          appointmentAt: v.appointmentAt === null ? null : new Date(v.appointmentAt),
        };
        waiting.push(ticket);
        if (v.bookingId) checkedIn.add(v.bookingId);
        const quotes: Record<string, Quote> = {};
        if (options.quoters) {
          const seen = view(now);
          for (const [name, quoter] of Object.entries(options.quoters)) quotes[name] = quoter(seen, ticket);
        }
        outcomes.set(v.id, {
          visitor: v,
          issuedAt: now,
          calledAt: null,
          counterId: null,
          outcome: "expired",
          quotes,
        });
        if (v.patienceSeconds !== null)
          agenda.add(now + v.patienceSeconds * 1000, { kind: "abandon", visitor: v });
        // The counter of this service idle longest notices and calls.
        let chosen: CounterState | null = null;
        for (const c of counters)
          if (c.idle && c.serviceIds.includes(v.serviceId) && (!chosen || c.idleSince < chosen.idleSince))
            chosen = c;
        if (chosen) {
          chosen.idle = false;
          scheduleCall(chosen, now + turnaround);
        }
        break;
      }
      case "abandon": {
        const at = waiting.findIndex((t) => t.id === event.visitor.id);
        if (at >= 0) {
          waiting.splice(at, 1);
          outcomes.get(event.visitor.id)!.outcome = "abandoned";
        }
        break;
      }
      case "open": {
        const c = event.counter;
        setStatus(c, "open", now);
        c.openedToday = true;
        scheduleCall(c, now);
        break;
      }
      case "call": {
        const c = event.counter;
        if (event.generation !== c.generation || c.status !== "open" || c.holding) break;
        const next = pickNext(waiting, c.serviceIds, new Date(now), weights);
        if (!next) {
          c.idle = true;
          c.idleSince = now;
          break;
        }
        waiting.splice(waiting.indexOf(next), 1);
        const v = visitorById.get(next.id)!;
        const outcome = outcomes.get(v.id)!;
        outcome.calledAt = now;
        outcome.counterId = c.id;
        outcome.outcome = "called";
        c.holding = v;
        c.serving = { serviceId: v.serviceId, calledAt: now };
        busySeconds += v.occupancySeconds;
        agenda.add(now + v.occupancySeconds * 1000, { kind: "release", counter: c });
        break;
      }
      case "release": {
        const c = event.counter;
        const v = c.holding!;
        releases.push({ serviceId: v.serviceId, at: now, absent: v.absent });
        c.holding = null;
        c.serving = null;
        if (c.pendingBreak) {
          startBreak(c, c.pendingBreak, now);
        } else if (now >= c.plan.closesAt) {
          setStatus(c, "closed", now);
        } else {
          scheduleCall(c, now + turnaround);
        }
        break;
      }
      case "break": {
        const c = event.counter;
        if (c.status !== "open") break;
        if (c.holding) c.pendingBreak = event.plan;
        else startBreak(c, event.plan, now);
        break;
      }
      case "breakEnd": {
        const c = event.counter;
        if (c.status !== "break") break;
        c.breakReason = null;
        if (now >= c.plan.closesAt) {
          setStatus(c, "closed", now);
          break;
        }
        setStatus(c, "open", now);
        scheduleCall(c, now);
        break;
      }
      case "close": {
        const c = event.counter;
        // One holding a visitor closes when the visit ends (see "release").
        if (!c.holding && c.status !== "closed") setStatus(c, "closed", now);
        break;
      }
    }
  }

  function startBreak(c: CounterState, b: PlannedBreak, at: number): void {
    c.pendingBreak = null;
    setStatus(c, "break", at);
    c.breakReason = b.reason;
    c.breaksTaken.push(b.reason);
    agenda.add(at + b.minutes * 60_000, { kind: "breakEnd", counter: c });
  }

  return {
    plan,
    // Visitors planned after closing never got a ticket.
    visitors: plan.visitors.flatMap((v) => outcomes.get(v.id) ?? []),
    busySeconds,
    openSeconds,
  };
}
