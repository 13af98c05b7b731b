import type { Priority } from "../api/tickets.js";
import { drawRemainingSeconds, handlingShareBelow, type HandlingTimeModel } from "./handling-time.js";
import { bonusSeconds } from "./queue-policy.js";
import type { Random } from "./random.js";
import { DEFAULT_APPOINTMENT_ARRIVAL, type WaitEstimatorInput } from "./wait-estimator-input.js";

/**
 * The engine behind `estimateCentreWaits`: the centre compiled once into typed arrays, then played
 * forward once per replica. Times are milliseconds from `now`.
 *
 * Call order: within one service, two waiting tickets keep their order by `queuedAt - bonus` as
 * time passes (both gain a second a second) except when an appointment's slot starts and its bonus
 * is added. So each service keeps its tickets sorted by that key with a moving head (a call is O(1);
 * an arrival or a slot start, rare, is a binary-search insert), and a free counter compares only the
 * heads of its services: exactly `pickNext`, without rescanning.
 */

const FREE = 0; // a counter can call
const SLOT = 1; // a checked-in appointment's slot starts: its bonus applies from now on
const CHECK_IN = 2; // a booked visitor checks in
const ARRIVAL = 3; // a priority walk-in arrives at a service

const PRIORITIES: Priority[] = ["none", "disability", "veteran", "martyr_family", "elderly", "pregnant"];

/** A binary min-heap of (time, code) events in parallel typed arrays; grows as needed. */
class EventQueue {
  times = new Float64Array(64);
  codes = new Int32Array(64);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(time: number, code: number): void {
    if (this.size === this.times.length) {
      const times = new Float64Array(this.size * 2);
      const codes = new Int32Array(this.size * 2);
      times.set(this.times);
      codes.set(this.codes);
      this.times = times;
      this.codes = codes;
    }
    let i = this.size++;
    const { times, codes } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent]! <= time) break;
      times[i] = times[parent]!;
      codes[i] = codes[parent]!;
      i = parent;
    }
    times[i] = time;
    codes[i] = code;
  }

  /** Removes the earliest; read `poppedTime` and `poppedCode` after. */
  poppedTime = 0;
  poppedCode = 0;
  pop(): void {
    const { times, codes } = this;
    this.poppedTime = times[0]!;
    this.poppedCode = codes[0]!;
    const n = --this.size;
    const time = times[n]!;
    const code = codes[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && times[child + 1]! < times[child]!) child++;
      if (times[child]! >= time) break;
      times[i] = times[child]!;
      codes[i] = codes[child]!;
      i = child;
    }
    times[i] = time;
    codes[i] = code;
  }
}

export class CentreSimulation {
  readonly serviceIds: string[] = [];
  readonly ticketIds: string[];
  private readonly replicas: number;
  private readonly closeMs: number;
  private readonly turnaroundMs: number;
  private readonly appointmentBonusMs: number;
  private readonly ordinaryBonusMs: number;

  // Services.
  private readonly mu: Float64Array;
  private readonly sigma: Float64Array;
  private readonly models: HandlingTimeModel[] = [];
  private readonly arrivalRate: Float64Array; // priority walk-ins per ms
  private readonly arrivalHorizon: Float64Array; // later arrivals are behind everyone estimated
  private readonly groupCumulative: Float64Array[] = []; // per service, cumulative group shares
  private readonly groupBonusMs: Float64Array[] = [];
  private readonly countersOf: Int32Array[] = [];
  private readonly initialQueue: number[][] = [];

  // Tickets: the waiting ones, then one newcomer per service, then booked appointments, then
  // arrivals drawn in a replica.
  private readonly waitingCount: number;
  private readonly targetCount: number;
  private readonly baseCount: number;
  private eff: Float64Array; // queuedAt - bonus: the smaller, the sooner called
  private readonly initialEff: Float64Array; // a slot start changes eff within a replica
  private queued: Float64Array;
  private tie: Float64Array;
  private service: Int32Array;
  private readonly slotAt: Float64Array; // a checked-in appointment's future slot start, else NaN
  private readonly bookedService: Int32Array;
  private readonly bookedStart: Float64Array;
  private readonly bookedShowRate: Float64Array;
  private readonly arrivalEarliestMs: number;
  private readonly arrivalLatestMs: number;

  // Counters.
  private readonly profiles: Int32Array[] = [];
  private readonly startsAt: Float64Array; // when a counter on break or closed calls; Infinity: not today
  private readonly openNow: Uint8Array;
  private readonly servingService: Int32Array;
  private readonly servingElapsedS: Float64Array;
  /** The share of its service's visits shorter than the elapsed time of the visit a counter holds. */
  private readonly servingDone: Float64Array;
  private readonly leaveAt: Float64Array; // no call from then on; Infinity: until closing
  private readonly breakOffsets: Int32Array; // counter c's breaks are [offsets[c], offsets[c + 1])
  private readonly breakFrom: Float64Array; // per replica: the expected starts, moved by the spread
  private readonly expectedLeave: Float64Array;
  private readonly expectedBreakFrom: Float64Array;
  private readonly spreadMs: number;
  private readonly breakMs: Float64Array;
  private readonly nextBreak: Int32Array; // per replica: the first break not yet taken

  // Per replica.
  private readonly waits: Float64Array;
  private readonly events = new EventQueue();
  private readonly queues: number[][] = [];
  private heads = new Int32Array(0);
  private readonly idle: Uint8Array;
  private readonly idleSince: Float64Array;
  private nextTicket = 0;
  private outstanding = 0;
  private replica = 0;
  private random!: Random;

  constructor(input: WaitEstimatorInput, fallback: HandlingTimeModel, replicas: number) {
    const now = input.now.getTime();
    this.replicas = replicas;
    this.closeMs = input.closesAt.getTime() - now;
    this.turnaroundMs = Math.max(0, (input.turnaroundSeconds ?? 0) * 1000);
    this.appointmentBonusMs = input.weights.appointmentBonusSeconds * 1000;
    this.ordinaryBonusMs = input.weights.priorityBonusSeconds.none * 1000;

    const index = new Map<string, number>();
    const config: (WaitEstimatorInput["services"][number] | null)[] = [];
    const serviceOf = (id: string): number => {
      let s = index.get(id);
      if (s === undefined) {
        s = this.serviceIds.length;
        index.set(id, s);
        this.serviceIds.push(id);
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
    const S = this.serviceIds.length;

    const arrival = input.appointmentArrival ?? DEFAULT_APPOINTMENT_ARRIVAL;
    this.mu = new Float64Array(S);
    this.sigma = new Float64Array(S);
    this.arrivalRate = new Float64Array(S);
    this.arrivalHorizon = new Float64Array(S);
    for (let s = 0; s < S; s++) {
      const model = config[s]?.handling ?? fallback;
      this.models.push(model);
      this.mu[s] = model.mu;
      this.sigma[s] = model.sigma;
      const rates = config[s]?.priorityArrivalsPerHour ?? {};
      const groups = PRIORITIES.filter((p) => p !== "none" && (rates[p] ?? 0) > 0);
      const total = groups.reduce((sum, p) => sum + rates[p]!, 0);
      const cumulative = new Float64Array(groups.length);
      const bonus = new Float64Array(groups.length);
      let acc = 0;
      groups.forEach((p, g) => {
        acc += rates[p]! / total;
        cumulative[g] = acc;
        bonus[g] = input.weights.priorityBonusSeconds[p] * 1000;
      });
      this.groupCumulative.push(cumulative);
      this.groupBonusMs.push(bonus);
      this.arrivalRate[s] = total / 3_600_000;
      this.arrivalHorizon[s] = bonus.reduce((m, b) => Math.max(m, b), 0);
      this.initialQueue.push([]);
    }

    // The waiting tickets, numbered in the policy's order now, so each service's list starts sorted.
    const weights = input.weights;
    const waiting = input.waiting.map((t) => ({
      t,
      eff: t.queuedAt.getTime() - now - bonusSeconds(t, input.now, weights) * 1000,
      queued: t.queuedAt.getTime() - now,
    }));
    waiting.sort(
      (a, b) => a.eff - b.eff || a.queued - b.queued || (a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0),
    );
    const idRank = new Map(
      [...waiting].sort((a, b) => (a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0)).map((w, i) => [w.t, i]),
    );
    const N = waiting.length;
    const booked = (input.appointments ?? []).filter(
      (a) => a.start.getTime() + arrival.latestMinutes * 60_000 > now,
    );
    this.waitingCount = N;
    this.targetCount = N + S;
    this.baseCount = N + S + booked.length;
    const capacity = this.baseCount + 64;
    this.eff = new Float64Array(capacity);
    this.queued = new Float64Array(capacity);
    this.tie = new Float64Array(capacity);
    this.service = new Int32Array(capacity);
    this.slotAt = new Float64Array(this.targetCount).fill(NaN);
    this.ticketIds = waiting.map((w) => w.t.id);
    waiting.forEach((w, i) => {
      const s = index.get(w.t.serviceId)!;
      this.eff[i] = w.eff;
      this.queued[i] = w.queued;
      this.tie[i] = idRank.get(w.t)!;
      this.service[i] = s;
      const slot = w.t.appointmentAt ? w.t.appointmentAt.getTime() - now : NaN;
      if (slot > 0) this.slotAt[i] = slot;
      this.initialQueue[s]!.push(i);
    });
    // A newcomer: queued now, ordinary, after everyone already waiting.
    for (let s = 0; s < S; s++) {
      const i = N + s;
      this.eff[i] = -this.ordinaryBonusMs;
      this.queued[i] = 0;
      this.tie[i] = N + s;
      this.service[i] = s;
      this.initialQueue[s]!.push(i);
    }
    this.initialEff = this.eff.slice(0, this.targetCount);
    this.bookedService = new Int32Array(booked.length);
    this.bookedStart = new Float64Array(booked.length);
    this.bookedShowRate = new Float64Array(booked.length);
    booked.forEach((a, k) => {
      const s = index.get(a.serviceId)!;
      this.bookedService[k] = s;
      this.bookedStart[k] = a.start.getTime() - now;
      this.bookedShowRate[k] = config[s]?.appointmentShowRate ?? arrival.showRate;
    });
    this.arrivalEarliestMs = arrival.earliestMinutes * 60_000;
    this.arrivalLatestMs = Math.max(arrival.earliestMinutes, arrival.latestMinutes) * 60_000;

    const C = input.counters.length;
    this.startsAt = new Float64Array(C);
    this.openNow = new Uint8Array(C);
    this.servingService = new Int32Array(C).fill(-1);
    this.servingElapsedS = new Float64Array(C);
    this.servingDone = new Float64Array(C);
    const counterLists: number[][] = Array.from({ length: S }, () => []);
    input.counters.forEach((c, k) => {
      const profile = Int32Array.from(new Set(c.serviceIds.map((id) => index.get(id)!)));
      this.profiles.push(profile);
      profile.forEach((s) => counterLists[s]!.push(k));
      if (c.status === "open") {
        this.startsAt[k] = 0;
        this.openNow[k] = 1;
        if (c.serving) {
          this.servingService[k] = index.get(c.serving.serviceId)!;
          const elapsed = Math.max(0, (now - c.serving.calledAt.getTime()) / 1000);
          this.servingElapsedS[k] = elapsed;
          this.servingDone[k] = handlingShareBelow(this.models[this.servingService[k]!]!, elapsed);
        }
      } else {
        this.startsAt[k] = c.availableAt ? Math.max(0, c.availableAt.getTime() - now) : Infinity;
      }
    });
    for (const list of counterLists) this.countersOf.push(Int32Array.from(list));
    this.spreadMs = Math.max(0, (input.counterTimingSpreadMinutes ?? 0) * 60_000);
    this.expectedLeave = Float64Array.from(input.counters, (c) =>
      c.leavesAt ? c.leavesAt.getTime() - now : Infinity,
    );
    this.leaveAt = new Float64Array(C);
    const breaks = input.counters.map((c) =>
      [...(c.breaks ?? [])].sort((a, b) => a.from.getTime() - b.from.getTime()),
    );
    this.breakOffsets = new Int32Array(C + 1);
    breaks.forEach((list, k) => (this.breakOffsets[k + 1] = this.breakOffsets[k]! + list.length));
    this.expectedBreakFrom = Float64Array.from(breaks.flat(), (b) => b.from.getTime() - now);
    this.breakFrom = new Float64Array(this.expectedBreakFrom.length);
    this.breakMs = Float64Array.from(breaks.flat(), (b) => Math.max(0, b.minutes) * 60_000);
    this.nextBreak = new Int32Array(C);
    this.idle = new Uint8Array(C);
    this.idleSince = new Float64Array(C);
    this.waits = new Float64Array(this.targetCount * replicas);
    for (let s = 0; s < S; s++) this.queues.push([]);
    this.heads = new Int32Array(S);
  }

  newcomerTarget(service: number): number {
    return this.waitingCount + service;
  }

  /** The simulated waits (ms) of one target across replicas; NaN where not called before closing. */
  waitsOf(target: number): Float64Array {
    return this.waits.subarray(target * this.replicas, (target + 1) * this.replicas);
  }

  run(random: Random, replica: number): void {
    this.random = random;
    this.replica = replica;
    const R = this.replicas;
    for (let j = 0; j < this.targetCount; j++) this.waits[j * R + replica] = NaN;
    this.outstanding = this.targetCount;
    this.nextTicket = this.baseCount;
    this.eff.set(this.initialEff);
    const events = this.events;
    events.clear();
    for (let s = 0; s < this.queues.length; s++) {
      const queue = this.queues[s]!;
      const initial = this.initialQueue[s]!;
      queue.length = 0;
      for (let k = 0; k < initial.length; k++) queue.push(initial[k]!);
      this.heads[s] = 0;
      this.scheduleArrival(s, 0);
    }
    for (let j = 0; j < this.waitingCount; j++) {
      const slot = this.slotAt[j]!;
      if (slot === slot) events.push(slot, SLOT | (j << 2));
    }
    this.scheduleBooked();
    this.idle.fill(0);
    this.nextBreak.set(this.breakOffsets.subarray(0, this.profiles.length));
    // Counters keep their habits only roughly: each replica moves each expected opening, return,
    // break and leaving by up to the learned spread.
    const spread = this.spreadMs;
    const wander = (time: number) =>
      spread > 0 && time !== Infinity ? Math.max(0, time + (2 * random.uniform() - 1) * spread) : time;
    for (let k = 0; k < this.breakFrom.length; k++) this.breakFrom[k] = wander(this.expectedBreakFrom[k]!);
    for (let c = 0; c < this.profiles.length; c++) {
      this.leaveAt[c] = wander(this.expectedLeave[c]!);
      const s = this.servingService[c]!;
      if (this.startsAt[c] === Infinity) continue;
      // An open counter holding nobody calls within the staff's usual response time.
      const start =
        this.openNow[c] === 1
          ? s < 0
            ? this.turnaroundMs
            : drawRemainingSeconds(this.models[s]!, this.servingElapsedS[c]!, random, this.servingDone[c]!) *
                1000 +
              this.turnaroundMs
          : wander(this.startsAt[c]!);
      events.push(start, FREE | (c << 2));
    }

    while (events.size > 0 && this.outstanding > 0) {
      events.pop();
      const t = events.poppedTime;
      if (t >= this.closeMs) break;
      const code = events.poppedCode;
      const at = code >> 2;
      switch (code & 3) {
        case FREE:
          this.counterFree(at, t);
          break;
        case SLOT:
          this.slotStarts(at);
          break;
        case CHECK_IN:
          this.checkIn(at, t);
          break;
        case ARRIVAL:
          this.arrive(at, t);
          break;
      }
    }
  }

  /** Whether ticket a is called before ticket b: `compareCandidates` on the precomputed keys. */
  private before(a: number, b: number): boolean {
    const ea = this.eff[a]!;
    const eb = this.eff[b]!;
    if (ea !== eb) return ea < eb;
    const qa = this.queued[a]!;
    const qb = this.queued[b]!;
    if (qa !== qb) return qa < qb;
    return this.tie[a]! < this.tie[b]!;
  }

  private counterFree(c: number, t: number): void {
    if (t >= this.leaveAt[c]!) return; // gone for the day
    const k = this.nextBreak[c]!;
    if (k < this.breakOffsets[c + 1]! && t >= this.breakFrom[k]!) {
      this.nextBreak[c] = k + 1;
      this.events.push(t + this.breakMs[k]!, FREE | (c << 2));
      return;
    }
    const profile = this.profiles[c]!;
    const heads = this.heads;
    for (;;) {
      let best = -1;
      let bestService = -1;
      for (let k = 0; k < profile.length; k++) {
        const s = profile[k]!;
        const queue = this.queues[s]!;
        const h = heads[s]!;
        if (h === queue.length) continue;
        const head = queue[h]!;
        if (best < 0 || this.before(head, best)) {
          best = head;
          bestService = s;
        }
      }
      if (best < 0) {
        this.idle[c] = 1;
        this.idleSince[c] = t;
        return;
      }
      heads[bestService]!++;
      if (best < this.targetCount) {
        this.waits[best * this.replicas + this.replica] = t;
        this.outstanding--;
        // A newcomer is hypothetical: it is called, but holds nobody up.
        if (best >= this.waitingCount) continue;
      }
      const s = this.service[best]!;
      const duration = Math.exp(this.mu[s]! + this.sigma[s]! * this.random.normal()) * 1000;
      this.events.push(t + duration + this.turnaroundMs, FREE | (c << 2));
      return;
    }
  }

  /**
   * A new ticket joins service s at time t; the counter of s idle longest calls it after the usual
   * response time, unless its break began while it was idle (then it calls when back).
   */
  private enqueue(i: number, s: number, t: number): void {
    this.insert(s, i);
    const counters = this.countersOf[s]!;
    let chosen = -1;
    for (let k = 0; k < counters.length; k++) {
      const c = counters[k]!;
      if (
        this.idle[c] &&
        t < this.leaveAt[c]! &&
        (chosen < 0 || this.idleSince[c]! < this.idleSince[chosen]!)
      )
        chosen = c;
    }
    if (chosen < 0) return;
    const c = chosen;
    this.idle[c] = 0;
    let at = t + this.turnaroundMs;
    const k = this.nextBreak[c]!;
    if (k < this.breakOffsets[c + 1]! && at >= this.breakFrom[k]!) {
      this.nextBreak[c] = k + 1;
      at = Math.max(at, Math.max(this.idleSince[c]!, this.breakFrom[k]!) + this.breakMs[k]!);
    }
    this.events.push(at, FREE | (c << 2));
  }

  private slotStarts(i: number): void {
    const s = this.service[i]!;
    const queue = this.queues[s]!;
    const at = queue.indexOf(i, this.heads[s]!);
    if (at < 0) return; // already called as a walk-in before its slot
    queue.splice(at, 1);
    this.eff[i] = this.eff[i]! - this.appointmentBonusMs;
    this.insert(s, i);
  }

  private scheduleBooked(): void {
    const random = this.random;
    for (let k = 0; k < this.bookedService.length; k++) {
      const start = this.bookedStart[k]!;
      const from = start + this.arrivalEarliestMs;
      const to = start + this.arrivalLatestMs;
      // Part of the check-in window may be over without them: they come with the odds that are left.
      const left = to > from ? Math.min(1, (to - Math.max(0, from)) / (to - from)) : 1;
      const show = this.bookedShowRate[k]!;
      const p = (show * left) / (1 - show + show * left);
      if (random.uniform() >= p) continue;
      const at = Math.max(0, from) + random.uniform() * (to - Math.max(0, from));
      // Checked in later than the bonus from now, they stay behind everyone estimated.
      if (at - this.appointmentBonusMs - this.ordinaryBonusMs >= 0) continue;
      this.events.push(at, CHECK_IN | (k << 2));
    }
  }

  private checkIn(k: number, t: number): void {
    const i = this.waitingCount + this.serviceIds.length + k;
    const s = this.bookedService[k]!;
    const start = this.bookedStart[k]!;
    this.service[i] = s;
    this.queued[i] = t;
    this.tie[i] = i;
    this.eff[i] = t - this.ordinaryBonusMs - (start <= t ? this.appointmentBonusMs : 0);
    if (start > t) this.events.push(start, SLOT | (i << 2));
    this.enqueue(i, s, t);
  }

  private scheduleArrival(s: number, from: number): void {
    const rate = this.arrivalRate[s]!;
    if (rate <= 0) return;
    const at = from + this.random.exponential() / rate;
    if (at < this.arrivalHorizon[s]!) this.events.push(at, ARRIVAL | (s << 2));
  }

  private arrive(s: number, t: number): void {
    this.scheduleArrival(s, t);
    const u = this.random.uniform();
    const cumulative = this.groupCumulative[s]!;
    let g = 0;
    while (g < cumulative.length - 1 && u >= cumulative[g]!) g++;
    const eff = t - this.groupBonusMs[s]![g]!;
    if (eff >= 0) return; // behind everyone estimated
    const i = this.newTicket();
    this.service[i] = s;
    this.queued[i] = t;
    this.tie[i] = i;
    this.eff[i] = eff;
    this.enqueue(i, s, t);
  }

  private newTicket(): number {
    const i = this.nextTicket++;
    if (i >= this.eff.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.eff = grow(this.eff, (n) => new Float64Array(n));
      this.queued = grow(this.queued, (n) => new Float64Array(n));
      this.tie = grow(this.tie, (n) => new Float64Array(n));
      this.service = grow(this.service, (n) => new Int32Array(n));
    }
    return i;
  }

  /** Puts ticket i into service s's waiting list at its place in the call order. */
  private insert(s: number, i: number): void {
    const queue = this.queues[s]!;
    let low = this.heads[s]!;
    let high = queue.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.before(queue[mid]!, i)) low = mid + 1;
      else high = mid;
    }
    queue.splice(low, 0, i);
  }
}
