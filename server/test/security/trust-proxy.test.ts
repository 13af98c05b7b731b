import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { startTestApp } from "../support/app.js";

/**
 * Issue 12, row 2: TRUST_PROXY names the proxies (addresses, CIDRs) or counts them; `true`, which
 * believed any X-Forwarded-For, is refused at start. A client that writes a new X-Forwarded-For on
 * every request stays one address to the rate limits.
 */
const base = { NODE_ENV: "test" };

describe("TRUST_PROXY setting", () => {
  it("refuses `true` with a message that says what to write instead", () => {
    for (const value of ["true", "TRUE"]) {
      expect(() => loadConfig({ ...base, TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ ...base, TRUST_PROXY: value })).toThrow(/TRUST_PROXY=172\.28\.10\.10/);
    }
  });

  it("takes addresses and CIDRs, or a hop count; unset or false trusts nobody", () => {
    expect(loadConfig({ ...base, TRUST_PROXY: "172.28.10.10" }).trustProxy).toEqual(["172.28.10.10"]);
    expect(loadConfig({ ...base, TRUST_PROXY: "10.0.0.0/8, ::1, fd00::/8" }).trustProxy).toEqual([
      "10.0.0.0/8",
      "::1",
      "fd00::/8",
    ]);
    expect(loadConfig({ ...base, TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ ...base }).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: "false" }).trustProxy).toBe(false);
  });

  it("names every entry that is neither an address, a CIDR nor a hop count", () => {
    for (const value of ["proxy.local", "10.0.0.0/33", "10.0.0.1/8/2", "99"]) {
      expect(() => loadConfig({ ...base, TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY/);
    }
  });
});

describe("a rotated X-Forwarded-For", () => {
  // Through a proxy at 127.0.0.1 (the injected requests' socket address): the proxy appends the
  // address it saw; whatever the client wrote before that is its own invention.
  for (const trust of ["127.0.0.1", "1"]) {
    it(`no longer skips the public limit (TRUST_PROXY=${trust})`, async () => {
      const t = await startTestApp({ env: { TRUST_PROXY: trust, RATE_LIMIT_PUBLIC_PER_MINUTE: "5" } });
      try {
        const services = (client: string, forged: string) =>
          t.app.inject({
            method: "GET",
            url: "/api/v1/centres/BAKU-1/services",
            headers: { "x-forwarded-for": `${forged}, ${client}` },
          });
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++) statuses.push((await services("203.0.113.7", `10.9.8.${i}`)).statusCode);
        expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
        // The proxy's word is still taken for who the client is: another visitor has a budget.
        expect((await services("203.0.113.8", "10.9.8.0")).statusCode).toBe(200);
      } finally {
        await t.close();
      }
    }, 120_000);
  }

  it("is ignored from a peer that is not a trusted proxy", async () => {
    const t = await startTestApp({ env: { TRUST_PROXY: "172.28.10.10", RATE_LIMIT_PUBLIC_PER_MINUTE: "3" } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await t.app.inject({
          method: "GET",
          url: "/api/v1/centres/BAKU-1/services",
          headers: { "x-forwarded-for": `10.9.8.${i}` },
        });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await t.close();
    }
  }, 120_000);
});
