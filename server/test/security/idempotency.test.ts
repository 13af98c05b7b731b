import type { Service, Ticket } from "@dost/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../support/api.js";
import { startTestApp, type TestApp } from "../support/app.js";

/**
 * Issue 12, row 9, after the IETF Idempotency-Key draft: the same key with the same request returns
 * the first answer; with another request it is refused with 422 `idempotency_key_reused`, and
 * issues nothing.
 */
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let services: Service[];

beforeAll(async () => {
  t = await startTestApp();
  api = apiClient(t.app);
  services = await api.services("BAKU-1");
});
afterAll(() => t?.close());

const waitingCount = async () =>
  (
    await api.call<{ tickets: Ticket[] }>({
      method: "GET",
      url: "/api/v1/centres/BAKU-1/tickets?status=waiting",
      auth: (await api.login("manager.baku1")).auth,
    })
  ).body.tickets.length;

describe("an Idempotency-Key", () => {
  it("with the same body returns the first ticket, whatever the key order or defaults", async () => {
    const [a] = services;
    const first = await api.issue("BAKU-1", { serviceId: a!.id, priority: "none" }, undefined, "same-body-1");
    expect(first.status).toBe(201);
    const again = await api.issue("BAKU-1", { priority: "none", serviceId: a!.id }, undefined, "same-body-1");
    expect(again.status).toBe(200);
    expect(again.body.ticket.id).toBe(first.body.ticket.id);
    expect(again.body.ticket.code).toBe(first.body.ticket.code);
  });

  it("with another body is refused with 422 idempotency_key_reused and issues nothing", async () => {
    const [a, b] = services;
    const first = await api.issue("BAKU-1", { serviceId: a!.id }, undefined, "reused-1");
    expect(first.status).toBe(201);
    const before = await waitingCount();
    for (const other of [{ serviceId: b!.id }, { serviceId: a!.id, priority: "elderly" }]) {
      const res = await api.call<{ error: { code: string; reason?: string } }>({
        method: "POST",
        url: "/api/v1/centres/BAKU-1/tickets",
        auth: api.kiosk("BAKU-1"),
        headers: { "idempotency-key": "reused-1" },
        payload: other,
      });
      expect(res.status, JSON.stringify(other)).toBe(422);
      expect(res.body.error).toMatchObject({ code: "UNPROCESSABLE", reason: "idempotency_key_reused" });
    }
    expect(await waitingCount()).toBe(before);
    // The key still answers its own request.
    const same = await api.issue("BAKU-1", { serviceId: a!.id }, undefined, "reused-1");
    expect(same.status).toBe(200);
    expect(same.body.ticket.id).toBe(first.body.ticket.id);
  });

  it("is the caller's own: another kiosk's same key with another body issues its own ticket", async () => {
    const [a, b] = services;
    const mine = await api.issue("BAKU-1", { serviceId: a!.id }, undefined, "per-caller-1");
    const theirs = await api.issue(
      "BAKU-1",
      { serviceId: b!.id },
      `Bearer ${(await api.login("staff.baku1.1")).token}`,
      "per-caller-1",
    );
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.ticket.id).not.toBe(mine.body.ticket.id);
  });
});
