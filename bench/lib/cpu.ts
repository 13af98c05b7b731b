import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import pg from "pg";

/** Clock ticks per second of /proc's CPU times (100 on every usual Linux). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU of a whole process (every thread) so far, in ms; null once it has gone. */
export async function cpuMsOf(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at state; utime, stime are 14, 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * For a process's main thread: ms run on a CPU and ms spent runnable but waiting for one, from
 * /proc/<pid>/schedstat. The wait is what a busy machine costs a single-threaded server.
 */
export async function scheduleOf(pid: number): Promise<{ runMs: number; waitMs: number } | null> {
  try {
    const [run, wait] = (await readFile(`/proc/${pid}/schedstat`, "utf8")).split(" ").map(Number);
    return { runMs: (run ?? 0) / 1e6, waitMs: (wait ?? 0) / 1e6 };
  } catch {
    return null;
  }
}

export interface CpuUse {
  /** CPU ms of the server's Node process, all threads (null when not metered, as for pgbench). */
  serverMs: number | null;
  /** Ms the server's main thread, where all JavaScript runs, ran on a CPU. */
  serverMainRunMs: number | null;
  /** Ms the server's main thread was ready to run but had no CPU. */
  serverWaitMs: number | null;
  /** CPU ms of every PostgreSQL backend connected to the bench database meanwhile (0 on PGlite). */
  postgresMs: number;
  /** Ms those backends were ready to run but had no CPU, summed. */
  postgresWaitMs: number;
  seconds: number;
}

interface Reading {
  runMs: number;
  waitMs: number;
}

/**
 * Who burnt the CPU during a run, and who waited for one: the server process and the PostgreSQL
 * backends serving the bench database. On a shared machine the wall-clock figures move with the
 * neighbours; CPU per ticket moves much less and says which side a fix should target, and the
 * run-queue wait says how much of the latency the neighbours took. Backends are sampled twice a
 * second, so one that ends (pgbench's, at the end of its run) loses at most its last half-second.
 */
export class CpuMeter {
  private readonly baseline = new Map<number, Reading>();
  private readonly latest = new Map<number, Reading>();
  private serverStart: { cpuMs: number | null; schedule: Reading | null } | null = null;
  private timer: NodeJS.Timeout | undefined;
  private started = 0;
  private readonly client: pg.Client | null;

  /** `database` absent: the server alone (PGlite runs inside it). */
  constructor(
    private readonly serverPid: number | null,
    private readonly database: { url: string; name: string } | null,
  ) {
    this.client = database ? new pg.Client({ connectionString: database.url }) : null;
  }

  private async sample(first: boolean): Promise<void> {
    if (!this.client || !this.database) return;
    const { rows } = await this.client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [this.database.name],
    );
    for (const { pid } of rows) {
      const reading = await scheduleOf(pid);
      if (!reading) continue;
      // A backend first seen after the start has done all its work within the run.
      if (!this.baseline.has(pid)) this.baseline.set(pid, first ? reading : { runMs: 0, waitMs: 0 });
      this.latest.set(pid, reading);
    }
  }

  private async serverReading() {
    if (this.serverPid === null) return null;
    return { cpuMs: await cpuMsOf(this.serverPid), schedule: await scheduleOf(this.serverPid) };
  }

  async start(): Promise<void> {
    await this.client?.connect();
    this.serverStart = await this.serverReading();
    await this.sample(true);
    this.started = Date.now();
    this.timer = setInterval(() => void this.sample(false).catch(() => undefined), 500);
    this.timer.unref();
  }

  async stop(): Promise<CpuUse> {
    clearInterval(this.timer);
    await this.sample(false).catch(() => undefined);
    const seconds = (Date.now() - this.started) / 1000;
    const serverEnd = await this.serverReading();
    await this.client?.end();
    let postgresMs = 0;
    let postgresWaitMs = 0;
    for (const [pid, r] of this.latest) {
      const b = this.baseline.get(pid) ?? { runMs: 0, waitMs: 0 };
      postgresMs += r.runMs - b.runMs;
      postgresWaitMs += r.waitMs - b.waitMs;
    }
    const from = this.serverStart;
    const serverMs = from?.cpuMs != null && serverEnd?.cpuMs != null ? serverEnd.cpuMs - from.cpuMs : null;
    const main =
      from?.schedule && serverEnd?.schedule ? { from: from.schedule, to: serverEnd.schedule } : null;
    return {
      serverMs,
      serverMainRunMs: main ? main.to.runMs - main.from.runMs : null,
      serverWaitMs: main ? main.to.waitMs - main.from.waitMs : null,
      postgresMs,
      postgresWaitMs,
      seconds,
    };
  }

  /** Meters exactly the run of `work`, and stops even when it fails. */
  async during<T>(work: () => Promise<T>): Promise<{ result: T; cpu: CpuUse }> {
    await this.start();
    let result: T;
    try {
      result = await work();
    } catch (error) {
      await this.stop().catch(() => undefined);
      throw error;
    }
    return { result, cpu: await this.stop() };
  }
}
