/**
 * `npm run bench:alerts` (`node --import tsx bench/alerts-rules.ts` after `npm run build -w shared`):
 * how long the pure alert rules take for one large centre, since the server runs them on every
 * queue change. 160 services, 40 counters (25 open, 5 on break, 10 closed), profiles of 4–40
 * services. Two snapshots: a busy day (a third of the services alerting) and the worst case (every
 * service over its target and uncovered ones among them, every suggestion searched for).
 * Each evaluation is `evaluateAlerts` plus `diffAlerts` against the previous round, as the server
 * would run them, each on a snapshot parsed afresh (new strings, as query rows give them). Prints
 * CPU microseconds per evaluation (p50 / p99 over batches of 20, the mean), and the wall-clock
 * median beside it.
 * Single-threaded and short (~2 s); run it under `nice -n 10` on a shared machine.
 */
import { randomUUID } from "node:crypto";
import {
  activeKeys,
  DEFAULT_ALERT_THRESHOLDS,
  diffAlerts,
  evaluateAlerts,
  type Alert,
  type CentreSnapshot,
  type CounterSnapshot,
  type ServiceSnapshot,
} from "@dost/shared";
import { summarise } from "./lib/stats.js";

const SERVICES = 160;
const COUNTERS = 40;

/** A small deterministic generator, so every run measures the same centre. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function centre(worst: boolean): CentreSnapshot {
  const random = generator(worst ? 2 : 1);
  const serviceIds = Array.from({ length: SERVICES }, () => randomUUID());
  const services: ServiceSnapshot[] = serviceIds.map((serviceId, i) => {
    const alerting = worst || i % 3 === 0;
    const waiting = alerting ? 2 + Math.floor(random() * 12) : Math.floor(random() * 3);
    return {
      serviceId,
      waiting,
      longestWaitSeconds: waiting === 0 ? 0 : alerting ? 1000 + random() * 1500 : random() * 600,
      targetWaitMinutes: 20,
      estimatedWaitSeconds: waiting * 240,
      handlingSeconds: 300 + random() * 900,
      usualVisitSeconds: i % 2 === 0 ? 1500 : null,
      arrivalsThisHour: Math.floor(random() * (alerting ? 40 : 15)),
      forecastThisHour: i % 5 === 0 ? null : 10 + random() * 20,
    };
  });
  // In the worst case the last services are nobody's: uncovered alerts with suggestions.
  const coverable = worst ? SERVICES - 20 : SERVICES;
  const counters: CounterSnapshot[] = Array.from({ length: COUNTERS }, (_, c) => {
    const status = c < 25 ? "open" : c < 30 ? "break" : "closed";
    const size = 4 + Math.floor(random() * 37);
    const profile = Array.from({ length: size }, () => serviceIds[Math.floor(random() * coverable)]!);
    const busy = status === "open" && c % 5 !== 0;
    return {
      counterId: randomUUID(),
      label: String(c + 1),
      status,
      serviceIds: profile,
      idleSeconds: status === "open" && !busy ? 60 + random() * 600 : null,
      visit: busy
        ? { serviceId: profile[0]!, elapsedSeconds: random() * 3000, ticketId: randomUUID() }
        : null,
    };
  });
  return { services, counters, hourElapsedShare: 0.5 };
}

function measure(name: string, snapshot: CentreSnapshot): void {
  const context = { centreId: randomUUID(), now: new Date().toISOString(), newId: randomUUID };
  let active: Alert[] = [];
  const round = (current: CentreSnapshot): number => {
    const conditions = evaluateAlerts(current, DEFAULT_ALERT_THRESHOLDS, activeKeys(active));
    active = diffAlerts(active, conditions, context).active;
    return conditions.length;
  };
  for (let i = 0; i < 2000; i++) round(snapshot); // warm up the JIT
  // The server builds each snapshot afresh from query rows: new id strings, never hashed before.
  // So every measured round gets its own parsed copy, made before the clock starts.
  const batch = 20;
  const batches = 75;
  const copies = Array.from(
    { length: batch * batches },
    () => JSON.parse(JSON.stringify(snapshot)) as CentreSnapshot,
  );
  // CPU time, not wall time: on a shared machine a busy neighbour would otherwise count as ours.
  const cpu: number[] = [];
  const wall: number[] = [];
  let alerts = 0;
  for (let b = 0; b < batches; b++) {
    const startCpu = process.cpuUsage();
    const startWall = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) alerts = round(copies[b * batch + i]!);
    const used = process.cpuUsage(startCpu);
    wall.push(Number(process.hrtime.bigint() - startWall) / 1000 / batch);
    cpu.push((used.user + used.system) / batch);
  }
  const s = summarise(cpu);
  const w = summarise(wall);
  const kinds = new Map<string, number>();
  for (const a of active) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
  console.log(
    `${name.padEnd(10)} ${alerts} alerts (${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")})\n` +
      `           CPU per evaluation: p50 ${s.p50.toFixed(1)} µs, p99 ${s.p99.toFixed(1)} µs, ` +
      `mean ${s.mean.toFixed(1)} µs; wall p50 ${w.p50.toFixed(1)} µs ` +
      `(${SERVICES} services, ${COUNTERS} counters)`,
  );
}

measure("busy day", centre(false));
measure("worst case", centre(true));
