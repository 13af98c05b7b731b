import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("OpenAPI documentation", () => {
  it("describes every /api/v1 route from the same zod schemas that validate it", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/docs/json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    for (const rule of t.app.accessRules) {
      const path = rule.url.replace(/:(\w+)/g, "{$1}");
      expect(doc.paths[path]?.[rule.method.toLowerCase()], `${rule.method} ${rule.url}`).toBeDefined();
    }
    expect(doc.paths["/api/v1/centres/{centreId}/tickets"]?.post?.requestBody).toBeDefined();
    const page = await t.app.inject({ method: "GET", url: "/api/docs" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
  });
});
