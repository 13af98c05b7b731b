import { randomBytes } from "node:crypto";
import type { Counter, Service } from "@dost/shared";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { WORKING_MORNING } from "./support/app.js";
import { adminQuery, urlFor } from "./support/database.js";
import { describeOnPostgres, TEST_DRIVER } from "./support/driver.js";
import { startServerProcess, type ServerProcess } from "./support/processes.js";
import { remoteClient, type RemoteClient } from "./support/remote.js";
import { connectSocket, nextEvent, type ClientSocket } from "./support/sockets.js";

/**
 * Two real server processes on one PostgreSQL database, as two replicas behind the load balancer.
 * They start together on an empty database (migrations and the demo seed run once), a call made
 * through one reaches a display on the other, and configuration changed through one is seen by the
 * other at once: the cache TTL is set to its maximum (300 s), so only the cross-process
 * invalidation (config-changes.ts) can make these pass.
 */
// PostgreSQL only: several processes on one database (PGlite admits one process per data directory).
const name = `dost_test_replicas_${randomBytes(5).toString("hex")}`;
const servers: ServerProcess[] = [];
const sockets: ClientSocket[] = [];
let a: RemoteClient;
let b: RemoteClient;

beforeAll(async () => {
  if (TEST_DRIVER !== "postgres") return;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE template0`);
  const env = {
    DATABASE_URL: urlFor(name),
    NODE_ENV: "development",
    CLOCK_START: WORKING_MORNING.toISOString(),
    CONFIG_CACHE_SECONDS: "300",
    DATA_DIR: undefined,
  };
  // Both at once on an empty database, as `docker compose up` starts replicas.
  const started = await Promise.allSettled([startServerProcess(env), startServerProcess(env)]);
  for (const s of started) if (s.status === "fulfilled") servers.push(s.value);
  expect(started.map((s) => (s.status === "rejected" ? String(s.reason) : "ok"))).toEqual(["ok", "ok"]);
  a = remoteClient(servers[0]!.url);
  b = remoteClient(servers[1]!.url);
}, 240_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all(servers.map((s) => s.stop()));
  if (TEST_DRIVER === "postgres") await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}, 60_000);

describeOnPostgres("two server processes on one PostgreSQL database", () => {
  let services: Service[];
  let counter: Counter;
  let staff: string;
  let manager: string;

  it("started together on an empty database: the demo was seeded once", async () => {
    const client = new pg.Client({ connectionString: urlFor(name) });
    await client.connect();
    try {
      const centres = await client.query("SELECT code, count(*)::int AS n FROM centres GROUP BY code");
      expect(centres.rowCount).toBeGreaterThan(0);
      expect(centres.rows.every((r: { n: number }) => r.n === 1)).toBe(true);
    } finally {
      await client.end();
    }
    services = await a.services("BAKU-1");
    staff = await a.login("staff.baku1.3");
    manager = await b.login("manager.baku1");
    counter = (await a.counters("BAKU-1", staff))[2]!;
    expect((await a.openCounter(counter.id, staff)).status).toBe(204);
  });

  it("a call made through one process reaches a display socket on the other", async () => {
    const display = await connectSocket(b.base, { deviceKey: "demo-display-BAKU-1" });
    sockets.push(display);
    const issued = await a.issue("BAKU-1", services[0]!.id);
    expect(issued.status).toBe(201);
    const heard = nextEvent(display, "ticket:called", 10_000);
    const called = await a.callNext(counter.id, staff);
    expect(called.body.ticket?.code).toBe(issued.body.ticket.code);
    expect((await heard).code).toBe(issued.body.ticket.code);
  });

  it("a new display message set through one process is what the other serves when its display refetches", async () => {
    const display = await connectSocket(a.base, { deviceKey: "demo-display-BAKU-1" });
    sockets.push(display);
    const auth = "Device demo-display-BAKU-1";
    // Both processes have the centre in their cache.
    expect((await a.call("GET", "/api/v1/centres/BAKU-1/display-state", { auth })).status).toBe(200);
    expect((await b.call("GET", "/api/v1/centres/BAKU-1/display-state", { auth })).status).toBe(200);
    for (const round of [1, 2, 3]) {
      const message = { az: `Elan ${round}`, ru: `Объявление ${round}`, en: `Notice ${round}` };
      const changed = nextEvent(display, "display:changed", 10_000);
      const set = await b.call("PUT", "/api/v1/centres/BAKU-1/display-message", {
        auth: manager,
        body: { message },
      });
      expect(set.status).toBe(204);
      // The display on the other process refetches the moment it hears the change, as the app does.
      await changed;
      const state = await a.call<{ displayMessage: unknown }>("GET", "/api/v1/centres/BAKU-1/display-state", {
        auth,
      });
      expect(state.body.displayMessage).toEqual(message);
    }
  });

  it("a centre closed for today through one process stops issuing on the other at once", async () => {
    expect((await b.issue("BAKU-1", services[0]!.id)).status).toBe(201);
    const today = new Date(WORKING_MORNING.getTime() + 4 * 3600_000).toISOString().slice(0, 10);
    const closed = await a.call("PUT", "/api/v1/admin/centres/BAKU-1/closed-dates", {
      auth: manager,
      body: { dates: [{ date: today, reason: { az: "Bağlı", ru: "Закрыто", en: "Closed" } }] },
    });
    expect(closed.status).toBe(200);
    const refused = await b.issue("BAKU-1", services[0]!.id);
    expect(refused.body).toMatchObject({ error: { reason: "centre_closed" } });
    await a.call("PUT", "/api/v1/admin/centres/BAKU-1/closed-dates", { auth: manager, body: { dates: [] } });
    expect((await b.issue("BAKU-1", services[0]!.id)).status).toBe(201);
  });

  it("a device revoked through one process is refused by the other at once", async () => {
    const kiosk = "Device demo-kiosk-BAKU-1";
    // The other process has the key cached.
    expect((await b.issue("BAKU-1", services[0]!.id, kiosk)).status).toBe(201);
    const devices = await a.call<{ devices: { id: string; kind: string }[] }>(
      "GET",
      "/api/v1/admin/centres/BAKU-1/devices",
      { auth: manager },
    );
    const device = devices.body.devices.find((d) => d.kind === "kiosk")!;
    expect(
      (await a.call("POST", `/api/v1/admin/devices/${device.id}/revoke`, { auth: manager })).status,
    ).toBe(200);
    expect((await b.issue("BAKU-1", services[0]!.id, kiosk)).status).toBe(401);
  });
});
