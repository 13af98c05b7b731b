import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { openDatabase, type Database } from "../src/db/client.js";
import { prepareDatabase } from "../src/setup/prepare.js";
import { scaledClock } from "../src/lib/clock.js";
import { apiClient } from "./support/api.js";
import { WORKING_MORNING } from "./support/app.js";
import { ADMIN_URL, createTestDatabase, urlFor } from "./support/database.js";
import { describeOnPostgres } from "./support/driver.js";
import { makeHistory, nextTicketCode, pick, publicView, type Call } from "./support/history.js";
import { runScript } from "./support/processes.js";

/**
 * PostgreSQL: `npm run backup` (pg_dump, taken while the server runs) and `npm run restore` into a
 * brand-new database, then the real app on the restored database: the same tickets, numbering that
 * goes on, the whole event log with its append-only trigger. And the refusals that protect data.
 * PostgreSQL only: pg_dump and pg_restore are its tools (backup-embedded.test.ts is the PGlite path).
 */
const tmp = mkdtempSync(path.join(os.tmpdir(), "dost-backup-pg-"));
const created: string[] = [];
const cleanups: (() => Promise<void>)[] = [];

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function emptyDatabase(): Promise<string> {
  const name = `dost_test_restore_${randomBytes(5).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE template0`));
  created.push(name);
  return urlFor(name);
}

/** The real app on a database, started as server.ts does (migrations first: none pending). */
async function appOn(url: string): Promise<{ app: FastifyInstance; database: Database; call: Call }> {
  const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: url, LOG_LEVEL: "silent" });
  const database = openDatabase({
    databaseUrl: url,
    dataDir: "",
    migrationsFolder: config.paths.migrations,
    poolSize: 4,
    connectTimeoutMs: 5000,
  });
  await prepareDatabase(database, config, { info: () => undefined });
  // A working morning, so the kiosk issues whatever hour the suite runs at.
  const clock = scaledClock(WORKING_MORNING);
  const app = await buildApp(config, { database, clock, runJobs: false, logger: false });
  await app.ready();
  const close = async () => {
    await app.close();
    await database.close();
  };
  cleanups.push(close);
  return { app, database, call: apiClient(app).call as Call };
}

async function rows<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const EVENTS = "SELECT id::int, ticket_id, action, from_status, to_status, at FROM ticket_events ORDER BY id";

afterAll(async () => {
  for (const close of cleanups) await close().catch(() => undefined);
  await admin(async (c) => {
    for (const name of created) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  rmSync(tmp, { recursive: true, force: true });
});

describeOnPostgres("backup and restore on PostgreSQL", () => {
  it("restores into a fresh database a system that serves the same tickets and goes on numbering", async () => {
    const source = await createTestDatabase("seeded", 4, "postgres");
    cleanups.push(() => source.drop());
    const live = await appOn(source.url);
    const history = await makeHistory(live.call);
    const eventsBefore = await rows(source.url, EVENTS);
    expect(eventsBefore.length).toBeGreaterThanOrEqual(8);

    // Online: pg_dump takes a consistent snapshot while the app keeps its connections.
    const file = path.join(tmp, "night.dump");
    const backup = await runScript("backup", [file], { DATABASE_URL: source.url });
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/wrote .*night\.dump/);

    const target = await emptyDatabase();
    const restore = await runScript("restore", [file], { DATABASE_URL: target });
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain("restored: 4 tickets");

    const restored = await appOn(target);
    expect(await publicView(restored.call, history.tickets)).toEqual(history.tickets.map(pick));
    // Gapless numbering per centre, day and prefix goes on from the backup's last number.
    const lastCode = history.tickets[2]!.code;
    const next = await nextTicketCode(restored.call, history.services[0]!);
    expect(next).toBe(`${lastCode.slice(0, -3)}${String(Number(lastCode.slice(-3)) + 1).padStart(3, "0")}`);

    // The event log is whole, its sequence goes on after it, and it is still append-only.
    const eventsAfter = await rows<{ id: number }>(target, EVENTS);
    expect(eventsAfter.slice(0, eventsBefore.length)).toEqual(eventsBefore);
    expect(eventsAfter.length).toBe(eventsBefore.length + 1);
    expect(eventsAfter.at(-1)!.id).toBeGreaterThan(eventsBefore.at(-1)!.id as number);
    await expect(rows(target, "UPDATE ticket_events SET note = 'changed'")).rejects.toThrow(/append-only/);
    // The hourly aggregates were restored, not counted twice by their trigger during the load.
    const statsSql = "SELECT sum(issued)::int AS issued FROM hourly_service_stats";
    expect((await rows(target, statsSql))[0]).toEqual({ issued: 5 });
    expect((await rows(source.url, statsSql))[0]).toEqual({ issued: 4 });
  });

  it("refuses to restore over a database that is not empty without --force, and changes nothing", async () => {
    const source = await createTestDatabase("seeded", 4, "postgres");
    cleanups.push(() => source.drop());
    const live = await appOn(source.url);
    const history = await makeHistory(live.call);
    const file = path.join(tmp, "before-more.dump");
    expect((await runScript("backup", [file], { DATABASE_URL: source.url })).code).toBe(0);
    // The day goes on after the backup.
    await nextTicketCode(live.call, history.services[0]!);
    const before = await rows(source.url, EVENTS);

    const refused = await runScript("restore", [file], { DATABASE_URL: source.url });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/not empty.*--force/s);
    expect(await rows(source.url, EVENTS)).toEqual(before);

    // --force with the app still connected: refused too, since it would pull data from under it.
    const busy = await runScript("restore", ["--force", file], { DATABASE_URL: source.url });
    expect(busy.code).toBe(3);
    expect(busy.stderr).toMatch(/other connection/);
    expect(await rows(source.url, EVENTS)).toEqual(before);

    // Servers stopped: --force replaces everything (append-only events included) with the backup.
    await live.app.close();
    await live.database.close();
    const forced = await runScript("restore", ["--force", file], { DATABASE_URL: source.url });
    expect(forced.code, forced.stderr).toBe(0);
    const after = await rows(source.url, EVENTS);
    expect(after).toEqual(before.slice(0, -1));
    const again = await appOn(source.url);
    expect(await publicView(again.call, history.tickets)).toEqual(history.tickets.map(pick));
  });

  it("refuses a file that is not a PostgreSQL backup, and a file that is damaged, changing nothing", async () => {
    const target = await emptyDatabase();
    const notABackup = path.join(tmp, "notes.txt");
    const { writeFileSync, readFileSync } = await import("node:fs");
    writeFileSync(notABackup, "hello");
    const wrong = await runScript("restore", [notABackup], { DATABASE_URL: target });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("not a backup");

    const source = await createTestDatabase("seeded", 2, "postgres");
    cleanups.push(() => source.drop());
    const good = path.join(tmp, "good.dump");
    expect((await runScript("backup", [good], { DATABASE_URL: source.url })).code).toBe(0);
    const damaged = path.join(tmp, "damaged.dump");
    const bytes = readFileSync(good);
    writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const broken = await runScript("restore", [damaged], { DATABASE_URL: target });
    expect(broken.code).toBe(1);
    const left = await rows(target, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    expect(left).toEqual([{ n: 0 }]);
  });
});
