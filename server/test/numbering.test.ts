import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/rows.js";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";

// Monday 23 November 2026, 10:00 in Baku.
const clock = new FakeClock("2026-11-23T06:00:00Z");
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let serviceId: string;

beforeAll(async () => {
  t = await startTestApp({ clock });
  api = apiClient(t.app);
  serviceId = (await api.services("BAKU-1"))[0]!.id;
});
afterAll(() => t.close());

describe("ticket numbering", () => {
  it("gives 200 concurrent issues the numbers 1..200 with no gap and no repeat", async () => {
    const results = await Promise.all(Array.from({ length: 200 }, () => api.issue("BAKU-1", { serviceId })));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const codes = results.map((r) => r.body.ticket.code).sort();
    const prefix = codes[0]!.slice(0, 1);
    expect(codes).toEqual(
      Array.from({ length: 200 }, (_, i) => `${prefix}${String(i + 1).padStart(3, "0")}`),
    );
    const rows = await queryRows<{ n: number; distinct: number }>(
      t.db.database.db,
      sql`SELECT count(*)::int AS n, count(DISTINCT number)::int AS distinct FROM tickets WHERE service_id = ${serviceId}`,
    );
    expect(rows[0]).toEqual({ n: 200, distinct: 200 });
  });

  it("starts again at 1 on the next service day in Asia/Baku", async () => {
    // At night only staff issue (kiosks keep the centre's hours).
    clock.set("2026-11-23T19:50:00Z");
    const staff = (await api.login("staff.baku1.2")).auth;
    // 23:59 Baku is still the same service day.
    clock.set("2026-11-23T19:59:00Z");
    const sameDay = await api.issue("BAKU-1", { serviceId }, staff);
    expect(sameDay.body.ticket.code).toMatch(/201$/);
    // One minute later it is 00:00 on the 24th in Baku, though still the 23rd in UTC.
    clock.set("2026-11-23T20:00:00Z");
    const nextDay = await api.issue("BAKU-1", { serviceId }, staff);
    expect(nextDay.body.ticket.code).toMatch(/001$/);
    clock.set("2026-11-24T06:00:00Z"); // Tuesday 10:00: the kiosks issue again
  });

  it("numbers each prefix and each centre on its own", async () => {
    const services = await api.services("BAKU-1");
    const other = await api.issue("BAKU-1", { serviceId: services[1]!.id });
    expect(other.body.ticket.code).toBe(`${services[1]!.prefix}001`);
    const elsewhere = await api.issue("BAKU-2", { serviceId });
    expect(elsewhere.body.ticket.code).toMatch(/001$/);
  });
});

describe("Idempotency-Key", () => {
  it("returns the same ticket with 200 when the key is sent again", async () => {
    const first = await api.issue("BAKU-1", { serviceId }, undefined, "tap-1");
    const again = await api.issue("BAKU-1", { serviceId }, undefined, "tap-1");
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.ticket.id).toBe(first.body.ticket.id);
  });

  it("issues exactly one ticket for 20 concurrent requests with one key", async () => {
    const before = await countTickets();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => api.issue("BAKU-1", { serviceId }, undefined, "double-tap")),
    );
    expect(new Set(results.map((r) => r.body.ticket.id)).size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(await countTickets()).toBe(before + 1);
  });

  it("keeps keys apart per caller and honours them for 24 hours only", async () => {
    const staff = await api.login("staff.baku1.1");
    const byKiosk = await api.issue("BAKU-1", { serviceId }, undefined, "shared-key");
    const byStaff = await api.issue("BAKU-1", { serviceId }, staff.auth, "shared-key");
    expect(byStaff.body.ticket.id).not.toBe(byKiosk.body.ticket.id);
    clock.advance(24 * 3_600_000 + 1000);
    const later = await api.issue("BAKU-1", { serviceId }, undefined, "shared-key");
    expect(later.status).toBe(201);
    expect(later.body.ticket.id).not.toBe(byKiosk.body.ticket.id);
  });

  it("rejects a key longer than 64 characters", async () => {
    const res = await api.issue("BAKU-1", { serviceId }, undefined, "k".repeat(65));
    expect(res.status).toBe(400);
  });
});

async function countTickets(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.db.database.db, sql`SELECT count(*)::int AS n FROM tickets`);
  return row!.n;
}
