import { randomBytes } from "node:crypto";
import type { Service } from "@dost/shared";
import { afterAll, beforeAll, expect, it } from "vitest";
import { WORKING_MORNING } from "./support/app.js";
import { adminQuery, urlFor } from "./support/database.js";
import { describeOnPostgres, TEST_DRIVER } from "./support/driver.js";
import { startServerProcess, type ServerProcess } from "./support/processes.js";
import { remoteClient } from "./support/remote.js";
import { connectSocket, type ClientSocket } from "./support/sockets.js";

/**
 * A rolling restart: two server processes on one PostgreSQL database, a hall display attached to
 * the first, calls going on, and the first stopped with SIGTERM as `docker compose up` replacing a
 * replica does. The display falls over to the second process (a client-side list of two addresses
 * stands in for the load balancer) and rebuilds its screen from display-state, as the display app
 * does on every connect: it must end up having shown every call. The stopped process refuses new
 * sockets while it drains, and answers the requests it had already taken.
 */
// PostgreSQL only: several processes on one database (PGlite admits one process per data directory).
const name = `dost_test_rolling_${randomBytes(5).toString("hex")}`;
const servers: ServerProcess[] = [];
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  if (TEST_DRIVER !== "postgres") return;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE template0`);
  const env = {
    DATABASE_URL: urlFor(name),
    DATA_DIR: undefined,
    NODE_ENV: "development",
    CLOCK_START: WORKING_MORNING.toISOString(),
    // The test's one kiosk issues a ticket a round, faster than a real kiosk's per-device limit.
    RATE_LIMIT_DEVICE_PER_MINUTE: "100000",
  };
  servers.push(await startServerProcess(env), await startServerProcess(env));
}, 240_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all(servers.map((s) => s.stop()));
  if (TEST_DRIVER === "postgres") await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}, 60_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The hall display: connects to the first address that takes it, and on every connect fetches its
 * screen (recent calls) from the same address; hears ticket:called live in between.
 */
function hallDisplay(urls: string[]) {
  const shown = new Set<string>();
  const connectedTo: string[] = [];
  let reconnectMs: number[] = [];
  let lostAt = 0;
  let current: ClientSocket | undefined;
  const key = "demo-display-BAKU-1";
  const attach = async (): Promise<void> => {
    for (;;) {
      for (const url of urls) {
        const socket = await connectSocket(url, { deviceKey: key }).catch(() => null);
        if (!socket) continue;
        current = socket;
        sockets.push(socket);
        socket.on("ticket:called", (call) => shown.add(call.code));
        socket.once("disconnect", () => {
          lostAt = performance.now();
          void attach();
        });
        const state = await fetch(`${url}/api/v1/centres/BAKU-1/display-state`, {
          headers: { authorization: `Device ${key}` },
        }).then((r) => (r.ok ? (r.json() as Promise<{ recentCalls: { code: string }[] }>) : null));
        for (const call of state?.recentCalls ?? []) shown.add(call.code);
        connectedTo.push(url);
        if (lostAt) reconnectMs = [...reconnectMs, performance.now() - lostAt];
        return;
      }
      await sleep(200);
    }
  };
  return {
    shown,
    connectedTo,
    reconnectMs: () => reconnectMs,
    attach,
    close: () => current?.close(),
  };
}

describeOnPostgres("a rolling restart of one of two processes", () => {
  it("loses no call on the display, and the stopped process drains cleanly", async () => {
    const [first, second] = [servers[0]!, servers[1]!];
    const a = remoteClient(first.url);
    const b = remoteClient(second.url);
    const services: Service[] = await b.services("BAKU-1");
    const staff = await b.login("staff.baku1.3");
    const counter = (await b.counters("BAKU-1", staff))[2]!;
    expect((await b.openCounter(counter.id, staff)).status).toBe(204);

    const display = hallDisplay([first.url, second.url]);
    await display.attach();
    expect(display.connectedTo).toEqual([first.url]);

    // Calls keep coming through either process; a request the stopping one refuses goes to the other.
    const called: string[] = [];
    const statuses: number[] = [];
    const callOnce = async (round: number): Promise<void> => {
      for (const api of round % 2 === 0 ? [a, b] : [b, a]) {
        const issued = await api.issue("BAKU-1", services[0]!.id).catch(() => null);
        if (!issued || issued.status !== 201) {
          if (issued) statuses.push(issued.status);
          continue;
        }
        statuses.push(issued.status);
        for (const caller of [api, api === a ? b : a]) {
          const res = await caller.callNext(counter.id, staff).catch(() => null);
          if (!res) continue;
          statuses.push(res.status);
          if (res.status === 200 && res.body.ticket) {
            called.push(res.body.ticket.code);
            // Served and done, so the counter may call the next one.
            for (const action of ["start", "complete"]) {
              let done = false;
              for (const at of [caller, caller === a ? b : a]) {
                const acted = await at.act(res.body.ticket.id, action, staff).catch(() => null);
                if (acted) statuses.push(acted.status);
                if (acted?.status === 200) {
                  done = true;
                  break;
                }
              }
              if (!done) throw new Error(`round ${round}: ${action} failed`);
            }
            return;
          }
        }
      }
      throw new Error(`round ${round}: no process issued and called`);
    };

    for (let round = 0; round < 4; round++) await callOnce(round);
    const stopping = first.stop();
    // While it drains, the stopping process takes no new socket.
    const refused = await connectSocket(first.url, { deviceKey: "demo-display-BAKU-1" }).then(
      (s) => {
        sockets.push(s);
        return false;
      },
      () => true,
    );
    for (let round = 4; round < 12; round++) {
      await callOnce(round);
      await sleep(100);
    }
    await stopping;
    expect(first.proc.exitCode).toBe(0);
    expect(refused).toBe(true);
    for (let round = 12; round < 16; round++) await callOnce(round);

    // The display is on the other process now, and has shown every call.
    const deadline = Date.now() + 10_000;
    while (called.some((c) => !display.shown.has(c)) && Date.now() < deadline) await sleep(100);
    console.info(
      `rolling restart: ${called.length} calls, display reconnected in ${display
        .reconnectMs()
        .map((ms) => Math.round(ms))
        .join(", ")} ms to ${display.connectedTo.length - 1} other process(es); statuses ${JSON.stringify(
        statuses.reduce<Record<number, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {}),
      )}`,
    );
    expect(display.connectedTo.at(-1)).toBe(second.url);
    expect(called.filter((c) => !display.shown.has(c))).toEqual([]);
    expect(statuses.every((s) => s === 200 || s === 201 || s === 503)).toBe(true);
    display.close();
  }, 240_000);
});
