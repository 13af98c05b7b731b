import net from "node:net";
import path from "node:path";
import { spawnTracked, sleep, stopChild, tailOf } from "./children.js";
import { repoRoot } from "./settings.js";

export interface ServerOptions {
  /** PostgreSQL URL; absent → the embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  /** When set, the server runs under --cpu-prof and writes its profile here on exit. */
  cpuProfileDir?: string;
  /**
   * Starts the server's clock here (CLOCK_START) rather than at the real time. Only for a part on
   * a fresh database: parts whose tickets the bench writes with SQL now() need the real day.
   */
  clockStart?: string;
}

export interface RunningServer {
  url: string;
  pid: number;
  /** The server's last lines of output, to explain a failure. */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === "object" ? resolve(address.port) : reject()));
    });
  });
}

/**
 * Loaded into the server process before its own code: when the bench's end of the stdin pipe closes
 * (the bench died, even by SIGKILL), the server ends too instead of staying behind as an orphan.
 */
const EXIT_WITH_PARENT = `data:text/javascript,${encodeURIComponent(
  'process.stdin.on("end", () => process.exit(0)).resume();',
)}`;

/** Settings for a server under load: no rate limits in the way, no sweeper expiring the queue. */
function serverEnv(port: number, options: ServerOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development", // seeds the demo on an empty database
    HOST: "127.0.0.1",
    PORT: String(port),
    LOG_LEVEL: "warn",
    SEED_DEMO: "true",
    RATE_LIMIT_PUBLIC_PER_MINUTE: "1000000",
    RATE_LIMIT_LOGIN_PER_MINUTE: "1000000",
    RATE_LIMIT_DEVICE_PER_MINUTE: "1000000",
    LOGIN_LOCKOUT_AFTER_FAILURES: "1000000",
    // The sweeper expires waiting tickets once a centre has closed (evenings, weekends): a run then
    // would lose its queue mid-way. A day between sweeps keeps it out of every run.
    SWEEP_INTERVAL_SECONDS: "86400",
  };
  delete env.REDIS_URL;
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.dataDir) env.DATA_DIR = options.dataDir;
  if (options.clockStart) env.CLOCK_START = options.clockStart;
  return env;
}

/** Starts server/dist/server.js in its own process and waits until /health answers 200. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const profile = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const child = spawnTracked(
    process.execPath,
    [...profile, "--import", EXIT_WITH_PARENT, path.join(repoRoot, "server/dist/server.js")],
    { env: serverEnv(port, options), manyFiles: true, stdio: ["pipe", "pipe", "pipe"] },
  );
  const output = tailOf(child);
  if (child.pid === undefined) throw new Error("the server did not start");
  const server: RunningServer = { url, pid: child.pid, output, stop: () => stopChild(child) };

  // Migrations, the demo seed (argon2) and PGlite's start take a while on a busy machine.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited while starting:\n${output()}`);
    }
    const healthy = await fetch(`${url}/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (healthy) return server;
    await sleep(250);
  }
  await server.stop();
  throw new Error(`the server did not become healthy within 120 s:\n${output()}`);
}
