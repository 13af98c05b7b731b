import { PRIORITIES } from "../api/tickets.js";
import { handlingShareBelow, type HandlingTimeModel } from "./handling-time.js";
import { bonusSeconds } from "./queue-policy.js";
import { DEFAULT_APPOINTMENT_ARRIVAL, type WaitEstimatorInput } from "./wait-estimator-input.js";

/**
 * A centre's state compiled once per estimate into numbered services, tickets and counters in
 * typed arrays, for the replicas to play from (wait-simulation.ts). Times are milliseconds from
 * `now`. Tickets are numbered: the waiting ones in the policy's order now (so each service's list
 * starts sorted), then one newcomer per service, then the booked appointments.
 */
export interface CompiledCentre {
  serviceIds: string[];
  ticketIds: string[];
  closeMs: number;
  turnaroundMs: number;
  appointmentBonusMs: number;
  ordinaryBonusMs: number;
  spreadMs: number;

  // Services.
  models: HandlingTimeModel[];
  mu: Float64Array;
  sigma: Float64Array;
  arrivalRate: Float64Array; // priority walk-ins per ms
  arrivalHorizon: Float64Array; // later arrivals are behind everyone estimated
  groupCumulative: Float64Array[]; // per service, cumulative shares of the priority groups
  groupBonusMs: Float64Array[];
  countersOf: Int32Array[];
  initialQueue: number[][];

  // Tickets.
  waitingCount: number;
  targetCount: number; // the waiting ones and the newcomers: those estimated
  baseCount: number;
  eff: Float64Array; // queuedAt - bonus: the smaller, the sooner called
  queued: Float64Array;
  tie: Float64Array; // the id order, for the policy's last tie-break
  service: Int32Array;
  slotAt: Float64Array; // a checked-in appointment's future slot start, else NaN
  bookedService: Int32Array;
  bookedStart: Float64Array;
  bookedShowRate: Float64Array;
  checkInEarliestMs: number;
  checkInLatestMs: number;

  // Counters.
  profiles: Int32Array[];
  startsAt: Float64Array; // when a counter on break or closed calls; Infinity: not today
  openNow: Uint8Array;
  servingService: Int32Array; // -1: holds nobody
  servingElapsedS: Float64Array;
  servingDone: Float64Array; // share of its service's visits shorter than the one it holds so far
  expectedLeave: Float64Array; // Infinity: until closing
  breakOffsets: Int32Array; // counter c's breaks are [offsets[c], offsets[c + 1])
  expectedBreakFrom: Float64Array;
  breakMs: Float64Array;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compileCentre(input: WaitEstimatorInput, fallback: HandlingTimeModel): CompiledCentre {
  const now = input.now.getTime();
  const { weights } = input;
  const ordinaryBonusMs = weights.priorityBonusSeconds.none * 1000;

  // Services: those configured, and any other a ticket, counter or booking names (with the fallback).
  const serviceIds: string[] = [];
  const index = new Map<string, number>();
  const config: (WaitEstimatorInput["services"][number] | null)[] = [];
  const serviceOf = (id: string): number => {
    let s = index.get(id);
    if (s === undefined) {
      s = serviceIds.length;
      index.set(id, s);
      serviceIds.push(id);
      config.push(null);
    }
    return s;
  };
  for (const s of input.services) config[serviceOf(s.serviceId)] = s;
  for (const t of input.waiting) serviceOf(t.serviceId);
  for (const c of input.counters) {
    c.serviceIds.forEach(serviceOf);
    if (c.serving) serviceOf(c.serving.serviceId);
  }
  for (const a of input.appointments ?? []) serviceOf(a.serviceId);
  const S = serviceIds.length;

  const models = config.map((c) => c?.handling ?? fallback);
  const arrivalRate = new Float64Array(S);
  const arrivalHorizon = new Float64Array(S);
  const groupCumulative: Float64Array[] = [];
  const groupBonusMs: Float64Array[] = [];
  config.forEach((c, s) => {
    const rates = c?.priorityArrivalsPerHour ?? {};
    const groups = PRIORITIES.filter((p) => p !== "none" && (rates[p] ?? 0) > 0);
    const total = groups.reduce((sum, p) => sum + rates[p]!, 0);
    let acc = 0;
    groupCumulative.push(Float64Array.from(groups, (p) => (acc += rates[p]! / total)));
    const bonus = Float64Array.from(groups, (p) => weights.priorityBonusSeconds[p] * 1000);
    groupBonusMs.push(bonus);
    arrivalRate[s] = total / 3_600_000;
    arrivalHorizon[s] = bonus.reduce((m, b) => Math.max(m, b), 0);
  });

  // Tickets.
  const waiting = input.waiting
    .map((t) => ({
      t,
      eff: t.queuedAt.getTime() - now - bonusSeconds(t, input.now, weights) * 1000,
      queued: t.queuedAt.getTime() - now,
    }))
    .sort((a, b) => a.eff - b.eff || a.queued - b.queued || byId(a.t.id, b.t.id));
  const idRank = new Map([...waiting].sort((a, b) => byId(a.t.id, b.t.id)).map((w, i) => [w.t, i]));
  const arrival = input.appointmentArrival ?? DEFAULT_APPOINTMENT_ARRIVAL;
  const booked = (input.appointments ?? []).filter(
    (a) => a.start.getTime() + arrival.latestMinutes * 60_000 > now,
  );
  const N = waiting.length;
  const baseCount = N + S + booked.length;
  const eff = new Float64Array(baseCount);
  const queued = new Float64Array(baseCount);
  const tie = new Float64Array(baseCount);
  const service = new Int32Array(baseCount);
  const slotAt = new Float64Array(N + S).fill(NaN);
  const initialQueue: number[][] = serviceIds.map(() => []);
  waiting.forEach((w, i) => {
    const s = index.get(w.t.serviceId)!;
    eff[i] = w.eff;
    queued[i] = w.queued;
    tie[i] = idRank.get(w.t)!;
    service[i] = s;
    const slot = w.t.appointmentAt ? w.t.appointmentAt.getTime() - now : NaN;
    if (slot > 0) slotAt[i] = slot;
    initialQueue[s]!.push(i);
  });
  // A newcomer: queued now, ordinary, after everyone already waiting.
  for (let s = 0; s < S; s++) {
    eff[N + s] = -ordinaryBonusMs;
    tie[N + s] = N + s;
    service[N + s] = s;
    initialQueue[s]!.push(N + s);
  }

  // Counters.
  const C = input.counters.length;
  const startsAt = new Float64Array(C);
  const openNow = new Uint8Array(C);
  const servingService = new Int32Array(C).fill(-1);
  const servingElapsedS = new Float64Array(C);
  const servingDone = new Float64Array(C);
  const counterLists: number[][] = serviceIds.map(() => []);
  const profiles = input.counters.map((c, k) => {
    const profile = Int32Array.from(new Set(c.serviceIds.map((id) => index.get(id)!)));
    profile.forEach((s) => counterLists[s]!.push(k));
    if (c.status === "open") {
      openNow[k] = 1;
      if (c.serving) {
        const s = index.get(c.serving.serviceId)!;
        const elapsed = Math.max(0, (now - c.serving.calledAt.getTime()) / 1000);
        servingService[k] = s;
        servingElapsedS[k] = elapsed;
        servingDone[k] = handlingShareBelow(models[s]!, elapsed);
      }
    } else {
      startsAt[k] = c.availableAt ? Math.max(0, c.availableAt.getTime() - now) : Infinity;
    }
    return profile;
  });
  const breaks = input.counters.map((c) =>
    [...(c.breaks ?? [])].sort((a, b) => a.from.getTime() - b.from.getTime()),
  );
  const breakOffsets = new Int32Array(C + 1);
  breaks.forEach((list, k) => (breakOffsets[k + 1] = breakOffsets[k]! + list.length));

  return {
    serviceIds,
    ticketIds: waiting.map((w) => w.t.id),
    closeMs: input.closesAt.getTime() - now,
    turnaroundMs: Math.max(0, (input.turnaroundSeconds ?? 0) * 1000),
    appointmentBonusMs: weights.appointmentBonusSeconds * 1000,
    ordinaryBonusMs,
    spreadMs: Math.max(0, (input.counterTimingSpreadMinutes ?? 0) * 60_000),
    models,
    mu: Float64Array.from(models, (m) => m.mu),
    sigma: Float64Array.from(models, (m) => m.sigma),
    arrivalRate,
    arrivalHorizon,
    groupCumulative,
    groupBonusMs,
    countersOf: counterLists.map((list) => Int32Array.from(list)),
    initialQueue,
    waitingCount: N,
    targetCount: N + S,
    baseCount,
    eff,
    queued,
    tie,
    service,
    slotAt,
    bookedService: Int32Array.from(booked, (a) => index.get(a.serviceId)!),
    bookedStart: Float64Array.from(booked, (a) => a.start.getTime() - now),
    bookedShowRate: Float64Array.from(
      booked,
      (a) => config[index.get(a.serviceId)!]?.appointmentShowRate ?? arrival.showRate,
    ),
    checkInEarliestMs: arrival.earliestMinutes * 60_000,
    checkInLatestMs: Math.max(arrival.earliestMinutes, arrival.latestMinutes) * 60_000,
    profiles,
    startsAt,
    openNow,
    servingService,
    servingElapsedS,
    servingDone,
    expectedLeave: Float64Array.from(input.counters, (c) =>
      c.leavesAt ? c.leavesAt.getTime() - now : Infinity,
    ),
    breakOffsets,
    expectedBreakFrom: Float64Array.from(breaks.flat(), (b) => b.from.getTime() - now),
    breakMs: Float64Array.from(breaks.flat(), (b) => Math.max(0, b.minutes) * 60_000),
  };
}
