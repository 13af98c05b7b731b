import { describe, expect, it, vi } from "vitest";
import { createDisplayApi, isKeyRefused } from "./api.js";
import { CENTRE, DISPLAY_DEVICE } from "./test/fakes.js";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("display API", () => {
  it("sends the device key and reads the device", async () => {
    const fetch = vi.fn(async () => json(200, { device: DISPLAY_DEVICE }));
    const api = createDisplayApi("demo-display-BAKU-1", fetch);
    expect(await api.device()).toEqual(DISPLAY_DEVICE);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/v1/devices/me");
    expect(new Headers(init.headers).get("authorization")).toBe("Device demo-display-BAKU-1");
  });

  it("turns 401 into a refused key, and network failures and 5xx into unreachable", async () => {
    const refused = createDisplayApi("k", async () =>
      json(401, { error: { code: "UNAUTHENTICATED", message: "no" } }),
    );
    expect(isKeyRefused(await refused.device().catch((error: unknown) => error))).toBe(true);
    const down = createDisplayApi("k", async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(down.device()).rejects.toMatchObject({ failure: "unreachable" });
    const busy = createDisplayApi("k", async () =>
      json(503, { error: { code: "UNAVAILABLE", message: "db" } }),
    );
    await expect(busy.displayState(CENTRE.id)).rejects.toMatchObject({ failure: "unreachable" });
  });

  it("finds the device's centre in the catalogue", async () => {
    const api = createDisplayApi("k", async () => json(200, { centres: [CENTRE] }));
    expect(await api.centre(CENTRE.id)).toEqual(CENTRE);
    await expect(api.centre("00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      failure: "unreachable",
    });
  });

  it("reads display-state, treating a missing displayMessage as no message", async () => {
    const body = { centreId: CENTRE.id, recentCalls: [], services: [] };
    const api = createDisplayApi("k", async () => json(200, body));
    expect(await api.displayState(CENTRE.id)).toEqual({ ...body, displayMessage: null });
  });
});
