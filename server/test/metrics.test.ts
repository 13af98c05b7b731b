import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";
import { TEST_DRIVER } from "./support/driver.js";
import { connectSocket, type ClientSocket } from "./support/sockets.js";

/**
 * GET /metrics: Prometheus text for the bearer of METRICS_TOKEN, 401 for anyone else, 404 when the
 * setting is absent; and figures that move with the day's traffic.
 */
const TOKEN = "metrics-token-for-tests-0123456789abcdef";
// Monday 10:00 in Baku: the demo centres are open.
const clock = new FakeClock("2026-11-23T06:00:00Z");
let t: TestApp;
let api: ReturnType<typeof apiClient>;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  t = await startTestApp({ listen: true, clock, env: { METRICS_TOKEN: TOKEN } });
  api = apiClient(t.app);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

async function scrape(): Promise<string> {
  const res = await t.app.inject({
    method: "GET",
    url: "/metrics",
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.body;
}

/** One sample's value: `name{labels}` with the labels given in any order; 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split("\n")) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/i.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return 0;
}

describe("GET /metrics", () => {
  it("answers 401 in the contract's shape without the token or with a wrong one", async () => {
    for (const authorization of [undefined, "Bearer wrong", `Bearer ${TOKEN}x`, TOKEN, `Basic ${TOKEN}`]) {
      const res = await t.app.inject({
        method: "GET",
        url: "/metrics",
        headers: authorization ? { authorization } : {},
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
      expect(res.body).not.toContain("dost_");
    }
  });

  it("takes a token of at least 32 characters, and an empty setting as none", () => {
    expect(() => loadConfig({ METRICS_TOKEN: "too-short" })).toThrow(/METRICS_TOKEN: must be at least 32/);
    expect(loadConfig({ METRICS_TOKEN: "" }).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
  });

  it("is 404 in the contract's shape when METRICS_TOKEN is not set", async () => {
    const plain = await startTestApp();
    try {
      const res = await plain.app.inject({
        method: "GET",
        url: "/metrics",
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    } finally {
      await plain.close();
    }
  });

  it("counts issues and calls, and shows queue length, longest wait, sockets and the pool", async () => {
    const before = await scrape();
    const services = await api.services("BAKU-1");
    const issued = await api.issue("BAKU-1", { serviceId: services[0]!.id });
    expect(issued.status).toBe(201);
    await api.issue("BAKU-1", { serviceId: services[1]!.id });
    clock.advance(90_000);

    const afterIssue = await scrape();
    const issuedAt = (text: string) => sample(text, "dost_tickets_issued_total", { centre: "BAKU-1" });
    expect(issuedAt(afterIssue) - issuedAt(before)).toBe(2);
    expect(sample(afterIssue, "dost_queue_waiting_tickets", { centre: "BAKU-1" })).toBe(2);
    expect(sample(afterIssue, "dost_queue_waiting_tickets", { centre: "BAKU-2" })).toBe(0);
    expect(sample(afterIssue, "dost_queue_longest_wait_seconds", { centre: "BAKU-1" })).toBe(90);

    const staff = await api.login("staff.baku1.1");
    const counter = (await api.counters("BAKU-1", staff.auth))[0]!;
    await api.openCounter(counter.id, staff.auth);
    const called = await api.callNext(counter.id, staff.auth);
    const calledId = called.body.ticket!.id;
    expect((await api.act(calledId, "recall", staff.auth)).status).toBe(200);

    const afterCall = await scrape();
    const calls = (text: string, recall: string) =>
      sample(text, "dost_ticket_calls_total", { centre: "BAKU-1", recall });
    expect(calls(afterCall, "false") - calls(before, "false")).toBe(1);
    expect(calls(afterCall, "true") - calls(before, "true")).toBe(1);
    expect(sample(afterCall, "dost_queue_waiting_tickets", { centre: "BAKU-1" })).toBe(1);
    expect(sample(afterCall, "dost_queue_longest_wait_seconds", { centre: "BAKU-1" })).toBe(90);
    expect(
      sample(afterCall, "dost_realtime_events_total", { event: "ticket:called" }),
    ).toBeGreaterThanOrEqual(2);

    // Requests by route template; the ids in the URL never become labels.
    const route = "/api/v1/counters/:counterId/call-next";
    expect(
      sample(afterCall, "dost_http_request_duration_seconds_count", { method: "POST", route, status: "200" }),
    ).toBe(1);
    expect(afterCall).not.toContain(counter.id);
    expect(afterCall).not.toContain(calledId);

    expect(sample(afterCall, "dost_database_up")).toBe(1);
    if (TEST_DRIVER === "postgres") {
      expect(sample(afterCall, "dost_db_pool_max_connections")).toBeGreaterThan(0);
      expect(afterCall).toMatch(/^dost_db_pool_connections\{state="idle"\} \d+$/m);
    } else {
      // The embedded database has no pool: no samples rather than made-up ones.
      expect(afterCall).not.toMatch(/^dost_db_pool_connections\{/m);
    }
    expect(afterCall).toMatch(/^nodejs_eventloop_lag_seconds \S+$/m);
  });

  it("counts connected sockets by kind", async () => {
    const display = await connectSocket(t.url, { deviceKey: "demo-display-BAKU-1" });
    const kiosk = await connectSocket(t.url, { deviceKey: "demo-kiosk-BAKU-1" });
    const staff = await api.login("staff.baku1.2");
    const console = await connectSocket(t.url, { token: staff.token });
    const services = await api.services("BAKU-1");
    const ticket = (await api.issue("BAKU-1", { serviceId: services[0]!.id })).body.ticket;
    const page = await connectSocket(t.url, { publicId: ticket.publicId });
    sockets.push(display, kiosk, console, page);

    const text = await scrape();
    for (const kind of ["display", "kiosk", "staff", "status_page"]) {
      expect(sample(text, "dost_socket_connections", { kind }), kind).toBe(1);
    }
    display.close();
    // The server notices the close a moment later.
    let displays = 1;
    for (let i = 0; i < 50 && displays !== 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      displays = sample(await scrape(), "dost_socket_connections", { kind: "display" });
    }
    expect(displays).toBe(0);
  });

  it("labels a device-key page view by its route, never by its URL", async () => {
    await t.app.inject({ method: "GET", url: "/display/?key=demo-display-BAKU-1" });
    const text = await scrape();
    expect(text).not.toContain("demo-display-BAKU-1");
    expect(text).not.toContain("key=");
  });
});
