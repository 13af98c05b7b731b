import type { Counter, Ticket } from "@dost/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, DEMO_PASSWORD } from "../support/api.js";
import { startTestApp, type TestApp } from "../support/app.js";

/**
 * Issue 12, row 6: a state change authenticated by the session cookie must come from this origin
 * (Fetch Metadata, else Origin). A forged cross-site POST calls nobody and changes nothing; the
 * console's own requests, and Bearer and Device callers from anywhere, go through.
 */
const CENTRE = "SUMGAYIT";
const HOST = "dost.example.az";
const SAME_ORIGIN = { "sec-fetch-site": "same-origin", origin: `https://${HOST}` };

interface ErrorBody {
  error: { code: string; reason?: string };
}

describe("cross-site requests with the session cookie", () => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let cookie: string;
  let bearer: string;
  let counter: Counter;
  let ticket: Ticket;

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { host: HOST, ...SAME_ORIGIN },
      payload: { username: "staff.sumgayit.1", password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    cookie = /dost_session=[^;]+/.exec(String(login.headers["set-cookie"]))![0];
    bearer = `Bearer ${login.json<{ token: string }>().token}`;
    counter = (await api.counters(CENTRE, bearer))[0]!;
    const serviceId = (await api.services(CENTRE))[0]!.id;
    ticket = (await api.issue(CENTRE, { serviceId })).body.ticket;
  }, 300_000); // a cold embedded database under load
  afterAll(async () => {
    await t?.close();
  });

  const withCookie = (method: "POST" | "GET", url: string, headers: Record<string, string>) =>
    t.app.inject({
      method,
      url,
      headers: { host: HOST, cookie, ...headers },
      ...(method === "POST" ? { payload: {} } : {}),
    });

  const ticketStatus = async () => {
    const list = await api.call<{ tickets: Ticket[] }>({
      method: "GET",
      url: `/api/v1/centres/${CENTRE}/tickets`,
      auth: bearer,
    });
    return list.body.tickets.find((t) => t.id === ticket.id)?.status;
  };

  it("accepts the console's own same-origin cookie requests", async () => {
    const opened = await withCookie("POST", `/api/v1/counters/${counter.id}/open`, SAME_ORIGIN);
    expect(opened.statusCode).toBeLessThan(300);
  }, 60_000);

  it("refuses a forged cross-site call-next with 403 cross_site_request, and no ticket is called", async () => {
    const forged: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      { "sec-fetch-site": "same-site", origin: `https://other.${HOST}` },
      { origin: "https://evil.example" }, // an older browser: Origin only
      { origin: "null" }, // a sandboxed frame or a redirect chain
    ];
    for (const headers of forged) {
      const res = await withCookie("POST", `/api/v1/counters/${counter.id}/call-next`, headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json<ErrorBody>().error).toMatchObject({ code: "FORBIDDEN", reason: "cross_site_request" });
    }
    expect(await ticketStatus()).toBe("waiting");
    // Signing out is a state change too: a forged one is refused and the session lives on.
    const logout = await withCookie("POST", "/api/v1/auth/logout", { "sec-fetch-site": "cross-site" });
    expect(logout.statusCode).toBe(403);
    expect((await withCookie("GET", "/api/v1/auth/me", {})).statusCode).toBe(200);
  }, 60_000);

  it("lets reads through whatever their origin (nothing changes)", async () => {
    const read = await withCookie("GET", "/api/v1/auth/me", { "sec-fetch-site": "cross-site" });
    expect(read.statusCode).toBe(200);
  }, 60_000);

  it("leaves Bearer and Device callers alone: the browser never adds their credential", async () => {
    const kiosk = await t.app.inject({
      method: "POST",
      url: `/api/v1/centres/${CENTRE}/tickets`,
      headers: {
        authorization: api.kiosk(CENTRE),
        "sec-fetch-site": "cross-site",
        origin: "https://portal.example",
      },
      payload: { serviceId: ticket.serviceId },
    });
    expect(kiosk.statusCode).toBe(201);
    const called = await t.app.inject({
      method: "POST",
      url: `/api/v1/counters/${counter.id}/call-next`,
      headers: { authorization: bearer, "sec-fetch-site": "cross-site", cookie },
    });
    expect(called.statusCode).toBe(200);
    expect(await ticketStatus()).toBe("called");
  }, 60_000);

  it("accepts same-origin cookie state changes, by Fetch Metadata or by Origin alone", async () => {
    const recall = `/api/v1/tickets/${ticket.id}/recall`;
    expect((await withCookie("POST", recall, SAME_ORIGIN)).statusCode).toBe(200);
    expect((await withCookie("POST", recall, { origin: `https://${HOST}` })).statusCode).toBe(200);
    // A typed or bookmarked request ("none") is the user's own doing.
    expect((await withCookie("POST", recall, { "sec-fetch-site": "none" })).statusCode).toBe(200);
  }, 60_000);
});
