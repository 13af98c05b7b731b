import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/rows.js";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";

/**
 * Malformed input on every route: 400 in the contract's shape, no 500, and not one row changed.
 * Requests are authenticated as someone the route admits, so they reach validation.
 */
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let admin: string;
let ticketId: string;
let counterId: string;

const TABLES = [
  "tickets",
  "ticket_events",
  "ticket_numbers",
  "idempotency_keys",
  "counters",
  "sessions",
  "centres",
  "users",
];

async function snapshot(): Promise<string> {
  const parts = await Promise.all(
    TABLES.map(async (table) => {
      const [row] = await queryRows<{ h: string }>(
        t.db.database.db,
        sql.raw(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${table} x`),
      );
      return `${table}:${row!.h}`;
    }),
  );
  return parts.join(",");
}

beforeAll(async () => {
  t = await startTestApp();
  api = apiClient(t.app);
  admin = (await api.login("admin")).auth;
  const services = await api.services("BAKU-1");
  ticketId = (await api.issue("BAKU-1", { serviceId: services[0]!.id })).body.ticket.id;
  counterId = (await api.counters("BAKU-1", admin))[0]!.id;
});
afterAll(() => t.close());

interface Bad {
  name: string;
  method: "GET" | "POST" | "PUT";
  url: string;
  payload?: string | object;
  headers?: Record<string, string>;
  auth?: string;
}

const uuid = "6f1d2c3b-0000-4000-8000-000000000000";

function cases(): Bad[] {
  const json = { "content-type": "application/json" };
  const list: Bad[] = [];
  const bodyRoutes: { method: "POST" | "PUT"; url: string; bad: object[] }[] = [
    {
      method: "POST",
      url: "/api/v1/auth/login",
      bad: [
        {},
        { username: "", password: "x" },
        { username: 5, password: [] },
        { username: "a".repeat(101), password: "x" },
        { username: "a", password: "b", extra: true },
      ],
    },
    {
      method: "POST",
      url: "/api/v1/centres/BAKU-1/tickets",
      bad: [
        {},
        { serviceId: "not-a-uuid" },
        { serviceId: uuid, priority: "vip" },
        { serviceId: uuid, language: "fr" },
        { serviceId: uuid, extra: 1 },
        [] as unknown as object,
      ],
    },
    {
      method: "POST",
      url: `/api/v1/tickets/${ticketId}/transfer`,
      bad: [{}, { serviceId: "x" }, { serviceId: uuid, note: "n".repeat(501) }],
    },
    {
      method: "POST",
      url: `/api/v1/tickets/${ticketId}/notes`,
      bad: [{}, { note: "" }, { note: "n".repeat(501) }],
    },
    { method: "POST", url: `/api/v1/tickets/${ticketId}/cancel`, bad: [{ note: 5 }, { reason: "x" }] },
    {
      method: "POST",
      url: `/api/v1/counters/${counterId}/open`,
      bad: [{ serviceIds: [] }, { serviceIds: ["x"] }, { serviceIds: "all" }],
    },
    {
      method: "POST",
      url: `/api/v1/counters/${counterId}/break`,
      bad: [{}, { reason: "" }, { reason: "r".repeat(201) }],
    },
    {
      method: "POST",
      url: `/api/v1/counters/${counterId}/call`,
      bad: [{}, { ticketId: "x", reason: "r" }, { ticketId: uuid }],
    },
    {
      method: "PUT",
      url: "/api/v1/centres/BAKU-1/display-message",
      bad: [{}, { message: "hello" }, { message: { az: "only az" } }],
    },
  ];
  for (const route of bodyRoutes) {
    route.bad.forEach((payload, i) =>
      list.push({
        name: `${route.method} ${route.url} bad body #${i + 1}`,
        method: route.method,
        url: route.url,
        payload,
      }),
    );
    list.push({
      name: `${route.method} ${route.url} invalid JSON`,
      method: route.method,
      url: route.url,
      payload: "{not json",
      headers: json,
    });
    list.push({
      name: `${route.method} ${route.url} oversized body`,
      method: route.method,
      url: route.url,
      payload: JSON.stringify({ note: "x".repeat(70_000) }),
      headers: json,
    });
    list.push({
      name: `${route.method} ${route.url} wrong content type`,
      method: route.method,
      url: route.url,
      payload: "serviceId=1",
      headers: { "content-type": "text/plain" },
    });
  }
  const paramRoutes: Bad[] = [
    { name: "services of a malformed centre", method: "GET", url: "/api/v1/centres/bad%20centre!/services" },
    {
      name: "tickets with an unknown status",
      method: "GET",
      url: "/api/v1/centres/BAKU-1/tickets?status=lost",
    },
    {
      name: "tickets with an unknown query field",
      method: "GET",
      url: "/api/v1/centres/BAKU-1/tickets?drop=table",
    },
    { name: "public ticket with a malformed id", method: "GET", url: "/api/v1/public/tickets/short" },
    { name: "public ticket with SQL in the id", method: "GET", url: "/api/v1/public/tickets/'%20OR%201=1--" },
    ...["recall", "start", "complete", "no-show", "cancel", "transfer", "notes"].map((a) => ({
      name: `${a} on a malformed ticket id`,
      method: "POST" as const,
      url: `/api/v1/tickets/not-a-uuid/${a}`,
    })),
    ...["open", "break", "resume", "close", "call-next", "call"].map((a) => ({
      name: `${a} on a malformed counter id`,
      method: "POST" as const,
      url: `/api/v1/counters/123/${a}`,
    })),
    { name: "counters of a malformed centre", method: "GET", url: "/api/v1/centres/%00/counters" },
    {
      name: "display state of a malformed centre",
      method: "GET",
      url: "/api/v1/centres/x%3Cscript%3E/display-state",
    },
    {
      name: "issue with an over-long Idempotency-Key",
      method: "POST",
      url: "/api/v1/centres/BAKU-1/tickets",
      payload: { serviceId: uuid },
      headers: { "idempotency-key": "k".repeat(65) },
    },
  ];
  return [...list, ...paramRoutes];
}

describe("malformed input", () => {
  it("gets 400 VALIDATION_FAILED in the contract's shape on every route and changes nothing", async () => {
    const before = await snapshot();
    for (const bad of cases()) {
      const res = await t.app.inject({
        method: bad.method,
        url: bad.url,
        headers: { authorization: bad.auth ?? admin, ...bad.headers },
        ...(bad.payload !== undefined ? { payload: bad.payload } : {}),
      });
      expect(res.statusCode, `${bad.name}: ${res.body}`).toBe(400);
      const body = res.json();
      expect(body, bad.name).toMatchObject({
        error: { code: "VALIDATION_FAILED", message: expect.any(String) },
      });
      expect(Object.keys(body), bad.name).toEqual(["error"]);
      expect(res.body, bad.name).not.toMatch(/at .*\.(ts|js):\d+/);
    }
    expect(await snapshot()).toBe(before);
  });

  it("names the fields that failed", async () => {
    const res = await api.issue("BAKU-1", { serviceId: "nope", priority: "vip" });
    expect(res.status).toBe(400);
    const details = (res.body as unknown as { error: { details: { path: string }[] } }).error.details;
    expect(details.map((d) => d.path)).toEqual(expect.arrayContaining(["body.serviceId", "body.priority"]));
  });

  it("answers a service the centre does not offer with 400, and an unknown route with 404", async () => {
    const res = await api.issue("BAKU-1", { serviceId: uuid });
    expect(res.status).toBe(400);
    const missing = await t.app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});
