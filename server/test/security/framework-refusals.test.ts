import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_REASONS } from "@dost/shared";
import { startTestApp, type TestApp } from "../support/app.js";

/**
 * Issue 12, row 8: the framework's own refusals (routing, body parsing) leave in the contract's
 * shape with a reason, like every other answer, and never as a 5xx.
 */
interface ErrorBody {
  error: { code: string; message: string; reason?: string };
}

describe("framework refusals in the contract's shape", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 300_000); // a cold embedded database under load
  afterAll(async () => {
    await t?.close();
  });

  const cases: {
    what: string;
    request: InjectOptions;
    status: number;
    code: string;
    reason: string;
  }[] = [
    {
      what: "malformed JSON",
      request: {
        method: "POST",
        url: "/api/v1/auth/login",
        headers: { "content-type": "application/json" },
        payload: '{"username": "admin", ',
      },
      status: 400,
      code: "VALIDATION_FAILED",
      reason: "malformed_request",
    },
    {
      what: "an empty JSON body",
      request: {
        method: "POST",
        url: "/api/v1/auth/login",
        headers: { "content-type": "application/json" },
        payload: "",
      },
      status: 400,
      code: "VALIDATION_FAILED",
      reason: "malformed_request",
    },
    {
      what: "a body beyond 64 KiB",
      request: {
        method: "POST",
        url: "/api/v1/auth/login",
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ username: "admin", password: "x".repeat(70 * 1024) }),
      },
      status: 400,
      code: "VALIDATION_FAILED",
      reason: "body_too_large",
    },
    {
      what: "an unsupported media type",
      request: {
        method: "POST",
        url: "/api/v1/auth/login",
        headers: { "content-type": "application/xml" },
        payload: "<login/>",
      },
      status: 400,
      code: "VALIDATION_FAILED",
      reason: "unsupported_media_type",
    },
    {
      what: "a path parameter of 300 characters",
      request: { method: "GET", url: `/api/v1/public/tickets/${"a".repeat(300)}` },
      status: 400,
      code: "VALIDATION_FAILED",
      reason: "url_too_long",
    },
    {
      what: "a malformed % escape",
      request: { method: "GET", url: "/api/v1/public/tickets/%E0%A4%A" },
      status: 400,
      code: "VALIDATION_FAILED",
      reason: "malformed_request",
    },
    {
      what: "a route that does not exist",
      request: { method: "GET", url: "/api/v1/no-such-thing" },
      status: 404,
      code: "NOT_FOUND",
      reason: "no_route",
    },
    {
      // Fastify has no 405: a method a path does not take is a route that does not exist.
      what: "a method the path does not take",
      request: { method: "DELETE", url: "/api/v1/auth/login" },
      status: 404,
      code: "NOT_FOUND",
      reason: "no_route",
    },
  ];

  for (const c of cases) {
    it(`answers ${c.what} with ${c.status} ${c.code} ${c.reason}`, async () => {
      const res = await t.app.inject(c.request);
      expect(res.statusCode).toBe(c.status);
      expect(res.headers["content-type"]).toMatch(/application\/json/);
      const body = res.json<ErrorBody>();
      expect(body.error).toMatchObject({ code: c.code, reason: c.reason });
      expect(typeof body.error.message).toBe("string");
      expect(Object.keys(body)).toEqual(["error"]);
      expect(ERROR_REASONS).toContain(body.error.reason);
      expect(res.body).not.toMatch(/FST_|statusCode|stack/);
    });
  }

  it("answers the same over a real socket, where the router refuses before any plugin", async () => {
    const served = await startTestApp({ listen: true });
    try {
      for (const path of [`/api/v1/public/tickets/${"b".repeat(300)}`, "/api/v1/public/tickets/%zz"]) {
        const res = await fetch(`${served.url}${path}`);
        expect(res.status).toBe(400);
        const body = (await res.json()) as ErrorBody;
        expect(body.error.code).toBe("VALIDATION_FAILED");
        expect(["url_too_long", "malformed_request"]).toContain(body.error.reason);
      }
    } finally {
      await served.close();
    }
  }, 120_000);
});
