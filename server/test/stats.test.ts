import type { Report, ReportRow, Service } from "@dost/shared";
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/rows.js";
import { HOURLY_RECOMPUTED, STAFF_RECOMPUTED } from "../src/modules/stats/stats-rebuild.repository.js";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";

const clock = new FakeClock("2026-11-23T19:30:00Z");
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let manager: string;
let services: Service[];

beforeAll(async () => {
  t = await startTestApp({ clock });
  api = apiClient(t.app);
  manager = (await api.login("manager.baku1")).auth;
  services = await api.services("BAKU-1");
});
afterAll(() => t.close());

const report = async (query: string, auth = manager) =>
  api.call<Report>({ method: "GET", url: `/api/v1/reports/summary?${query}`, auth });
const row = (r: Report, key: string): ReportRow => {
  const found = r.rows.find((x) => x.key === key);
  if (!found) throw new Error(`no row ${key} in ${JSON.stringify(r.rows.map((x) => x.key))}`);
  return found;
};

// Around midnight the kiosks are closed; staff issue for visitors already inside.
describe("reports on a small fixed history across midnight in Baku", () => {
  it("match figures computed by hand, by local day, hour and employee", async () => {
    const pension = services.find((s) => s.code === "PEN-AGE")!; // target wait 15 minutes
    const at = (iso: string) => clock.set(iso);
    const staff = await api.login("staff.baku1.1");
    const counter = (await api.counters("BAKU-1", staff.auth))[0]!;

    at("2026-11-23T19:30:00Z"); // Monday 23:30 in Baku (and the 23rd in UTC all along)
    const t1 = (await api.issue("BAKU-1", { serviceId: pension.id }, staff.auth)).body.ticket;
    clock.advance(1000);
    const t2 = (await api.issue("BAKU-1", { serviceId: pension.id }, staff.auth)).body.ticket;
    at("2026-11-23T19:40:00Z"); // 23:40
    await api.openCounter(counter.id, staff.auth, [pension.id]);
    expect((await api.callNext(counter.id, staff.auth)).body.ticket?.id).toBe(t1.id); // waited 600 s
    at("2026-11-23T19:41:00Z");
    await api.act(t1.id, "start", staff.auth);
    at("2026-11-23T19:49:00Z");
    await api.act(t1.id, "complete", staff.auth); // served in 480 s
    at("2026-11-23T19:55:01Z"); // 23:55:01
    expect((await api.callNext(counter.id, staff.auth)).body.ticket?.id).toBe(t2.id); // waited 1500 s
    await api.act(t2.id, "no-show", staff.auth);
    at("2026-11-23T20:20:00Z"); // Tuesday 00:20 in Baku, still the 23rd in UTC
    const t3 = (await api.issue("BAKU-1", { serviceId: pension.id }, staff.auth)).body.ticket;
    at("2026-11-23T20:21:00Z");
    const t4 = (await api.issue("BAKU-1", { serviceId: pension.id }, staff.auth)).body.ticket;
    at("2026-11-23T20:25:00Z");
    await api.act(t4.id, "cancel", staff.auth);
    at("2026-11-23T20:30:00Z");
    expect((await api.callNext(counter.id, staff.auth)).body.ticket?.id).toBe(t3.id); // waited 600 s
    at("2026-11-23T20:31:00Z");
    await api.act(t3.id, "start", staff.auth);
    at("2026-11-23T20:35:00Z");
    await api.act(t3.id, "complete", staff.auth); // served in 240 s

    const byDay = (await report("centreId=BAKU-1&from=2026-11-23&to=2026-11-24&groupBy=day")).body;
    expect(row(byDay, "2026-11-23")).toMatchObject({
      issued: 2,
      called: 2,
      served: 1,
      noShows: 1,
      cancelled: 0,
      averageWaitSeconds: 1050,
      averageServiceSeconds: 480,
      slaPercent: 50, // 600 s is within the 15-minute target, 1500 s is not
    });
    // Waits of 10 and 25 minutes, in the bins 10–15 and 20–30: the median lies in the first.
    expect(row(byDay, "2026-11-23").medianWaitSeconds).toBeGreaterThanOrEqual(600);
    expect(row(byDay, "2026-11-23").medianWaitSeconds).toBeLessThanOrEqual(900);
    expect(row(byDay, "2026-11-23").p90WaitSeconds).toBeGreaterThanOrEqual(1200);
    expect(row(byDay, "2026-11-23").p90WaitSeconds).toBeLessThan(1800);
    expect(row(byDay, "2026-11-24")).toMatchObject({
      issued: 2,
      called: 1,
      served: 1,
      noShows: 0,
      cancelled: 1,
      averageWaitSeconds: 600,
      averageServiceSeconds: 240,
      slaPercent: 100,
    });
    expect(byDay.totals).toMatchObject({
      issued: 4,
      called: 3,
      served: 2,
      noShows: 1,
      cancelled: 1,
      averageWaitSeconds: 900,
      averageServiceSeconds: 360,
      slaPercent: 66.7,
    });

    const byHour = (await report("centreId=BAKU-1&from=2026-11-23&to=2026-11-24&groupBy=hour")).body;
    expect(byHour.rows.map((r) => r.key)).toEqual(["0", "23"]);
    expect(row(byHour, "23")).toMatchObject({ label: "23:00", issued: 2, called: 2, served: 1, noShows: 1 });
    expect(row(byHour, "0")).toMatchObject({ label: "00:00", issued: 2, called: 1, served: 1, cancelled: 1 });

    const byStaff = (await report("centreId=BAKU-1&from=2026-11-23&to=2026-11-24&groupBy=staff")).body;
    expect(row(byStaff, staff.user.id)).toMatchObject({
      called: 3,
      served: 2,
      noShows: 1,
      averageWaitSeconds: 900,
      averageServiceSeconds: 360,
    });
    expect(row(byStaff, staff.user.id).label).toContain("staff.baku1.1");

    const byService = (
      await report("centreId=BAKU-1&from=2026-11-23&to=2026-11-23&groupBy=service&language=en")
    ).body;
    expect(row(byService, pension.id)).toMatchObject({ issued: 2, label: "A · Old-age labour pension" });
  });

  it("exports CSV that Excel reads: a byte-order mark, Azerbaijani headers, a total row, no formulas", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/reports/summary?centreId=BAKU-1&from=2026-11-23&to=2026-11-24&groupBy=service&format=csv&language=az",
      headers: { authorization: manager },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["content-disposition"]).toContain("attachment");
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toContain("Verilmiş biletlər");
    expect(lines[0]).toContain("Gəlməyənlər");
    expect(lines.at(-1)).toMatch(/^Cəmi,4,3,2,1,1,0,900,/);
  });

  it("keeps monitoring to the centre's managers and admins", async () => {
    const staff = await api.login("staff.baku1.2");
    const otherManager = await api.login("manager.baku2");
    const admin = await api.login("admin");
    expect((await report("centreId=BAKU-1&from=2026-11-23&to=2026-11-24", staff.auth)).status).toBe(403);
    expect((await report("centreId=BAKU-1&from=2026-11-23&to=2026-11-24", otherManager.auth)).status).toBe(
      403,
    );
    const own = (await report("from=2026-11-23&to=2026-11-24", otherManager.auth)).body;
    expect(own.centreId).toBe((await t.app.findCentre("BAKU-2"))!.id);
    expect(own.totals.issued).toBe(0);
    const national = (await report("from=2026-11-23&to=2026-11-24", admin.auth)).body;
    expect(national.centreId).toBeNull();
    expect(national.totals.issued).toBe(4);
    expect(
      (await api.call({ method: "GET", url: "/api/v1/centres/BAKU-1/stats/live", auth: staff.auth })).status,
    ).toBe(403);
    expect(
      (await api.call({ method: "GET", url: "/api/v1/centres/BAKU-1/stats/live", auth: otherManager.auth }))
        .status,
    ).toBe(403);
    expect((await api.call({ method: "GET", url: "/api/v1/stats/national", auth: manager })).status).toBe(
      403,
    );
    expect((await api.call({ method: "GET", url: "/api/v1/stats/national", auth: admin.auth })).status).toBe(
      200,
    );
    expect((await report("centreId=BAKU-1&from=2026-11-24&to=2026-11-23")).status).toBe(400);
  });
});

describe("the live dashboard", () => {
  it("shows queues against targets and counters with their visitors", async () => {
    clock.set("2026-11-24T06:00:00Z"); // Tuesday 10:00
    const service = services[3]!;
    await api.issue("BAKU-1", { serviceId: service.id });
    clock.advance(service.targetWaitMinutes * 60_000 + 60_000);
    const live = (
      await api.call<{
        services: { serviceId: string; waiting: number; overTarget: boolean }[];
        counters: { label: string; user: unknown }[];
      }>({
        method: "GET",
        url: "/api/v1/centres/BAKU-1/stats/live",
        auth: manager,
      })
    ).body;
    expect(live.services.find((s) => s.serviceId === service.id)).toMatchObject({
      waiting: 1,
      overTarget: true,
    });
    expect(live.counters).toHaveLength(24);
  });
});

describe("aggregates", () => {
  it("equal a full recomputation from the event log after a random mix of actions", async () => {
    const staff = await Promise.all(
      ["staff.baku1.3", "staff.baku1.4", "staff.baku1.5"].map((u) => api.login(u)),
    );
    const counters = (await api.counters("BAKU-1", staff[0]!.auth))
      .filter((c) => c.user === null)
      .slice(0, 3);
    const profile = services.slice(0, 3).map((s) => s.id);
    clock.set("2026-11-25T05:30:00Z");
    await Promise.all(counters.map((c, i) => api.openCounter(c.id, staff[i]!.auth, profile)));
    const action = fc.oneof(
      fc.record({ kind: fc.constant("issue" as const), service: fc.integer({ min: 0, max: 2 }) }),
      fc.record({
        kind: fc.constantFrom(
          "next" as const,
          "start" as const,
          "complete" as const,
          "no-show" as const,
          "recall" as const,
          "transfer" as const,
          "cancel" as const,
        ),
        counter: fc.integer({ min: 0, max: 2 }),
      }),
      fc.record({ kind: fc.constant("wait" as const), minutes: fc.integer({ min: 1, max: 50 }) }),
    );
    const script = fc.sample(fc.array(action, { minLength: 150, maxLength: 150 }), {
      numRuns: 1,
      seed: 20261122,
    })[0]!;
    const current: (string | null)[] = [null, null, null];
    for (const step of script) {
      if (step.kind === "issue") await api.issue("BAKU-1", { serviceId: profile[step.service] });
      else if (step.kind === "wait") clock.advance(step.minutes * 60_000);
      else {
        const i = step.counter;
        const auth = staff[i]!.auth;
        if (step.kind === "next") {
          const res = await api.callNext(counters[i]!.id, auth);
          if (res.status === 200 && res.body.ticket) current[i] = res.body.ticket.id;
        } else if (current[i]) {
          const payload =
            step.kind === "transfer" ? { serviceId: profile[(Math.random() * 3) | 0] } : undefined;
          const res = await api.act(current[i]!, step.kind, auth, payload);
          if (res.status === 200 && !["called", "serving"].includes(res.body.ticket.status))
            current[i] = null;
        }
      }
    }
    // Round the float sums: the two computations add the same seconds in different orders.
    const normalise = (rows: Record<string, unknown>[]) =>
      rows
        .map((r) =>
          JSON.stringify(
            Object.entries(r)
              .map(([k, v]) => [k, typeof v === "number" ? Math.round(v * 1000) / 1000 : String(v)])
              .sort(),
          ),
        )
        .sort();
    const live = await queryRows<Record<string, unknown>>(
      t.db.database.db,
      sql`SELECT * FROM hourly_service_stats`,
    );
    const recomputed = await queryRows<Record<string, unknown>>(t.db.database.db, HOURLY_RECOMPUTED);
    expect(live.length).toBeGreaterThan(3);
    expect(normalise(live)).toEqual(normalise(recomputed));
    const liveStaff = await queryRows<Record<string, unknown>>(
      t.db.database.db,
      sql`SELECT * FROM daily_staff_stats`,
    );
    const recomputedStaff = await queryRows<Record<string, unknown>>(t.db.database.db, STAFF_RECOMPUTED);
    expect(normalise(liveStaff)).toEqual(normalise(recomputedStaff));
  });
});
