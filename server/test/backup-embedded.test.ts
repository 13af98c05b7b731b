import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, expect, it } from "vitest";
import { WORKING_MORNING } from "./support/app.js";
import { describeOnPglite } from "./support/driver.js";
import { makeHistory, fetchCall, nextTicketCode, pick, publicView } from "./support/history.js";
import { runScript, startServerProcess, type ServerProcess } from "./support/processes.js";

/**
 * The embedded database (PGlite under DATA_DIR): the real server in a child process makes a
 * morning's history; the backup refuses while that server has the directory open and succeeds once
 * it stopped; a restore into a fresh directory gives a server with the same tickets, numbering that
 * goes on and the whole event log; a restore over a database refuses without --force.
 */
const root = mkdtempSync(path.join(os.tmpdir(), "dost-backup-pglite-"));
const servers: ServerProcess[] = [];

const embedded = (dataDir: string) => ({ DATA_DIR: dataDir, DATABASE_URL: undefined });

async function serve(dataDir: string): Promise<ServerProcess> {
  // A working morning on the simulated clock, so the kiosk issues whatever hour the suite runs at.
  const server = await startServerProcess({
    ...embedded(dataDir),
    NODE_ENV: "development",
    CLOCK_START: WORKING_MORNING.toISOString(),
  });
  servers.push(server);
  return server;
}

async function eventLog(dataDir: string) {
  const db = await PGlite.create(dataDir);
  try {
    const { rows } = await db.query(
      "SELECT id::int, ticket_id, action, from_status, to_status, at FROM ticket_events ORDER BY id",
    );
    return rows;
  } finally {
    await db.close();
  }
}

afterAll(async () => {
  for (const s of servers) await s.stop().catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
});

// Once, in the embedded run of the driver matrix: these are server processes on PGlite.
describeOnPglite("backup and restore of the embedded database", () => {
  it("backs up a stopped server's data and restores a system that goes on where it stopped", async () => {
    const original = path.join(root, "original");
    const file = path.join(root, "night.tgz");
    const server = await serve(original);
    const history = await makeHistory(fetchCall(server.url));

    // The server has the files open: copying them now is not safe, so the backup refuses.
    const busy = await runScript("backup", [file], embedded(original));
    expect(busy.code).toBe(3);
    expect(busy.stderr).toMatch(/in use by a server \(pid \d+/);
    expect(readdirSync(root)).not.toContain("night.tgz");

    await server.stop();
    const backup = await runScript("backup", [file], embedded(original));
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain("4 tickets");
    const eventsBefore = await eventLog(original);
    expect(eventsBefore.length).toBeGreaterThanOrEqual(8);

    const fresh = path.join(root, "fresh");
    const restore = await runScript("restore", [file], embedded(fresh));
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain("restored: 4 tickets");
    expect(readdirSync(fresh).filter((n) => n.startsWith(".") || n === "dost.lock")).toEqual([]);

    const restored = await serve(fresh);
    const call = fetchCall(restored.url);
    expect(await publicView(call, history.tickets)).toEqual(history.tickets.map(pick));
    const lastCode = history.tickets[2]!.code;
    expect(await nextTicketCode(call, history.services[0]!)).toBe(
      `${lastCode.slice(0, -3)}${String(Number(lastCode.slice(-3)) + 1).padStart(3, "0")}`,
    );
    await restored.stop();

    const eventsAfter = await eventLog(fresh);
    expect(eventsAfter.slice(0, eventsBefore.length)).toEqual(eventsBefore);
    expect(eventsAfter).toHaveLength(eventsBefore.length + 1);

    // Over a directory that holds a database: refused without --force, and nothing changes.
    const over = await runScript("restore", [file], embedded(fresh));
    expect(over.code).toBe(3);
    expect(over.stderr).toMatch(/not empty.*--force/s);
    expect(await eventLog(fresh)).toEqual(eventsAfter);

    // With --force the backup replaces it: the ticket issued after the backup is gone again.
    const forced = await runScript("restore", ["--force", file], embedded(fresh));
    expect(forced.code, forced.stderr).toBe(0);
    expect(await eventLog(fresh)).toEqual(eventsBefore);
    expect(readdirSync(fresh).filter((n) => n.startsWith("."))).toEqual([]);
  }, 420_000);

  it("keeps a second server off a data directory a running server has open", async () => {
    const dir = path.join(root, "shared");
    await serve(dir);
    await expect(serve(dir)).rejects.toThrow(/in use by a server/);
  }, 300_000);
});
