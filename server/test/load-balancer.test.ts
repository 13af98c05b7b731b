import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Service } from "@dost/shared";
import type { FastifyInstance } from "fastify";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { openDatabase, type Database } from "../src/db/client.js";
import { scaledClock } from "../src/lib/clock.js";
import { apiClient } from "./support/api.js";
import { WORKING_MORNING } from "./support/app.js";
import { createTestDatabase, type TestDatabase } from "./support/database.js";
import { TEST_DRIVER } from "./support/driver.js";
import { freePort, serverDir } from "./support/processes.js";
import type { ClientSocket } from "./support/sockets.js";

/**
 * The production Caddyfile in front of two server replicas (two apps on one database, as two
 * containers would be). Docker's DNS is not here, so its one line of upstream discovery is swapped
 * for the two local addresses, and the public host name for a local HTTP address; the load
 * balancing, stickiness, WebSocket passing and the hidden /metrics are the file's own.
 */
// PostgreSQL only: two replicas share one database (PGlite admits one process per data directory).
const runs = TEST_DRIVER === "postgres" && spawnSync("caddy", ["version"]).status === 0;
const work = mkdtempSync(path.join(os.tmpdir(), "dost-lb-"));
let db: TestDatabase;
const replicas: { app: FastifyInstance; database: Database; hits: number; port: number }[] = [];
let caddy: ChildProcess | undefined;
let base = "";
const sockets: ClientSocket[] = [];

async function startReplica(): Promise<void> {
  const config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: db.url,
    LOG_LEVEL: "silent",
    METRICS_TOKEN: "load-balancer-test-token-0123456789",
  });
  const database = openDatabase({
    databaseUrl: db.url,
    dataDir: "",
    migrationsFolder: config.paths.migrations,
    poolSize: 4,
    connectTimeoutMs: 5000,
  });
  const clock = scaledClock(WORKING_MORNING);
  const app = await buildApp(config, { database, clock, runJobs: false, logger: false });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const replica = { app, database, hits: 0, port: (app.server.address() as AddressInfo).port };
  // Every HTTP request this replica receives, socket.io's polling included.
  app.server.on("request", () => replica.hits++);
  replicas.push(replica);
}

async function startCaddy(): Promise<void> {
  const port = await freePort();
  const original = readFileSync(path.resolve(serverDir, "../deploy/Caddyfile"), "utf8");
  const local = original
    .replace(/\tadmin localhost:2019\n/, "\tadmin off\n")
    .replace(
      /dynamic a server 3000 \{\n\s*refresh 5s\n\s*\}/,
      `to ${replicas.map((r) => `127.0.0.1:${r.port}`).join(" ")}`,
    );
  expect(local).not.toBe(original);
  expect(local).not.toContain("dynamic a");
  const file = path.join(work, "Caddyfile");
  writeFileSync(file, local);
  caddy = spawn("caddy", ["run", "--config", file, "--adapter", "caddyfile"], {
    env: {
      ...process.env,
      DOST_SITE_ADDRESS: `http://127.0.0.1:${port}`,
      XDG_DATA_HOME: work,
      XDG_CONFIG_HOME: work,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  caddy.stderr?.on("data", (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (caddy.exitCode !== null) throw new Error(`caddy exited: ${log}`);
    if (
      await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`caddy did not answer: ${log}`);
}

beforeAll(async () => {
  if (!runs) return;
  db = await createTestDatabase("seeded", 2, "postgres");
  await startReplica();
  await startReplica();
  await startCaddy();
});

afterAll(async () => {
  for (const s of sockets) s.close();
  if (caddy && caddy.exitCode === null) {
    const exited = new Promise((r) => caddy!.once("exit", r));
    caddy.kill("SIGTERM");
    await exited;
  }
  for (const r of replicas) {
    await r.app.close();
    await r.database.close();
  }
  await db?.drop();
  rmSync(work, { recursive: true, force: true });
});

const hits = () => replicas.map((r) => r.hits);

describe.runIf(runs)("Caddy in front of two replicas (deploy/Caddyfile)", () => {
  it("keeps a client with its cookie on one replica, and spreads new clients over both", async () => {
    const first = await fetch(`${base}/health`);
    const cookie = /dost_lb=[^;]+/.exec(first.headers.get("set-cookie") ?? "")?.[0];
    expect(cookie).toBeDefined();
    const before = hits();
    for (let i = 0; i < 20; i++) {
      expect((await fetch(`${base}/health`, { headers: { cookie: cookie! } })).status).toBe(200);
    }
    const moved = hits().map((h, i) => h - before[i]!);
    expect(moved.sort((a, b) => a - b)).toEqual([0, 20]);

    // Without a cookie, clients land on both replicas.
    const start = hits();
    for (let i = 0; i < 40; i++) await fetch(`${base}/health`);
    expect(hits().every((h, i) => h > start[i]!)).toBe(true);
  });

  it("carries socket.io over long-polling only (sticky) and over WebSocket, and both hear a call", async () => {
    const connect = (transports: ("polling" | "websocket")[]) =>
      new Promise<ClientSocket>((resolve, reject) => {
        const socket: ClientSocket = io(base, {
          auth: { deviceKey: "demo-display-BAKU-1" },
          transports,
          upgrade: false,
          reconnection: false,
          forceNew: true,
          // Node's engine.io client keeps cookies (dost_lb) only with this set.
          withCredentials: true,
        });
        sockets.push(socket);
        socket.once("connect", () => resolve(socket));
        socket.once("connect_error", reject);
      });
    const polling = await connect(["polling"]);
    const websocket = await connect(["websocket"]);
    expect(polling.io.engine.transport.name).toBe("polling");
    expect(websocket.io.engine.transport.name).toBe("websocket");

    const heard = (socket: ClientSocket) =>
      new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no ticket:called")), 5000);
        socket.once("ticket:called", (event) => {
          clearTimeout(timer);
          resolve(event.code);
        });
      });
    const pollingHeard = heard(polling);
    const websocketHeard = heard(websocket);

    // The call is made on the first replica directly; the other hears it through PostgreSQL.
    const api = apiClient(replicas[0]!.app);
    const staff = await api.login("staff.baku1.3");
    const counter = (await api.counters("BAKU-1", staff.auth))[2]!;
    await api.openCounter(counter.id, staff.auth);
    const services: Service[] = await api.services("BAKU-1");
    const ticket = (await api.issue("BAKU-1", { serviceId: services[0]!.id })).body.ticket;
    await api.callNext(counter.id, staff.auth);
    expect(await pollingHeard).toBe(ticket.code);
    expect(await websocketHeard).toBe(ticket.code);
  });

  it("does not publish /metrics, and answers in the contract's error shape", async () => {
    const res = await fetch(`${base}/metrics`, {
      headers: { authorization: "Bearer load-balancer-test-token-0123456789" },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    // The replicas themselves serve it to Prometheus on the internal network.
    const direct = await fetch(`http://127.0.0.1:${replicas[0]!.port}/metrics`, {
      headers: { authorization: "Bearer load-balancer-test-token-0123456789" },
    });
    expect(direct.status).toBe(200);
  });
});
