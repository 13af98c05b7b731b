import net from "node:net";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { databaseOptions, openDatabase, type Database } from "../src/db/client.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { createTestDatabase, type TestDatabase } from "./support/database.js";
import { describeOnPglite, describeOnPostgres } from "./support/driver.js";

/**
 * A TCP proxy in front of PostgreSQL that the test can cut and restore: a database outage without
 * stopping the shared server.
 */
class CuttableProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Drops every open connection and refuses new ones. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => server?.close(() => resolve()) ?? resolve());
  }
}

/**
 * On PostgreSQL the outage is a TCP proxy cut in front of the real server; PGlite has no connection
 * to cut, so the embedded path has its own test below.
 */
describeOnPostgres("/health and a database outage", () => {
  let test: TestDatabase;
  let proxy: CuttableProxy;
  let database: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    test = await createTestDatabase();
    const target = new URL(test.url);
    proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 5432) });
    await proxy.start();
    const proxied = new URL(test.url);
    proxied.port = String(proxy.port);
    const config = loadConfig({
      NODE_ENV: "test",
      DATABASE_URL: proxied.toString(),
      LOG_LEVEL: "silent",
      DB_CONNECT_TIMEOUT_MS: "1000",
      DB_POOL_SIZE: "4",
    });
    database = openDatabase(databaseOptions(config));
    app = await buildApp(config, { database, runJobs: false, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    await proxy.cut();
    await test.drop();
  });

  const health = () => app.inject({ method: "GET", url: "/health" });

  it("reports ok while the database answers", async () => {
    const res = await health();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("reports 503 while the database is away, and requests get 503 UNAVAILABLE, not a hang or a 500", async () => {
    await proxy.cut();
    const res = await health();
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: "degraded", db: "down" });
    const issue = await app.inject({
      method: "POST",
      url: "/api/v1/centres/BAKU-1/tickets",
      headers: { authorization: "Device demo-kiosk-BAKU-1" },
      payload: { serviceId: "6f1d2c3b-0000-4000-8000-000000000000" },
    });
    expect(issue.statusCode).toBe(503);
    expect(issue.json()).toMatchObject({ error: { code: "UNAVAILABLE" } });
  });

  it("recovers by itself when the database comes back", async () => {
    await proxy.start();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await health()).statusCode;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    const services = await app.inject({ method: "GET", url: "/api/v1/centres/BAKU-1/services" });
    expect(services.statusCode).toBe(200);
  });
});

describeOnPglite("/health on the embedded database", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const health = () => t.app.inject({ method: "GET", url: "/health" });

  it("reports ok, and stays ok around a transaction that another request holds open", async () => {
    expect((await health()).json()).toEqual({ status: "ok", db: "ok" });
    // One connection: the ping waits for the transaction, and answers once it ends.
    let release!: () => void;
    const held = t.db.database.db.transaction(() => new Promise<void>((resolve) => (release = resolve)));
    const during = health();
    setTimeout(() => release(), 200);
    await held;
    expect((await during).statusCode).toBe(200);
  });

  it("reports 503, and requests get 503 UNAVAILABLE, once the database is gone", async () => {
    await t.db.database.close();
    const res = await health();
    expect(res.statusCode).toBe(503);
    const services = await t.app.inject({ method: "GET", url: "/api/v1/centres/BAKU-1/services" });
    expect(services.statusCode).toBe(503);
    expect(services.json()).toMatchObject({ error: { code: "UNAVAILABLE" } });
  });
});
