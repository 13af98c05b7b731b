import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../support/api.js";
import { startTestApp, type TestApp } from "../support/app.js";

/**
 * Issue 12, row 5 (its rate part): issuing and checking in are limited per kiosk key, not per
 * address. A burst from one kiosk gets 429 in the contract's shape, never a 5xx, and nobody else
 * (another kiosk at the same centre and address, the staff) is slowed by it.
 */
const PER_MINUTE = 5;

interface Refusal {
  error: { code: string; reason?: string };
}

describe("per-kiosk limits", () => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let serviceId: string;
  let secondKiosk: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_DEVICE_PER_MINUTE: String(PER_MINUTE) } });
    api = apiClient(t.app);
    serviceId = (await api.services("BAKU-1"))[0]!.id;
    const manager = await api.login("manager.baku1");
    const created = await api.call<{ key: string }>({
      method: "POST",
      url: "/api/v1/admin/centres/BAKU-1/devices",
      auth: manager.auth,
      payload: { kind: "kiosk", label: "Second kiosk" },
    });
    expect(created.status).toBe(201);
    secondKiosk = `Device ${created.body.key}`;
  }, 300_000); // a cold embedded database under load
  afterAll(async () => {
    await t?.close();
  });

  it("answers a parallel burst from one kiosk with 429s beyond the limit, never a 5xx", async () => {
    const burst = await Promise.all(
      Array.from({ length: 4 * PER_MINUTE }, () => api.issue("BAKU-1", { serviceId })),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(PER_MINUTE);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3 * PER_MINUTE);
    const refused = burst.find((r) => r.status === 429)!.body as unknown as Refusal;
    expect(refused.error).toMatchObject({ code: "RATE_LIMITED", reason: "too_many_requests" });

    const again = await t.app.inject({
      method: "POST",
      url: "/api/v1/centres/BAKU-1/tickets",
      headers: { authorization: api.kiosk("BAKU-1") },
      payload: { serviceId },
    });
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers["retry-after"])).toBeGreaterThan(0);
  }, 120_000);

  it("leaves another kiosk at the same address and the staff unaffected", async () => {
    expect((await api.issue("BAKU-1", { serviceId }, secondKiosk)).status).toBe(201);
    const staff = await api.login("staff.baku1.1");
    expect((await api.issue("BAKU-1", { serviceId }, staff.auth)).status).toBe(201);
  }, 120_000);

  it("limits check-ins per kiosk, so a leaked key cannot walk through appointment codes", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PER_MINUTE + 2; i++) {
      const res = await api.call({
        method: "POST",
        url: "/api/v1/centres/BAKU-2/check-in",
        auth: api.kiosk("BAKU-2"),
        payload: { code: `ABCDEFG${"23456789"[i]}` },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, PER_MINUTE).every((s) => s >= 400 && s < 500 && s !== 429)).toBe(true);
    expect(statuses.slice(PER_MINUTE)).toEqual([429, 429]);
    // The other route's budget and other kiosks are their own.
    const other = await api.call({
      method: "POST",
      url: "/api/v1/centres/SUMGAYIT/check-in",
      auth: api.kiosk("SUMGAYIT"),
      payload: { code: "ABCDEFG2" },
    });
    expect(other.status).not.toBe(429);
  }, 120_000);
});
