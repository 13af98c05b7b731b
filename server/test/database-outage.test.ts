import { afterAll, beforeAll, expect, it } from "vitest";
import { WORKING_MORNING } from "./support/app.js";
import { createTestDatabase, type TestDatabase } from "./support/database.js";
import { describeOnPostgres, TEST_DRIVER } from "./support/driver.js";
import { startServerProcess, type ServerProcess } from "./support/processes.js";
import { remoteClient } from "./support/remote.js";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy.js";

/**
 * The database goes away mid-transaction, again and again, while kiosks issue: a real server
 * process reaches PostgreSQL through a TCP proxy that the test cuts (every connection reset at once,
 * new ones refused) and restores. The process must stay up through every cut, answer only 2xx or
 * 503 (never a 500), answer /health 503 while the database is away and 200 once it is back.
 */
// PostgreSQL only: a network between the server and its database to cut (PGlite runs in-process).
const CUTS = 10;
let db: TestDatabase;
let proxy: TcpProxy;
let server: ServerProcess;

beforeAll(async () => {
  if (TEST_DRIVER !== "postgres") return;
  db = await createTestDatabase("seeded", 2, "postgres");
  const url = new URL(db.url);
  proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
  url.host = `127.0.0.1:${proxy.port}`;
  server = await startServerProcess({
    DATABASE_URL: url.toString(),
    DATA_DIR: undefined,
    NODE_ENV: "development",
    CLOCK_START: WORKING_MORNING.toISOString(),
    DB_CONNECT_TIMEOUT_MS: "1000",
    // A small pool, so a client lost for good during a cut would soon leave nothing to serve with.
    DB_POOL_SIZE: "4",
    RATE_LIMIT_PUBLIC_PER_MINUTE: "100000",
    // Four kiosks issue non-stop: far more than a real kiosk's per-device limit allows.
    RATE_LIMIT_DEVICE_PER_MINUTE: "100000",
  });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await proxy?.close();
  await db?.drop();
}, 60_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeOnPostgres("the database going away under load", () => {
  it(`keeps the process up through ${CUTS} cuts, answering 503 while away and recovering each time`, async () => {
    const api = remoteClient(server.url);
    const services = await api.services("BAKU-1");
    const statuses = new Map<number, number>();
    const healthWhileDown = new Map<number, number>();
    let running = true;
    let refused = 0;

    // Four kiosks issuing as fast as they are answered: a cut lands inside their transactions.
    const kiosks = Array.from({ length: 4 }, async () => {
      while (running) {
        const res = await api.issue("BAKU-1", services[0]!.id).catch(() => null);
        if (!res) {
          refused++;
          await sleep(50);
          continue;
        }
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status !== 201) await sleep(20);
      }
    });

    // 0: the process did not answer at all.
    const health = async () =>
      fetch(`${server.url}/health`).then(
        (r) => r.status,
        () => 0,
      );
    for (let cut = 0; cut < CUTS; cut++) {
      await sleep(300 + (cut % 3) * 150);
      await proxy.cut();
      await sleep(200 + (cut % 4) * 100);
      const status = await health();
      healthWhileDown.set(status, (healthWhileDown.get(status) ?? 0) + 1);
      await proxy.restore();
      // Back within the pool's connect timeout plus a retry or two.
      const deadline = Date.now() + 30_000;
      while ((await health()) !== 200 && Date.now() < deadline) await sleep(100);
      expect(server.proc.exitCode, server.output()).toBeNull();
    }
    await sleep(500);
    running = false;
    await Promise.all(kiosks);

    const summary = Object.fromEntries(statuses);
    console.info(
      `outage: ${CUTS} cuts, ${proxy.dropped} connections reset; answers ${JSON.stringify(summary)};` +
        ` /health while down ${JSON.stringify(Object.fromEntries(healthWhileDown))}; connection refused ${refused}`,
    );
    expect(server.proc.exitCode, server.output()).toBeNull();
    expect(server.proc.signalCode).toBeNull();
    expect(refused).toBe(0);
    const errors = server
      .output()
      .split("\n")
      .filter((line) => line.includes('"level":50'))
      .slice(0, 3);
    expect(
      [...statuses.keys()].every((s) => s === 201 || s === 503),
      errors.join("\n"),
    ).toBe(true);
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect(healthWhileDown.get(503)).toBe(CUTS);
    expect(proxy.dropped).toBeGreaterThanOrEqual(CUTS);
    expect(server.output()).not.toMatch(/shutting down after an error|unhandled/i);

    // And it serves normally afterwards, with its whole pool: more kiosks at once than connections.
    expect(await health()).toBe(200);
    const burst = await Promise.all(Array.from({ length: 12 }, () => api.issue("BAKU-1", services[0]!.id)));
    expect(burst.map((r) => r.status)).toEqual(Array.from({ length: 12 }, () => 201));
  }, 300_000);
});
