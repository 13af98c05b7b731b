import { waitQuantileSeconds, type LiveStats, type Report, type ReportRow, type Ticket } from "@dost/shared";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/rows.js";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";

// Tuesday 2026-11-24 in Baku (UTC+4): 10:00 local is 06:00Z.
const clock = new FakeClock("2026-11-24T06:00:00Z");
const at = (baku: string) => clock.set(`2026-11-24T${baku}:00+04:00`);
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let manager: string;

beforeAll(async () => {
  t = await startTestApp({ clock });
  api = apiClient(t.app);
  manager = (await api.login("manager.baku1")).auth;
});
afterAll(() => t.close());

const quoteOf = async (id: string) =>
  (
    await queryRows<{ minutes: number | null; low: number | null; high: number | null }>(
      t.db.database.db,
      sql`SELECT quoted_wait_minutes AS minutes, quoted_wait_low AS low, quoted_wait_high AS high
          FROM tickets WHERE id = ${id}`,
    )
  )[0]!;

/** Replaces the estimator's quote by a known one, so the figures can be checked by hand. */
const setQuote = (id: string, minutes: number, band: [number, number] | null) =>
  queryRows(
    t.db.database.db,
    sql`UPDATE tickets SET quoted_wait_minutes = ${minutes}, quoted_wait_low = ${band?.[0] ?? null},
          quoted_wait_high = ${band?.[1] ?? null} WHERE id = ${id}`,
  );

const row = (r: Report, key: string): ReportRow => {
  const found = r.rows.find((x) => x.key === key);
  if (!found) throw new Error(`no row ${key} in ${JSON.stringify(r.rows.map((x) => x.key))}`);
  return found;
};

describe("quotes kept at issue, their accuracy and fairness between groups on a constructed day", () => {
  const issued: Record<string, Ticket> = {};

  it("keeps the wait each visitor was shown when the ticket was issued", async () => {
    const pension = (await api.services("BAKU-1")).find((s) => s.code === "PEN-AGE")!;
    const issue = async (name: string, priority: string) => {
      const res = await api.issue("BAKU-1", { serviceId: pension.id, priority });
      expect(res.status).toBe(201);
      issued[name] = res.body.ticket;
    };
    // A counter is open, so each ticket is quoted a wait (with none open or expected it gets none).
    at("10:00");
    const colleague = await api.login("staff.baku1.2");
    await api.openCounter((await api.counters("BAKU-1", colleague.auth))[1]!.id, colleague.auth, [
      pension.id,
    ]);
    await issue("A", "none");
    at("10:02");
    await issue("B", "none");
    at("10:04");
    await issue("C", "veteran");
    for (const name of ["A", "B", "C"]) {
      const ticket = issued[name]!;
      const kept = await quoteOf(ticket.id);
      expect(kept.minutes).toBe(Math.round(ticket.estimatedWaitMinutes!));
      expect(ticket.estimatedWaitRange).not.toBeNull();
      expect(kept.low).toBe(Math.floor(ticket.estimatedWaitRange!.low));
      expect(kept.high).toBe(Math.ceil(ticket.estimatedWaitRange!.high));
    }
  });

  it("gives today's accuracy, fairness and the priority report, as computed by hand", async () => {
    const staff = await api.login("staff.baku1.1");
    const counter = (await api.counters("BAKU-1", staff.auth))[0]!;
    const pension = (await api.services("BAKU-1")).find((s) => s.code === "PEN-AGE")!;
    const serve = async (expected: string, start: string, end: string) => {
      at(start);
      expect((await api.callNext(counter.id, staff.auth)).body.ticket?.id).toBe(issued[expected]!.id);
      await api.act(issued[expected]!.id, "start", staff.auth);
      at(end);
      await api.act(issued[expected]!.id, "complete", staff.auth);
    };
    at("10:06");
    await api.openCounter(counter.id, staff.auth, [pension.id]);
    // C's 2 minutes + the veteran bonus (15 min) outrank A's 6 minutes.
    await serve("C", "10:06", "10:10"); // waited 2 min
    await serve("A", "10:10", "10:15"); // waited 10 min
    at("10:16");
    issued.D = (await api.issue("BAKU-1", { serviceId: pension.id })).body.ticket;
    await serve("B", "10:20", "10:25"); // waited 18 min
    await serve("D", "10:25", "10:28"); // waited 9 min
    at("10:29");
    issued.E = (await api.issue("BAKU-1", { serviceId: pension.id, priority: "elderly" })).body.ticket;

    // Quotes: A 8 [6–12] inside, error +2; B 10 [8–12] outside, +8 (under by more than 5);
    // C 5 [3–8] outside, −3; D 9 with no band, 0. E still waits: not counted.
    await setQuote(issued.A!.id, 8, [6, 12]);
    await setQuote(issued.B!.id, 10, [8, 12]);
    await setQuote(issued.C!.id, 5, [3, 8]);
    await setQuote(issued.D!.id, 9, null);

    at("10:30");
    const live = (
      await api.call<LiveStats>({ method: "GET", url: "/api/v1/centres/BAKU-1/stats/live", auth: manager })
    ).body;
    // Inside: 1 of the 3 with a band; |errors| 0, 2, 3, 8 → median 2.5; under: 1 of 4.
    expect(live.accuracyToday).toEqual({
      quotedCount: 4,
      insideBandPercent: 33.3,
      medianAbsoluteErrorMinutes: 2.5,
      underEstimatedPercent: 25,
    });
    // Ordinary waits 9, 10, 18: mean 12.33, p90 10 + 0.8 × 8 = 16.4; the veteran waited 2.
    expect(live.fairnessToday).toEqual({
      ordinary: {
        priority: "none",
        count: 3,
        meanWaitMinutes: 12.3,
        p90WaitMinutes: 16.4,
        ofOrdinaryMean: 1,
        longestWaitMinutes: 18,
      },
      groups: [
        { priority: "veteran", count: 1, meanWaitMinutes: 2, p90WaitMinutes: 2, ofOrdinaryMean: 0.16 },
      ],
    });

    const byPriority = (
      await api.call<Report>({
        method: "GET",
        url: "/api/v1/reports/summary?centreId=BAKU-1&from=2026-11-24&to=2026-11-24&groupBy=priority",
        auth: manager,
      })
    ).body;
    expect(byPriority.groupBy).toBe("priority");
    expect(byPriority.rows.map((r) => r.key)).toEqual(["elderly", "none", "veteran"]);
    const ordinary = row(byPriority, "none");
    // Waits of 9, 10 and 18 minutes fall in the bins 5–10, 10–15 and 15–20.
    const bins = [0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    expect(ordinary).toMatchObject({
      issued: 3,
      called: 3,
      served: 3,
      averageWaitSeconds: 740, // (540 + 600 + 1080) / 3
      waitBins: bins,
      p90WaitSeconds: waitQuantileSeconds(bins, 0.9),
      averageServiceSeconds: 260, // 5, 5 and 3 minutes at the counter: 13 min / 3
      quotedCount: 3,
      insideBandPercent: 50,
      medianAbsoluteErrorMinutes: 2,
      underEstimatedPercent: 33.3,
    });
    expect(row(byPriority, "veteran")).toMatchObject({
      issued: 1,
      called: 1,
      served: 1,
      averageWaitSeconds: 120,
      averageServiceSeconds: 240,
      quotedCount: 1,
      insideBandPercent: 0,
      medianAbsoluteErrorMinutes: 3,
      underEstimatedPercent: 0,
    });
    expect(row(byPriority, "elderly")).toMatchObject({
      issued: 1,
      called: 0,
      averageWaitSeconds: null,
      quotedCount: 0,
      insideBandPercent: null,
    });
    // The groups add up to the report's totals, which come from the hourly aggregates.
    expect(byPriority.totals).toMatchObject({ issued: 5, called: 4, served: 4, averageWaitSeconds: 585 });

    const byDay = (
      await api.call<Report>({
        method: "GET",
        url: "/api/v1/reports/summary?centreId=BAKU-1&from=2026-11-24&to=2026-11-24&groupBy=day",
        auth: manager,
      })
    ).body;
    expect(row(byDay, "2026-11-24")).toMatchObject(live.accuracyToday);
    expect(byDay.totals).toMatchObject(live.accuracyToday);
  });
});
