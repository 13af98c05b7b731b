import { publicWaitsResponseSchema, type PublicWaits } from "@dost/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "./support/api.js";
import { startTestApp, WORKING_MORNING, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";

let t: TestApp;
let api: ReturnType<typeof apiClient>;
const clock = new FakeClock(WORKING_MORNING);

beforeAll(async () => {
  t = await startTestApp({ clock });
  api = apiClient(t.app);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("public open data: GET /api/v1/public/waits", { timeout: 120_000 }, () => {
  it("lists every centre's queues as the live figures say, cached 15 s, readable cross-origin, no personal data", async () => {
    const services = await api.services("BAKU-1");
    const issued = await api.issue("BAKU-1", { serviceId: services[0]!.id });
    expect(issued.status).toBe(201);
    const staff = await api.login("staff.baku1.1");
    const counter = (await api.counters("BAKU-1", staff.auth))[0]!;
    expect((await api.openCounter(counter.id, staff.auth, [services[0]!.id])).status).toBe(204);

    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/public/waits",
      headers: { origin: "https://example.org" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=15");
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    const body = publicWaitsResponseSchema.parse(res.json());
    expect(body.licence).toMatch(/CC-BY-4.0/);
    expect(body.centres.map((c) => c.code)).toEqual(["BAKU-1", "BAKU-2", "SUMGAYIT"]);
    const baku = body.centres[0]!;
    expect(baku.openNow).toBe(true);
    const live = await api.services("BAKU-1");
    expect(baku.services.map((s) => [s.code, s.waiting, s.estimatedWaitMinutes])).toEqual(
      live.map((s) => [s.code, s.waiting, s.estimatedWaitMinutes]),
    );
    expect(baku.services[0]).toMatchObject({ waiting: 1, openCounters: 1 });
    // Nothing about a person or a ticket: no ticket code, no ticket or public id.
    expect(res.body).not.toContain(issued.body.ticket.code);
    expect(res.body).not.toContain(issued.body.ticket.id);
    expect(res.body).not.toContain(issued.body.ticket.publicId);

    // Within 15 s the same answer; after them, the new figures.
    await api.issue("BAKU-1", { serviceId: services[0]!.id });
    const cached = (await api.call<PublicWaits>({ method: "GET", url: "/api/v1/public/waits" })).body;
    expect(cached.generatedAt).toBe(body.generatedAt);
    expect(cached.centres[0]!.services[0]!.waiting).toBe(1);
    clock.advance(16_000);
    const fresh = (await api.call<PublicWaits>({ method: "GET", url: "/api/v1/public/waits" })).body;
    expect(fresh.generatedAt).not.toBe(body.generatedAt);
    expect(fresh.centres[0]!.services[0]!.waiting).toBe(2);

    // Closed at night.
    clock.set("2026-11-24T16:00:00Z"); // 20:00 in Baku
    const night = (await api.call<PublicWaits>({ method: "GET", url: "/api/v1/public/waits" })).body;
    expect(night.centres.every((c) => !c.openNow)).toBe(true);
  });
});
