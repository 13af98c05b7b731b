import type { AlertSuggestion } from "../api/monitoring.js";
import type { CentreSnapshot, CounterSnapshot } from "./alert-rules.js";

/**
 * Who serves what in a centre, indexed once per evaluation so that every rule and every suggestion
 * answers "does counter c serve service s" in constant time: a counters × services bit table
 * (40 × 160 bytes for a large centre) instead of searching profiles.
 */
export interface CounterIndex {
  counters: readonly CounterSnapshot[];
  serviceIndex: Map<string, number>;
  serviceCount: number;
  /** serves[c · serviceCount + s] = 1 when counter c's profile holds service s. */
  serves: Uint8Array;
  /** Open counters serving each service. */
  covering: Int32Array;
  /** People waiting for the services of each counter's profile. */
  waitingFor: Float64Array;
  /** Per counter, the service of its profile with the longest wait (someone waiting), or −1. */
  longestServiceOf: Int32Array;
  /** Open, nobody at the counter; longest idle first. */
  idleOpen: number[];
  onBreak: number[];
  closed: number[];
  /** Open with a visitor; least waiting for its own services first. */
  busyOpen: number[];
}

export function indexCounters(snapshot: CentreSnapshot): CounterIndex {
  const { services, counters } = snapshot;
  const serviceCount = services.length;
  const serviceIndex = new Map<string, number>();
  services.forEach((service, s) => serviceIndex.set(service.serviceId, s));
  const serves = new Uint8Array(counters.length * serviceCount);
  const covering = new Int32Array(serviceCount);
  const waitingFor = new Float64Array(counters.length);
  const longestServiceOf = new Int32Array(counters.length).fill(-1);
  const idleOpen: number[] = [];
  const onBreak: number[] = [];
  const closed: number[] = [];
  const busyOpen: number[] = [];

  counters.forEach((counter, c) => {
    let longest = -1;
    let longestWait = -1;
    for (const id of counter.serviceIds) {
      const s = serviceIndex.get(id);
      if (s === undefined || serves[c * serviceCount + s] === 1) continue;
      serves[c * serviceCount + s] = 1;
      const service = services[s]!;
      if (counter.status === "open") covering[s] = (covering[s] ?? 0) + 1;
      if (service.waiting > 0) {
        waitingFor[c] = (waitingFor[c] ?? 0) + service.waiting;
        if (service.longestWaitSeconds > longestWait) {
          longestWait = service.longestWaitSeconds;
          longest = s;
        }
      }
    }
    longestServiceOf[c] = longest;
    if (counter.status === "open") (counter.visit === null ? idleOpen : busyOpen).push(c);
    else (counter.status === "break" ? onBreak : closed).push(c);
  });
  idleOpen.sort((a, b) => (counters[b]?.idleSeconds ?? 0) - (counters[a]?.idleSeconds ?? 0));
  busyOpen.sort((a, b) => (waitingFor[a] ?? 0) - (waitingFor[b] ?? 0));
  return {
    counters,
    serviceIndex,
    serviceCount,
    serves,
    covering,
    waitingFor,
    longestServiceOf,
    idleOpen,
    onBreak,
    closed,
    busyOpen,
  };
}

/**
 * What a manager could do for service `s`, most immediate help first:
 *  1. (`callNext` only) an idle open counter already serving it: call the next visitor there;
 *  2. an idle open counter that does not serve it: add the service to its profile;
 *  3. a counter on break that serves it: end the break;
 *  4. a closed counter, one that served it last time first: open it for the service;
 *  5. the open counter with the fewest waiting for its own services: add the service to it;
 *  6. nothing left in the centre: review staffing.
 */
export function suggestFor(
  serviceId: string,
  s: number,
  index: CounterIndex,
  callNext: boolean,
): AlertSuggestion {
  const serves = (c: number): boolean => index.serves[c * index.serviceCount + s] === 1;
  const ref = (c: number) => ({
    counterId: index.counters[c]!.counterId,
    counterLabel: index.counters[c]!.label,
    serviceId,
  });
  if (callNext) {
    const idleServing = index.idleOpen.find(serves);
    if (idleServing !== undefined) return { action: "call_next", ...ref(idleServing) };
  }
  const idle = index.idleOpen.find((c) => !serves(c));
  if (idle !== undefined) return { action: "add_service_to_counter", ...ref(idle) };
  const resting = index.onBreak.find(serves);
  if (resting !== undefined) return { action: "end_break", ...ref(resting) };
  const closed = index.closed.find(serves) ?? index.closed[0];
  if (closed !== undefined) return { action: "open_counter", ...ref(closed) };
  const busy = index.busyOpen.find((c) => !serves(c));
  if (busy !== undefined) return { action: "add_service_to_counter", ...ref(busy) };
  return { action: "review_staffing", serviceId };
}
