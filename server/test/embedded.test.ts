import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Service, Ticket } from "@dost/shared";
import { afterAll, expect, it } from "vitest";
import { WORKING_MORNING } from "./support/app.js";
import { describeOnPglite } from "./support/driver.js";

/**
 * The embedded default: no DATABASE_URL, PGlite under DATA_DIR. The real server process migrates,
 * seeds, issues; it is killed with SIGKILL (no graceful shutdown) and started again: the
 * acknowledged ticket is still there and numbering goes on.
 */
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = mkdtempSync(path.join(os.tmpdir(), "dost-pglite-"));
let child: ChildProcess | undefined;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

async function startServer(port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    NODE_ENV: "development",
    LOG_LEVEL: "warn",
    // A working morning, whatever hour the test runs at: the kiosk issues only in hours.
    CLOCK_START: WORKING_MORNING.toISOString(),
  };
  delete env.DATABASE_URL;
  const proc = spawn(process.execPath, ["--conditions=@dost/source", "--import", "tsx", "src/server.ts"], {
    cwd: serverDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  proc.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  proc.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  // Two PGlite starts (migrations, seed) on a busy two-core machine can take most of a minute.
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return proc;
    await new Promise((r) => setTimeout(r, 200));
  }
  proc.kill("SIGKILL");
  throw new Error(`server did not become healthy: ${output}`);
}

afterAll(() => {
  child?.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

describeOnPglite("embedded PostgreSQL (PGlite)", () => {
  it("migrates, issues, survives a crash, and numbering continues", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}/api/v1`;
    const issue = async (serviceId: string) =>
      fetch(`${base}/centres/BAKU-1/tickets`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Device demo-kiosk-BAKU-1" },
        body: JSON.stringify({ serviceId }),
      });

    child = await startServer(port);
    const { services } = (await (await fetch(`${base}/centres/BAKU-1/services`)).json()) as {
      services: Service[];
    };
    const first = await issue(services[0]!.id);
    expect(first.status).toBe(201);
    const { ticket } = (await first.json()) as { ticket: Ticket };
    expect(ticket.code).toBe(`${services[0]!.prefix}001`);

    child.kill("SIGKILL");
    await new Promise((r) => child!.once("exit", r));

    child = await startServer(port);
    const again = await fetch(`${base}/public/tickets/${ticket.publicId}`);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { ticket: Ticket }).ticket).toMatchObject({
      id: ticket.id,
      code: ticket.code,
      status: "waiting",
    });
    const second = (await (await issue(services[0]!.id)).json()) as { ticket: Ticket };
    expect(second.ticket.code).toBe(`${services[0]!.prefix}002`);
    child.kill("SIGTERM");
    await new Promise((r) => child!.once("exit", r));
  }, 240_000); // two PGlite server starts: tens of seconds each on a busy two-core machine
});
