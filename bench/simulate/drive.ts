import type { DayPlan, PlannedCounter, PlannedVisitor, Priority, Ticket } from "@dost/shared";
import { io } from "socket.io-client";
import { ApiClient } from "../lib/http.js";
import { bearer } from "../lib/staff.js";
import type { SimulatedClock } from "./server.js";
import { staffCounters } from "./staffing.js";

/** One ticket of the day: what it was quoted when issued, and what happened to it. */
export interface TicketRecord {
  visitorId: string;
  kind: "walk_in" | "appointment";
  service: string;
  priority: Priority;
  issuedAt: number;
  /** Null when the server gave no estimate (no counter open or expected for it). */
  quotedMinutes: number | null;
  range: { low: number; high: number } | null;
  calledAt: number | null;
  cancelled: boolean;
}

export interface DayRecord {
  tickets: TicketRecord[];
  /** Bookings the server refused (a slot it did not offer), requests that failed, and why. */
  problems: Record<string, number>;
  bookingsMade: number;
}

const SECOND = 1000;
/** From the call to the visitor reaching the counter and staff pressing "start". */
const WALK_SECONDS = 45;
/**
 * An idle counter calls again when the queue changes (`queue:changed`), and at the latest after this
 * long (a missed event); polling more often only loads the server.
 */
const IDLE_CHECK_MS = 5 * 60 * SECOND;
/** From a release to the next call, as staff press "call next" (the day model's turnaround). */
const TURNAROUND_SECONDS = 15;

/**
 * Plays a planned day through a running server, as its people would: the kiosk issues each walk-in
 * at their arrival time and checks in each booked visitor; staff open their counters at their
 * shift's start, call the next visitor, start and complete each visit after its planned length
 * (mark a no-show when the visitor is absent), take their breaks and close; a visitor out of patience
 * is cancelled. Waits and quotes are read from the server's own answers and events.
 */
export async function driveDay(args: {
  url: string;
  clock: SimulatedClock;
  plan: DayPlan;
  centreCode: string;
  /** The centre's service id for each of the plan's service codes. */
  serviceIds: Map<string, string>;
}): Promise<DayRecord> {
  const { clock, plan, centreCode } = args;
  const api = new ApiClient(args.url, 256);
  const problems: Record<string, number> = {};
  const problem = (what: string) => (problems[what] = (problems[what] ?? 0) + 1);
  // A request that fails or times out is counted and the day goes on, as a person would try again later.
  const send = async (
    method: "GET" | "POST",
    path: string,
    options: { body?: unknown; headers?: Record<string, string> },
  ) => {
    try {
      return await api.request(method, path, { ...options, timeoutMs: 120_000 });
    } catch {
      problem(`${path.split("/").pop()} failed`);
      return { status: 0, body: null };
    }
  };
  const kiosk = { authorization: `Device demo-kiosk-${centreCode}` };

  const { counters, tokens, manager } = await staffCounters(api, centreCode, plan.counters.length);

  // Bookings are made before the day starts, each for its planned slot.
  const appointmentCodes = new Map<string, string>();
  let phone = 501_000_000;
  for (const booking of plan.bookings) {
    const res = await api.request("POST", "/appointments", {
      body: {
        centreId: centreCode,
        serviceId: args.serviceIds.get(booking.serviceId),
        start: new Date(booking.start).toISOString(),
        citizen: { name: `Visitor ${booking.id}`, phone: `0${phone++}` },
      },
    });
    if (res.status === 201)
      appointmentCodes.set(booking.id, (res.body as { appointment: { code: string } }).appointment.code);
    else problem(`booking refused (${res.status})`);
  }

  const records = new Map<string, TicketRecord>();
  const visitorOf = new Map<string, PlannedVisitor>();
  const display = io(args.url, {
    transports: ["websocket"],
    auth: { deviceKey: `demo-display-${centreCode}` },
    forceNew: true,
  });
  // Idle counters wait for the queue to change rather than polling the server.
  let wake: () => void = () => undefined;
  let woken = new Promise<void>((r) => (wake = r));
  const wakeIdle = () => {
    const done = wake;
    woken = new Promise<void>((r) => (wake = r));
    done();
  };
  display.on("queue:changed", wakeIdle);
  display.on("ticket:called", (event: { ticketId: string; calledAt: string; recall: boolean }) => {
    const record = records.get(event.ticketId);
    if (record && !event.recall && record.calledAt === null) record.calledAt = Date.parse(event.calledAt);
  });
  await new Promise<void>((resolve, reject) => {
    display.once("connect", () => resolve());
    display.once("connect_error", reject);
  });

  clock.run(plan.opensAt - 5 * 60 * SECOND);

  async function arrive(visitor: PlannedVisitor): Promise<void> {
    await clock.until(visitor.arrivesAt);
    const code = visitor.bookingId ? appointmentCodes.get(visitor.bookingId) : undefined;
    const res = code
      ? await send("POST", `/centres/${centreCode}/check-in`, { headers: kiosk, body: { code } })
      : await send("POST", `/centres/${centreCode}/tickets`, {
          headers: kiosk,
          body: { serviceId: args.serviceIds.get(visitor.serviceId), priority: visitor.priority },
        });
    if (res.status !== 201) return void problem(`${code ? "check-in" : "issue"} refused (${res.status})`);
    const ticket = (res.body as { ticket: Ticket }).ticket;
    visitorOf.set(ticket.id, visitor);
    records.set(ticket.id, {
      visitorId: visitor.id,
      kind: code ? "appointment" : "walk_in",
      service: visitor.serviceId,
      priority: ticket.priority,
      issuedAt: Date.parse(ticket.issuedAt),
      quotedMinutes: ticket.estimatedWaitMinutes,
      range: ticket.estimatedWaitRange,
      calledAt: null,
      cancelled: false,
    });
    wakeIdle();
    if (visitor.patienceSeconds !== null) {
      await clock.sleep(visitor.patienceSeconds * SECOND);
      const record = records.get(ticket.id)!;
      if (record.calledAt !== null) return;
      const cancel = await send("POST", `/tickets/${ticket.id}/cancel`, { headers: bearer(manager) });
      if (cancel.status === 200) record.cancelled = true;
    }
  }

  async function work(spec: PlannedCounter, index: number): Promise<void> {
    const counterId = counters[index]!.id;
    const auth = bearer(tokens[index]!);
    const act = async (path: string, body?: unknown) => {
      const res = await send("POST", path, { headers: auth, ...(body ? { body } : {}) });
      if (res.status >= 300) problem(`${path.split("/").pop()} refused (${res.status})`);
      return res;
    };
    await clock.until(spec.opensAt);
    await act(`/counters/${counterId}/open`, {
      serviceIds: spec.serviceIds.map((s) => args.serviceIds.get(s)),
    });
    const breaks = [...spec.breaks].sort((a, b) => a.at - b.at);
    while (clock.ms() < spec.closesAt) {
      if (breaks.length > 0 && breaks[0]!.at <= clock.ms()) {
        const taken = breaks.shift()!;
        await act(`/counters/${counterId}/break`, { reason: taken.reason });
        await clock.sleep(taken.minutes * 60 * SECOND);
        await act(`/counters/${counterId}/resume`);
        continue;
      }
      const idle = woken;
      const res = await act(`/counters/${counterId}/call-next`);
      const ticket = res.status === 200 ? (res.body as { ticket: Ticket | null }).ticket : null;
      if (!ticket) {
        const nextBreak = breaks[0]?.at ?? Infinity;
        const until = Math.min(spec.closesAt, nextBreak, clock.ms() + IDLE_CHECK_MS);
        await Promise.race([idle, clock.until(until)]);
        continue;
      }
      const calledAt = ticket.calledAt ? Date.parse(ticket.calledAt) : clock.ms();
      const record = records.get(ticket.id);
      if (record && record.calledAt === null) record.calledAt = calledAt;
      // Times count from the server's call, not from when its answer arrived: a slow answer on a
      // busy machine must not lengthen the visit (at 60x, one real second is a minute of the day).
      const visitor = visitorOf.get(ticket.id);
      const seconds = visitor?.occupancySeconds ?? 300;
      if (visitor?.absent) {
        await clock.until(calledAt + seconds * SECOND);
        await act(`/tickets/${ticket.id}/no-show`);
      } else {
        const walk = Math.min(WALK_SECONDS, seconds / 4);
        await clock.until(calledAt + walk * SECOND);
        await act(`/tickets/${ticket.id}/start`);
        await clock.until(calledAt + seconds * SECOND);
        await act(`/tickets/${ticket.id}/complete`);
      }
      await clock.until(calledAt + (seconds + TURNAROUND_SECONDS) * SECOND);
    }
    await act(`/counters/${counterId}/close`);
  }

  await Promise.all([...plan.visitors.map(arrive), ...plan.counters.map(work)]);
  // Past closing, the server expires whoever still waits; give its sweep a moment of the day.
  await clock.until(Math.max(clock.ms(), plan.closesAt) + 2 * 60 * SECOND);
  display.close();
  api.close();
  return { tickets: [...records.values()], problems, bookingsMade: appointmentCodes.size };
}
