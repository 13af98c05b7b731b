import { drawRemainingSeconds } from "./handling-time.js";
import type { Random } from "./random.js";
import type { CompiledCentre } from "./wait-centre.js";
import { EventQueue } from "./wait-event-queue.js";

/**
 * The engine behind `estimateCentreWaits`: plays a compiled centre forward once per replica and
 * records when each estimated ticket is called. Times are milliseconds from `now`.
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

export class CentreSimulation {
  private readonly events = new EventQueue();
  /** Call times, target-major: target j's replicas are [j·R, (j + 1)·R); NaN: not called. */
  private readonly waits: Float64Array;
  // Tickets, growing with the arrivals drawn in a replica; a slot start changes `eff`.
  private eff: Float64Array;
  private queued: Float64Array;
  private tie: Float64Array;
  private service: Int32Array;
  private readonly queues: number[][];
  private readonly heads: Int32Array;
  // Counters, as this replica has them.
  private readonly idle: Uint8Array;
  private readonly idleSince: Float64Array;
  private readonly leaveAt: Float64Array;
  private readonly breakFrom: Float64Array;
  private readonly nextBreak: Int32Array; // the first break not yet taken
  private nextTicket = 0;
  private outstanding = 0;
  private replica = 0;
  private random!: Random;

  constructor(
    private readonly centre: CompiledCentre,
    private readonly replicas: number,
  ) {
    const capacity = centre.baseCount + 64;
    this.eff = new Float64Array(capacity);
    this.queued = new Float64Array(capacity);
    this.tie = new Float64Array(capacity);
    this.service = new Int32Array(capacity);
    this.queued.set(centre.queued);
    this.tie.set(centre.tie);
    this.service.set(centre.service);
    this.waits = new Float64Array(centre.targetCount * replicas);
    this.queues = centre.serviceIds.map(() => []);
    this.heads = new Int32Array(centre.serviceIds.length);
    const C = centre.profiles.length;
    this.idle = new Uint8Array(C);
    this.idleSince = new Float64Array(C);
    this.leaveAt = new Float64Array(C);
    this.breakFrom = new Float64Array(centre.expectedBreakFrom.length);
    this.nextBreak = new Int32Array(C);
  }

  /** The simulated waits (ms) of one target across replicas; NaN where not called before closing. */
  waitsOf(target: number): Float64Array {
    return this.waits.subarray(target * this.replicas, (target + 1) * this.replicas);
  }

  run(random: Random, replica: number): void {
    const centre = this.centre;
    this.random = random;
    this.replica = replica;
    const R = this.replicas;
    for (let j = 0; j < centre.targetCount; j++) this.waits[j * R + replica] = NaN;
    this.outstanding = centre.targetCount;
    this.nextTicket = centre.baseCount;
    this.eff.set(centre.eff);
    const events = this.events;
    events.clear();
    for (let s = 0; s < this.queues.length; s++) {
      const queue = this.queues[s]!;
      const initial = centre.initialQueue[s]!;
      queue.length = 0;
      for (let k = 0; k < initial.length; k++) queue.push(initial[k]!);
      this.heads[s] = 0;
      this.scheduleArrival(s, 0);
    }
    for (let j = 0; j < centre.waitingCount; j++) {
      const slot = centre.slotAt[j]!;
      if (slot === slot) events.push(slot, SLOT | (j << 2));
    }
    this.scheduleBooked();
    this.idle.fill(0);
    this.nextBreak.set(centre.breakOffsets.subarray(0, centre.profiles.length));
    // Counters keep their habits only roughly: each replica moves each expected opening, return,
    // break and leaving by up to the learned spread.
    const spread = centre.spreadMs;
    const wander = (time: number) =>
      spread > 0 && time !== Infinity ? Math.max(0, time + (2 * random.uniform() - 1) * spread) : time;
    for (let k = 0; k < this.breakFrom.length; k++) this.breakFrom[k] = wander(centre.expectedBreakFrom[k]!);
    for (let c = 0; c < centre.profiles.length; c++) {
      this.leaveAt[c] = wander(centre.expectedLeave[c]!);
      if (centre.openNow[c] === 0) {
        if (centre.startsAt[c] !== Infinity) events.push(wander(centre.startsAt[c]!), FREE | (c << 2));
        continue;
      }
      // An open counter calls when the visit it holds ends, then within the staff's response time.
      const s = centre.servingService[c]!;
      const busy =
        s < 0
          ? 0
          : drawRemainingSeconds(
              centre.models[s]!,
              centre.servingElapsedS[c]!,
              random,
              centre.servingDone[c]!,
            ) * 1000;
      events.push(busy + centre.turnaroundMs, FREE | (c << 2));
    }

    while (events.size > 0 && this.outstanding > 0) {
      events.pop();
      const t = events.poppedTime;
      if (t >= centre.closeMs) break;
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
    const centre = this.centre;
    if (t >= this.leaveAt[c]!) return; // gone for the day
    const k = this.nextBreak[c]!;
    if (k < centre.breakOffsets[c + 1]! && t >= this.breakFrom[k]!) {
      this.nextBreak[c] = k + 1;
      this.events.push(t + centre.breakMs[k]!, FREE | (c << 2));
      return;
    }
    const profile = centre.profiles[c]!;
    const heads = this.heads;
    for (;;) {
      let best = -1;
      let bestService = -1;
      for (let p = 0; p < profile.length; p++) {
        const s = profile[p]!;
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
      if (best < centre.targetCount) {
        this.waits[best * this.replicas + this.replica] = t;
        this.outstanding--;
        // A newcomer is hypothetical: it is called, but holds nobody up.
        if (best >= centre.waitingCount) continue;
      }
      const s = this.service[best]!;
      const duration = Math.exp(centre.mu[s]! + centre.sigma[s]! * this.random.normal()) * 1000;
      this.events.push(t + duration + centre.turnaroundMs, FREE | (c << 2));
      return;
    }
  }

  /**
   * A new ticket joins service s at time t; the counter of s idle longest calls it after the usual
   * response time, unless its break began while it was idle (then it calls when back).
   */
  private enqueue(i: number, s: number, t: number): void {
    const centre = this.centre;
    this.insert(s, i);
    const counters = centre.countersOf[s]!;
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
    let at = t + centre.turnaroundMs;
    const k = this.nextBreak[c]!;
    if (k < centre.breakOffsets[c + 1]! && at >= this.breakFrom[k]!) {
      this.nextBreak[c] = k + 1;
      at = Math.max(at, Math.max(this.idleSince[c]!, this.breakFrom[k]!) + centre.breakMs[k]!);
    }
    this.events.push(at, FREE | (c << 2));
  }

  private slotStarts(i: number): void {
    const s = this.service[i]!;
    const queue = this.queues[s]!;
    const at = queue.indexOf(i, this.heads[s]!);
    if (at < 0) return; // already called as a walk-in before its slot
    queue.splice(at, 1);
    this.eff[i] = this.eff[i]! - this.centre.appointmentBonusMs;
    this.insert(s, i);
  }

  private scheduleBooked(): void {
    const centre = this.centre;
    const random = this.random;
    for (let k = 0; k < centre.bookedService.length; k++) {
      const start = centre.bookedStart[k]!;
      const from = start + centre.checkInEarliestMs;
      const to = start + centre.checkInLatestMs;
      // Part of the check-in window may be over without them: they come with the odds that are left.
      const left = to > from ? Math.min(1, (to - Math.max(0, from)) / (to - from)) : 1;
      const show = centre.bookedShowRate[k]!;
      const p = (show * left) / (1 - show + show * left);
      if (random.uniform() >= p) continue;
      const at = Math.max(0, from) + random.uniform() * (to - Math.max(0, from));
      // Checked in later than the bonus from now, they stay behind everyone estimated.
      if (at - centre.appointmentBonusMs - centre.ordinaryBonusMs >= 0) continue;
      this.events.push(at, CHECK_IN | (k << 2));
    }
  }

  private checkIn(k: number, t: number): void {
    const centre = this.centre;
    const i = centre.targetCount + k;
    const s = centre.bookedService[k]!;
    const start = centre.bookedStart[k]!;
    this.service[i] = s;
    this.queued[i] = t;
    this.tie[i] = i;
    this.eff[i] = t - centre.ordinaryBonusMs - (start <= t ? centre.appointmentBonusMs : 0);
    if (start > t) this.events.push(start, SLOT | (i << 2));
    this.enqueue(i, s, t);
  }

  private scheduleArrival(s: number, from: number): void {
    const rate = this.centre.arrivalRate[s]!;
    if (rate <= 0) return;
    const at = from + this.random.exponential() / rate;
    if (at < this.centre.arrivalHorizon[s]!) this.events.push(at, ARRIVAL | (s << 2));
  }

  private arrive(s: number, t: number): void {
    this.scheduleArrival(s, t);
    const u = this.random.uniform();
    const cumulative = this.centre.groupCumulative[s]!;
    let g = 0;
    while (g < cumulative.length - 1 && u >= cumulative[g]!) g++;
    const eff = t - this.centre.groupBonusMs[s]![g]!;
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
