import type { Counter, LiveStats, NationalStats, Report, ReportRow, Service, Ticket } from "@dost/shared";
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/rows.js";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";

const clock = new FakeClock("2026-11-24T06:00:00Z"); // Tuesday 10:00 in Baku
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let services: Service[];
let counters: Counter[];
const staff: string[] = [];

const query = <T>(statement: SQL) => queryRows<T>(t.db.database.db, statement);

type Refusal = { error: { code: string; reason?: string; params?: { why?: string } } };

beforeAll(async () => {
  t = await startTestApp({ clock });
  api = apiClient(t.app);
  services = await api.services("BAKU-1");
  await signIn();
  counters = await api.counters("BAKU-1", staff[0]!);
  await api.openCounter(counters[0]!.id, staff[0]!, [services[0]!.id]);
  await api.openCounter(counters[1]!.id, staff[1]!, [services[1]!.id]);
}, 120_000);
afterAll(() => t?.close());

/** Sessions last hours, and the tests below move the clock by days: each day signs in afresh. */
async function signIn() {
  staff.length = 0;
  for (const name of ["staff.baku1.1", "staff.baku1.2"]) staff.push((await api.login(name)).auth);
}

/** One visit from the kiosk to the end at the counter of `who` (0 or 1), serving that counter's service. */
async function visit(who: 0 | 1): Promise<Ticket> {
  const issued = (await api.issue("BAKU-1", { serviceId: services[who]!.id })).body.ticket;
  clock.advance(60_000);
  const called = await api.callNext(counters[who]!.id, staff[who]!);
  expect(called.body.ticket?.id, JSON.stringify(called.body)).toBe(issued.id);
  await api.act(issued.id, "start", staff[who]!);
  clock.advance(120_000);
  const done = await api.act(issued.id, "complete", staff[who]!);
  expect(done.body.ticket.status).toBe("done");
  return done.body.ticket;
}

const rate = (ticket: Ticket, body: Record<string, unknown>) =>
  api.call<{ feedback: { score: number; reasons: string[]; comment: string | null } } & Refusal>({
    method: "POST",
    url: `/api/v1/public/tickets/${ticket.publicId}/feedback`,
    payload: body,
  });

describe("a visitor rates a visit from the status page", () => {
  it("only once the visit is done, once, with the comment scrubbed of phone numbers and FINs", async () => {
    const waiting = (await api.issue("BAKU-1", { serviceId: services[0]!.id })).body.ticket;
    const early = await rate(waiting, { score: 5 });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({
      code: "CONFLICT",
      reason: "feedback_closed",
      params: { why: "not_done" },
    });

    clock.advance(60_000);
    await api.callNext(counters[0]!.id, staff[0]!);
    await api.act(waiting.id, "start", staff[0]!);
    const serving = await rate(waiting, { score: 5 });
    expect(serving.body.error.params?.why).toBe("not_done");
    await api.act(waiting.id, "complete", staff[0]!);

    const given = await rate(waiting, {
      score: 4,
      reasons: ["wait_too_long", "hall"],
      comment: "Call me on +994 50 123 45 67, my FIN is 5AB12CD",
    });
    expect(given.status).toBe(201);
    expect(given.body.feedback).toMatchObject({
      score: 4,
      reasons: ["wait_too_long", "hall"],
      comment: "Call me on [phone], my FIN is [FIN]",
    });
    const stored = await query<{ comment: string }>(sql`SELECT comment FROM feedback`);
    expect(stored.map((r) => r.comment).join()).not.toMatch(/123|5AB12CD/);

    const again = await rate(waiting, { score: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ reason: "feedback_closed", params: { why: "already_given" } });

    const read = await api.call<{ feedback: { score: number } | null }>({
      method: "GET",
      url: `/api/v1/public/tickets/${waiting.publicId}/feedback`,
    });
    expect(read.body.feedback?.score).toBe(4);
  }, 60_000);

  it("refuses a cancelled or missed visit, and answers a second concurrent rating with 409", async () => {
    const cancelled = (await api.issue("BAKU-1", { serviceId: services[0]!.id })).body.ticket;
    await api.act(cancelled.id, "cancel", staff[0]!);
    expect((await rate(cancelled, { score: 3 })).body.error.params?.why).toBe("not_done");

    const done = await visit(0);
    const answers = await Promise.all([rate(done, { score: 5 }), rate(done, { score: 2 })]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const rows = await query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM feedback WHERE ticket_id = ${done.id}`,
    );
    expect(rows[0]?.n).toBe(1);
  }, 60_000);

  it("closes 24 hours after the visit ended", async () => {
    const late = await visit(0);
    const inTime = await visit(0); // ends 3 minutes after `late`
    clock.advance(24 * 3_600_000);
    expect((await rate(inTime, { score: 5 })).status).toBe(201); // exactly 24 h after its end
    clock.advance(1000);
    expect((await rate(inTime, { score: 5 })).body.error.params?.why).toBe("already_given");
    const refused = await rate(late, { score: 5 });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ reason: "feedback_closed", params: { why: "too_late" } });
  }, 60_000);

  it("refuses bad input with 400 and an unknown ticket with 404, changing nothing", async () => {
    const before = await query<{ n: number }>(sql`SELECT count(*)::int AS n FROM feedback`);
    const ticket = (await api.issue("BAKU-1", { serviceId: services[0]!.id })).body.ticket;
    for (const body of [
      { score: 0 },
      { score: 6 },
      { score: 4.5 },
      { score: "5" },
      { score: 5, reasons: ["rude"] },
      { score: 5, reasons: ["hall", "hall"] },
      { score: 5, comment: "x".repeat(1001) },
      { score: 5, extra: true },
      {},
    ]) {
      const res = await rate(ticket, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
    }
    const unknown = await api.call<Refusal>({
      method: "POST",
      url: "/api/v1/public/tickets/AAAAAAAAAAAAAAAAAAAAAA/feedback",
      payload: { score: 5 },
    });
    expect(unknown.status).toBe(404);
    const bad = await api.call<Refusal>({
      method: "POST",
      url: "/api/v1/public/tickets/not-an-id/feedback",
      payload: { score: 5 },
    });
    expect(bad.status).toBe(400);
    expect(await query(sql`SELECT count(*)::int AS n FROM feedback`)).toEqual(before);
    await signIn(); // the 24-hour test moved the clock a day on
    expect((await api.act(ticket.id, "cancel", staff[0]!)).status).toBe(200); // out of the next visits' way
  }, 60_000);
});

describe("a counter tablet asks about the visit that just ended at its counter", () => {
  it("offers the last unrated visit there, takes one rating, and knows no other counter's visits", async () => {
    clock.set("2026-11-25T07:00:00Z"); // Wednesday 11:00
    await signIn();
    const admin = (await api.login("manager.baku1")).auth;
    const paired = await api.call<{ key: string }>({
      method: "POST",
      url: "/api/v1/admin/centres/BAKU-1/devices",
      auth: admin,
      payload: { kind: "feedback", label: "Tablet at counter 1", counterId: counters[0]!.id },
    });
    expect(paired.status).toBe(201);
    const tablet = `Device ${paired.body.key}`;
    const pending = () =>
      api.call<{ ticket: { id: string; code: string } | null }>({
        method: "GET",
        url: "/api/v1/feedback-tablet/ticket",
        auth: tablet,
      });

    expect((await pending()).body.ticket).toBeNull();
    const mine = await visit(0);
    const theirs = await visit(1);
    expect((await pending()).body.ticket).toMatchObject({ id: mine.id, code: mine.code });

    const rateAt = (ticketId: string) =>
      api.call<Refusal>({
        method: "POST",
        url: "/api/v1/feedback-tablet/feedback",
        auth: tablet,
        payload: { ticketId, score: 5 },
      });
    expect((await rateAt(theirs.id)).status).toBe(404);
    expect((await rateAt(mine.id)).status).toBe(201);
    expect((await rateAt(mine.id)).body.error.params?.why).toBe("already_given");
    expect((await pending()).body.ticket).toBeNull();
    const row = await query<{ device_id: string | null }>(
      sql`SELECT device_id FROM feedback WHERE ticket_id = ${mine.id}`,
    );
    expect(row[0]?.device_id).not.toBeNull();

    // A kiosk is not a feedback tablet.
    const kiosk = await api.call({
      method: "GET",
      url: "/api/v1/feedback-tablet/ticket",
      auth: api.kiosk("BAKU-1"),
    });
    expect(kiosk.status).toBe(403);
  }, 60_000);
});

describe("the satisfaction KPI in reports and dashboards", () => {
  const manager = async () => (await api.login("manager.baku1")).auth;
  const row = (r: Report, key: string): ReportRow => {
    const found = r.rows.find((x) => x.key === key);
    if (!found) throw new Error(`no row ${key} in ${JSON.stringify(r.rows.map((x) => x.key))}`);
    return found;
  };
  const report = async (groupBy: string) =>
    (
      await api.call<Report>({
        method: "GET",
        url: `/api/v1/reports/summary?centreId=BAKU-1&from=2026-11-26&to=2026-11-26&groupBy=${groupBy}`,
        auth: await manager(),
      })
    ).body;

  it("matches a small day counted by hand", async () => {
    // Thursday 26 November: four visits end, three are rated.
    clock.set("2026-11-26T06:00:00Z"); // 10:00 in Baku
    await signIn();
    const a1 = await visit(0); // ends 10:03, counter 1, service 1, staff 1
    const a2 = await visit(0); // ends 10:06
    clock.set("2026-11-26T09:30:00Z"); // 13:30
    await signIn();
    const e1 = await visit(1); // ends 13:33, counter 2, service 2, staff 2
    await visit(1); // not rated
    expect((await rate(a1, { score: 5 })).status).toBe(201);
    expect((await rate(a2, { score: 3 })).status).toBe(201);
    expect((await rate(e1, { score: 4 })).status).toBe(201);
    // By hand: 2 of 3 scores are 4 or 5 → 66.7 %; service 1: 1 of 2 → 50 %; service 2: 1 of 1 → 100 %.

    const byDay = await report("day");
    expect(row(byDay, "2026-11-26")).toMatchObject({
      feedbackCount: 3,
      satisfactionPercent: 66.7,
      served: 4,
    });
    expect(byDay.totals).toMatchObject({ feedbackCount: 3, satisfactionPercent: 66.7 });

    const byService = await report("service");
    expect(row(byService, services[0]!.id)).toMatchObject({ feedbackCount: 2, satisfactionPercent: 50 });
    expect(row(byService, services[1]!.id)).toMatchObject({ feedbackCount: 1, satisfactionPercent: 100 });

    const byCounter = await report("counter");
    expect(row(byCounter, counters[0]!.id)).toMatchObject({ feedbackCount: 2, satisfactionPercent: 50 });
    expect(row(byCounter, counters[1]!.id)).toMatchObject({ feedbackCount: 1, satisfactionPercent: 100 });

    const byStaff = await report("staff");
    const staffIds = await Promise.all(
      ["staff.baku1.1", "staff.baku1.2"].map(async (u) => (await api.login(u)).user.id),
    );
    expect(row(byStaff, staffIds[0]!)).toMatchObject({ feedbackCount: 2, satisfactionPercent: 50 });
    expect(row(byStaff, staffIds[1]!)).toMatchObject({ feedbackCount: 1, satisfactionPercent: 100 });

    const byHour = await report("hour");
    expect(row(byHour, "10")).toMatchObject({ feedbackCount: 2, satisfactionPercent: 50 });
    expect(row(byHour, "13")).toMatchObject({ feedbackCount: 1, satisfactionPercent: 100 });

    const csv = await api.call<string>({
      method: "GET",
      url: "/api/v1/reports/summary?centreId=BAKU-1&from=2026-11-26&to=2026-11-26&groupBy=day&format=csv&language=en",
      auth: await manager(),
    });
    expect(csv.body).toContain("Satisfaction (%)");
    expect(csv.body).toMatch(/,66\.7,3\r\n/);

    const live = (
      await api.call<LiveStats>({
        method: "GET",
        url: "/api/v1/centres/BAKU-1/stats/live",
        auth: await manager(),
      })
    ).body;
    const liveOf = (id: string) => live.services.find((s) => s.serviceId === id);
    expect(liveOf(services[0]!.id)).toMatchObject({ feedbackCountToday: 2, satisfactionPercentToday: 50 });
    expect(liveOf(services[1]!.id)).toMatchObject({ feedbackCountToday: 1, satisfactionPercentToday: 100 });

    const national = (
      await api.call<NationalStats>({
        method: "GET",
        url: "/api/v1/stats/national",
        auth: (await api.login("admin")).auth,
      })
    ).body;
    expect(national.centres.find((c) => c.code === "BAKU-1")).toMatchObject({
      feedbackCountToday: 3,
      satisfactionPercentToday: 66.7,
    });
    expect(national.centres.find((c) => c.code === "BAKU-2")).toMatchObject({
      feedbackCountToday: 0,
      satisfactionPercentToday: null,
    });
  }, 120_000);
});
