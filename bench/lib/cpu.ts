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

/** User + system CPU a process has used so far, in ms; null once it has gone. */
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

export interface CpuUse {
  /** CPU ms of the server's Node process (absent for pgbench). */
  serverMs: number | null;
  /** CPU ms of every PostgreSQL backend connected to the bench database meanwhile (0 on PGlite). */
  postgresMs: number;
  seconds: number;
}

/**
 * Who burnt the CPU during a run: the server process and the PostgreSQL backends serving the bench
 * database. On a shared machine the wall-clock figures move with the neighbours; CPU per ticket does
 * much less, and says which side a fix should target. Backends are sampled twice a second, so one
 * that ends (pgbench's, at the end of its run) loses at most its last half-second.
 */
export class CpuMeter {
  private readonly baseline = new Map<number, number>();
  private readonly latest = new Map<number, number>();
  private serverStart: number | null = null;
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
      const ms = await cpuMsOf(pid);
      if (ms === null) continue;
      // A backend first seen after the start has done all its work within the run.
      if (!this.baseline.has(pid)) this.baseline.set(pid, first ? ms : 0);
      this.latest.set(pid, ms);
    }
  }

  async start(): Promise<void> {
    await this.client?.connect();
    this.serverStart = this.serverPid === null ? null : await cpuMsOf(this.serverPid);
    await this.sample(true);
    this.started = Date.now();
    this.timer = setInterval(() => void this.sample(false).catch(() => undefined), 500);
    this.timer.unref();
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

  async stop(): Promise<CpuUse> {
    clearInterval(this.timer);
    await this.sample(false).catch(() => undefined);
    const seconds = (Date.now() - this.started) / 1000;
    const serverEnd = this.serverPid === null ? null : await cpuMsOf(this.serverPid);
    await this.client?.end();
    let postgresMs = 0;
    for (const [pid, ms] of this.latest) postgresMs += ms - (this.baseline.get(pid) ?? 0);
    const serverMs = serverEnd !== null && this.serverStart !== null ? serverEnd - this.serverStart : null;
    return { serverMs, postgresMs, seconds };
  }
}
