import { describe, expect, it } from "vitest";
import { alertSchema, DEFAULT_ALERT_THRESHOLDS as defaults } from "../api/monitoring.js";
import { diffAlerts } from "./alert-diff.js";
import {
  evaluateAlerts,
  type AlertCondition,
  type CentreSnapshot,
  type CounterSnapshot,
  type ServiceSnapshot,
} from "./alert-rules.js";

const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString().padStart(12, "0")}`;
const PENSIONS = uuid(1);
const CERTIFICATES = uuid(2);
const DISABILITY = uuid(3);

function service(overrides: Partial<ServiceSnapshot> & { serviceId: string }): ServiceSnapshot {
  return {
    waiting: 0,
    longestWaitSeconds: 0,
    targetWaitMinutes: 20,
    estimatedWaitSeconds: null,
    handlingSeconds: 600,
    usualVisitSeconds: null,
    arrivalsThisHour: 0,
    forecastThisHour: null,
    ...overrides,
  };
}

let nextCounter = 100;
function counter(overrides: Partial<CounterSnapshot> & { label: string }): CounterSnapshot {
  return {
    counterId: uuid(nextCounter++),
    status: "open",
    serviceIds: [],
    idleSeconds: null,
    visit: null,
    ...overrides,
  };
}

const busyWith = (serviceId: string, elapsedSeconds = 60) => ({ visit: { serviceId, elapsedSeconds } });

const snapshot = (
  services: ServiceSnapshot[],
  counters: CounterSnapshot[],
  hourElapsedShare = 0.5,
): CentreSnapshot => ({ services, counters, hourElapsedShare });

const ofKind = (conditions: AlertCondition[], kind: AlertCondition["kind"]) =>
  conditions.filter((c) => c.kind === kind);

/** Pensions waiting `longest` seconds (target 20 minutes), served by one busy counter. */
const pensionsWaiting = (longest: number, extra: Partial<ServiceSnapshot> = {}) =>
  snapshot(
    [service({ serviceId: PENSIONS, waiting: 4, longestWaitSeconds: longest, ...extra })],
    [counter({ label: "1", serviceIds: [PENSIONS], ...busyWith(PENSIONS) })],
  );

describe("wait_over_target: warned ahead of the breach", () => {
  it("stays quiet below 80 % of the target", () => {
    expect(ofKind(evaluateAlerts(pensionsWaiting(959), defaults), "wait_over_target")).toEqual([]);
  });

  it("warns once the longest wait passes 80 % of the target, before anyone is over it", () => {
    const [alert] = ofKind(evaluateAlerts(pensionsWaiting(960), defaults), "wait_over_target");
    expect(alert).toMatchObject({
      key: `wait_over_target:${PENSIONS}`,
      serviceId: PENSIONS,
      severity: "warning",
      details: { waiting: 4, longestWaitSeconds: 960, targetWaitSeconds: 1200, trigger: "longest_wait" },
    });
  });

  it("turns critical once someone has waited past the target", () => {
    const [alert] = ofKind(evaluateAlerts(pensionsWaiting(1201), defaults), "wait_over_target");
    expect(alert?.severity).toBe("critical");
  });

  it("warns as soon as a newcomer is projected to wait past the target, even with short waits so far", () => {
    const early = pensionsWaiting(120, { estimatedWaitSeconds: 1300 });
    const [alert] = ofKind(evaluateAlerts(early, defaults), "wait_over_target");
    expect(alert).toMatchObject({
      severity: "warning",
      details: { trigger: "projected_wait", projectedWaitSeconds: 1300 },
    });
    expect(evaluateAlerts(early, { ...defaults, projectedWait: false })).toEqual([]);
  });

  it("holds until the wait is back under 60 % (hysteresis), then lets go", () => {
    const active = new Set([`wait_over_target:${PENSIONS}`]);
    // 75 % of the target: not enough to raise, enough to keep.
    expect(ofKind(evaluateAlerts(pensionsWaiting(900), defaults), "wait_over_target")).toEqual([]);
    expect(ofKind(evaluateAlerts(pensionsWaiting(900), defaults, active), "wait_over_target")).toHaveLength(
      1,
    );
    // A projection at 80 % of the target keeps it too (60/80 of the target = 900 s).
    const projected = pensionsWaiting(100, { estimatedWaitSeconds: 960 });
    expect(ofKind(evaluateAlerts(projected, defaults, active), "wait_over_target")).toHaveLength(1);
    expect(ofKind(evaluateAlerts(pensionsWaiting(719), defaults, active), "wait_over_target")).toEqual([]);
  });

  it("says nothing when nobody waits", () => {
    expect(evaluateAlerts(pensionsWaiting(5000, { waiting: 0 }), defaults)).toEqual([]);
  });
});

describe("suggestions: the most immediate help first", () => {
  const longWait = service({ serviceId: PENSIONS, waiting: 6, longestWaitSeconds: 1100 });
  const other = service({ serviceId: CERTIFICATES, waiting: 1, longestWaitSeconds: 30 });
  const suggestionFor = (counters: CounterSnapshot[]) =>
    ofKind(evaluateAlerts(snapshot([longWait, other], counters), defaults), "wait_over_target")[0]
      ?.suggestion;

  const serving = counter({ label: "1", serviceIds: [PENSIONS], ...busyWith(PENSIONS) });

  it("calls the next visitor at an idle counter that already serves the service", () => {
    const idle = counter({ label: "2", serviceIds: [PENSIONS], idleSeconds: 30 });
    expect(suggestionFor([serving, idle])).toEqual({
      action: "call_next",
      counterId: idle.counterId,
      counterLabel: "2",
      serviceId: PENSIONS,
    });
  });

  it("adds the service to the longest idle counter that does not serve it", () => {
    const idleShort = counter({ label: "3", serviceIds: [CERTIFICATES], idleSeconds: 20 });
    const idleLong = counter({ label: "4", serviceIds: [], idleSeconds: 400 });
    expect(suggestionFor([serving, idleShort, idleLong])).toMatchObject({
      action: "add_service_to_counter",
      counterLabel: "4",
    });
  });

  it("ends a break at a counter serving it, before opening a closed one", () => {
    const resting = counter({ label: "5", status: "break", serviceIds: [PENSIONS] });
    const shut = counter({ label: "6", status: "closed" });
    expect(suggestionFor([serving, shut, resting])).toMatchObject({ action: "end_break", counterLabel: "5" });
  });

  it("opens a closed counter, preferring one that served the service last time", () => {
    const shut = counter({ label: "6", status: "closed", serviceIds: [CERTIFICATES] });
    const former = counter({ label: "7", status: "closed", serviceIds: [PENSIONS] });
    expect(suggestionFor([serving, shut, former])).toMatchObject({
      action: "open_counter",
      counterLabel: "7",
    });
    expect(suggestionFor([serving, shut])).toMatchObject({ action: "open_counter", counterLabel: "6" });
  });

  it("with every counter open and busy, adds the service to the one least loaded by its own queue", () => {
    const busyLoaded = counter({
      label: "8",
      serviceIds: [CERTIFICATES, DISABILITY],
      ...busyWith(CERTIFICATES),
    });
    const busyFree = counter({ label: "9", serviceIds: [DISABILITY], ...busyWith(DISABILITY) });
    expect(suggestionFor([serving, busyLoaded, busyFree])).toMatchObject({
      action: "add_service_to_counter",
      counterLabel: "9",
    });
  });

  it("asks for a staffing review when every counter already serves it and is busy", () => {
    expect(suggestionFor([serving])).toEqual({ action: "review_staffing", serviceId: PENSIONS });
  });
});

describe("service_uncovered", () => {
  const waitingFor = (longest: number) =>
    service({ serviceId: DISABILITY, waiting: 2, longestWaitSeconds: longest });

  it("is raised when people wait past the grace for a service no open counter serves", () => {
    const resting = counter({ label: "2", status: "break", serviceIds: [DISABILITY] });
    const open = counter({ label: "1", serviceIds: [PENSIONS], ...busyWith(PENSIONS) });
    const [alert] = ofKind(
      evaluateAlerts(snapshot([waitingFor(90)], [open, resting]), defaults),
      "service_uncovered",
    );
    expect(alert).toMatchObject({
      key: `service_uncovered:${DISABILITY}`,
      severity: "critical",
      details: { waiting: 2, longestWaitSeconds: 90 },
      // A counter on break serves nobody, but ending the break is the quickest cover.
      suggestion: { action: "end_break", counterLabel: "2", serviceId: DISABILITY },
    });
  });

  it("waits out the grace, so reopening with a new profile raises nothing", () => {
    expect(ofKind(evaluateAlerts(snapshot([waitingFor(59)], []), defaults), "service_uncovered")).toEqual([]);
  });

  it("is not raised while an open counter serves it, busy or not", () => {
    const open = counter({ label: "1", serviceIds: [DISABILITY], ...busyWith(DISABILITY) });
    expect(
      ofKind(evaluateAlerts(snapshot([waitingFor(600)], [open]), defaults), "service_uncovered"),
    ).toEqual([]);
  });
});

describe("queue_surge", () => {
  // Half the hour gone, 20 forecast for the hour: 10 expected so far.
  const arriving = (arrivals: number, forecast: number | null = 20) =>
    snapshot([service({ serviceId: PENSIONS, arrivalsThisHour: arrivals, forecastThisHour: forecast })], []);
  const surges = (s: CentreSnapshot, active?: Set<string>) =>
    ofKind(evaluateAlerts(s, defaults, active), "queue_surge");

  it("is raised at 1.5 × the forecast so far with at least 8 more visitors, per service and for the centre", () => {
    expect(surges(arriving(17))).toEqual([]); // 1.7 × but only 7 more
    const raised = surges(arriving(18));
    expect(raised.map((a) => a.key)).toEqual([`queue_surge:${PENSIONS}`, "queue_surge:centre"]);
    expect(raised[0]).toMatchObject({
      severity: "warning",
      details: { arrivalsThisHour: 18, expectedSoFar: 10, forecastThisHour: 20, ratio: 1.8 },
    });
    expect(raised[1]).not.toHaveProperty("serviceId");
  });

  it("needs the ratio as well as the excess", () => {
    const big = snapshot([service({ serviceId: PENSIONS, arrivalsThisHour: 70, forecastThisHour: 100 })], []);
    // 50 expected, 70 came: 20 more, but only 1.4 ×.
    expect(surges(big)).toEqual([]);
  });

  it("holds down to 1.2 × once raised", () => {
    const active = new Set([`queue_surge:${PENSIONS}`]);
    expect(surges(arriving(12), active).map((a) => a.key)).toEqual([`queue_surge:${PENSIONS}`]);
    expect(surges(arriving(11), active)).toEqual([]);
  });

  it("judges nothing without a forecast, and treats a forecast of none as any 8 arrivals", () => {
    expect(surges(arriving(50, null))).toEqual([]);
    const [alert] = surges(arriving(8, 0));
    expect(alert?.details).toMatchObject({ expectedSoFar: 0, ratio: null });
  });

  it("adds up the services for the centre's own surge", () => {
    const many = snapshot(
      [PENSIONS, CERTIFICATES, DISABILITY].map((serviceId) =>
        service({ serviceId, arrivalsThisHour: 6, forecastThisHour: 6 }),
      ),
      [],
    );
    // Each service: 6 against 3 expected, only 3 more. The centre: 18 against 9.
    expect(surges(many).map((a) => a.key)).toEqual(["queue_surge:centre"]);
  });
});

describe("counter_idle", () => {
  const queue = [
    service({ serviceId: PENSIONS, waiting: 3, longestWaitSeconds: 200 }),
    service({ serviceId: CERTIFICATES, waiting: 1, longestWaitSeconds: 500 }),
  ];

  it("is raised after 3 idle minutes while people wait for what the counter serves", () => {
    const idle = counter({ label: "4", serviceIds: [PENSIONS, CERTIFICATES], idleSeconds: 180 });
    const [alert] = ofKind(evaluateAlerts(snapshot(queue, [idle]), defaults), "counter_idle");
    expect(alert).toEqual({
      key: `counter_idle:${idle.counterId}`,
      kind: "counter_idle",
      counterId: idle.counterId,
      severity: "warning",
      details: { counterLabel: "4", idleSeconds: 180, waiting: 4 },
      // The longest waiter first.
      suggestion: {
        action: "call_next",
        counterId: idle.counterId,
        counterLabel: "4",
        serviceId: CERTIFICATES,
      },
    });
  });

  it("is not raised for a short idle, a counter on break, or one nobody waits for", () => {
    const brief = counter({ label: "1", serviceIds: [PENSIONS], idleSeconds: 179 });
    const resting = counter({ label: "2", status: "break", serviceIds: [PENSIONS], idleSeconds: null });
    const unwanted = counter({ label: "3", serviceIds: [DISABILITY], idleSeconds: 3600 });
    expect(
      ofKind(evaluateAlerts(snapshot(queue, [brief, resting, unwanted]), defaults), "counter_idle"),
    ).toEqual([]);
  });
});

describe("visit_overlong", () => {
  it("compares the visit with 1.5 × the service's usual (90th percentile) length", () => {
    const pensions = service({ serviceId: PENSIONS, usualVisitSeconds: 1200 });
    const long = counter({ label: "5", serviceIds: [PENSIONS], ...busyWith(PENSIONS, 1800) });
    const fine = counter({ label: "6", serviceIds: [PENSIONS], ...busyWith(PENSIONS, 1799) });
    const alerts = ofKind(evaluateAlerts(snapshot([pensions], [long, fine]), defaults), "visit_overlong");
    expect(alerts).toEqual([
      {
        key: `visit_overlong:${long.counterId}`,
        kind: "visit_overlong",
        counterId: long.counterId,
        serviceId: PENSIONS,
        severity: "warning",
        details: { counterLabel: "5", elapsedSeconds: 1800, usualSeconds: 1200 },
        suggestion: { action: "check_counter", counterId: long.counterId, counterLabel: "5" },
      },
    ]);
  });

  it("without a measured percentile, takes ln 10 × the mean handling time as the usual length", () => {
    // 600 s mean: usual 1382 s, overlong from 2072.3 s.
    const pensions = service({ serviceId: PENSIONS, handlingSeconds: 600 });
    const at = (elapsed: number) =>
      ofKind(
        evaluateAlerts(
          snapshot([pensions], [counter({ label: "5", ...busyWith(PENSIONS, elapsed) })]),
          defaults,
        ),
        "visit_overlong",
      );
    expect(at(2072)).toEqual([]);
    expect(at(2073)[0]?.details).toMatchObject({ usualSeconds: 1382 });
  });
});

describe("alerts on the wire", () => {
  it("every condition the rules produce, once raised, fits the alert schema", () => {
    const idle = counter({ label: "4", serviceIds: [CERTIFICATES], idleSeconds: 900 });
    const long = counter({
      label: "5",
      serviceIds: [PENSIONS],
      visit: { serviceId: PENSIONS, elapsedSeconds: 9000, ticketId: uuid(77) },
    });
    const shut = counter({ label: "6", status: "closed" });
    const busy = snapshot(
      [
        service({
          serviceId: PENSIONS,
          waiting: 9,
          longestWaitSeconds: 1500,
          arrivalsThisHour: 40,
          forecastThisHour: 20,
        }),
        service({ serviceId: CERTIFICATES, waiting: 2, longestWaitSeconds: 100 }),
        service({ serviceId: DISABILITY, waiting: 1, longestWaitSeconds: 300 }),
      ],
      [idle, long, shut],
    );
    const conditions = evaluateAlerts(busy, defaults);
    expect(new Set(conditions.map((c) => c.kind))).toEqual(
      new Set(["wait_over_target", "queue_surge", "counter_idle", "visit_overlong", "service_uncovered"]),
    );
    // One condition per key: the diff relies on it.
    expect(new Set(conditions.map((c) => c.key)).size).toBe(conditions.length);
    let n = 500;
    const { raised } = diffAlerts([], conditions, {
      centreId: uuid(9),
      now: "2026-03-16T10:30:00+04:00",
      newId: () => uuid(n++),
    });
    for (const alert of raised) expect(alertSchema.parse(alert)).toEqual(alert);
  });
});
