import type { Service, StaffingResponse } from "@dost/shared";
import { staffingResponseSchema } from "@dost/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedDates, hourlyServiceStats } from "../src/db/schema.js";
import { apiClient } from "./support/api.js";
import { startTestApp, WORKING_MORNING, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";

/*
 * Staffing on a history small enough to work out by hand. Pensions (configured 12 minutes'
 * handling, 15 minutes' target) at BAKU-1, 10:00–11:00 on earlier Tuesdays:
 *   17 Nov (last week, weight 1):  20 visitors, 20 timed visits of 10 minutes
 *   10 Nov (two weeks, weight .75): 10 visitors, 10 timed visits of 10 minutes
 *    3 Nov: a holiday (100 visitors recorded): left out
 * Forecast for Tuesday 24 Nov, 10:00: (20·1 + 10·0.75) / 1.75 = 15.71 visitors.
 * Handling: (300 minutes timed + 20 · 12 configured) / (30 + 20) = 10.8 minutes.
 * Load 15.71 · 10.8 / 60 = 2.83 erlangs. Erlang C for 80 % within 15 minutes:
 *   3 counters: C = 0.883, P(wait ≤ 15 min) = 1 − 0.883 · e^(−0.171·15/10.8) = 31 %;
 *   4 counters: C = 0.440, P = 1 − 0.440 · e^(−1.171·15/10.8) = 91.4 %  → 4 counters.
 */
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let pensions: Service;
const clock = new FakeClock(WORKING_MORNING); // Tuesday 24 Nov 2026, 10:00 in Baku

beforeAll(async () => {
  t = await startTestApp({ clock });
  api = apiClient(t.app);
  pensions = (await api.services("BAKU-1"))[0]!;
  const centreId = (await t.app.findCentre("BAKU-1"))!.id;
  const row = (day: string, issued: number, timed: number) => ({
    centreId,
    day,
    hour: 10,
    serviceId: pensions.id,
    issued,
    serviceCount: timed,
    serviceSeconds: timed * 600,
  });
  const db = t.db.database.db;
  await db
    .insert(hourlyServiceStats)
    .values([row("2026-11-17", 20, 20), row("2026-11-10", 10, 10), row("2026-11-03", 100, 0)]);
  await db.insert(closedDates).values({
    date: "2026-11-03",
    centreId: null,
    name: { az: "Bayram", ru: "Праздник", en: "Holiday" },
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe("staffing from demand", { timeout: 120_000 }, () => {
  it("forecasts from the same weekdays, weighs handling from history and sizes counters by Erlang C", async () => {
    const manager = await api.login("manager.baku1");
    const get = () =>
      api.call<StaffingResponse>({
        method: "GET",
        url: "/api/v1/centres/BAKU-1/staffing?date=2026-11-24",
        auth: manager.auth,
      });
    const res = await get();
    expect(res.status).toBe(200);
    const plan = staffingResponseSchema.parse(res.body);
    expect(plan.basedOn).toEqual(["2026-11-17", "2026-11-10"]);
    expect(plan.targetWaitMinutes).toBe(15);
    expect(plan.serviceLevelPercent).toBe(80);
    expect(plan.hours.map((h) => h.hour)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17]);
    const ten = plan.hours.find((h) => h.hour === 10)!;
    expect(ten).toMatchObject({
      forecastArrivals: 15.7,
      handlingMinutes: 10.8,
      countersNeeded: 4,
      countersOpen: 0,
    });
    expect(ten.withinTargetPercent).toBe(0);
    expect(plan.hours.filter((h) => h.hour !== 10).every((h) => h.countersNeeded === 0)).toBe(true);

    // A counter opened now counts from this hour on; the hour before stays as it was.
    const staff = await api.login("staff.baku1.1");
    const counter = (await api.counters("BAKU-1", staff.auth))[0]!;
    expect((await api.openCounter(counter.id, staff.auth)).status).toBe(204);
    const after = staffingResponseSchema.parse((await get()).body);
    expect(after.hours.find((h) => h.hour === 9)?.countersOpen).toBe(0);
    expect(after.hours.find((h) => h.hour === 10)?.countersOpen).toBe(1);
    expect(after.hours.find((h) => h.hour === 17)?.countersOpen).toBe(1);
  });

  it("answers a day without history with nobody expected", async () => {
    const viewerLike = await api.login("admin");
    const res = await api.call<StaffingResponse>({
      method: "GET",
      url: "/api/v1/centres/BAKU-1/staffing?date=2026-11-25",
      auth: viewerLike.auth,
    });
    expect(res.status).toBe(200);
    expect(res.body.basedOn).toEqual([]);
    expect(res.body.hours.every((h) => h.forecastArrivals === 0 && h.countersNeeded === 0)).toBe(true);
  });

  it("refuses a bad date, counter staff, and another centre's manager", async () => {
    const manager = await api.login("manager.baku1");
    const bad = await api.call<{ error: { code: string } }>({
      method: "GET",
      url: "/api/v1/centres/BAKU-1/staffing?date=2026-13-40",
      auth: manager.auth,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    const staff = await api.login("staff.baku1.2");
    const other = await api.login("manager.baku2");
    for (const auth of [staff.auth, other.auth]) {
      const res = await api.call({
        method: "GET",
        url: "/api/v1/centres/BAKU-1/staffing?date=2026-11-24",
        auth,
      });
      expect(res.status).toBe(403);
    }
  });
});
