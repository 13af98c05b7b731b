import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { repoRoot } from "./settings.js";

/**
 * Every process the bench starts is registered here, so that a normal end, a failure, Ctrl-C or
 * SIGTERM leaves none behind.
 */
const running = new Set<ChildProcess>();

export function killAllChildren(): void {
  for (const child of running) {
    try {
      child.kill("SIGKILL");
    } catch {
      // Already gone.
    }
  }
  running.clear();
}

let aborted = false;
export const wasAborted = (): boolean => aborted;

/**
 * On a signal: kill the children first (so every pending wait on them fails and the orchestrator's
 * clean-up runs), then give the clean-up a few seconds before leaving anyway.
 */
export function installExitGuards(): void {
  process.on("exit", killAllChildren);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      aborted = true;
      process.stderr.write(`\nbench: ${signal}, stopping every child process\n`);
      killAllChildren();
      setTimeout(() => process.exit(130), 10_000).unref();
    });
  }
}

/** A file-descriptor limit high enough for 10,000 sockets, raised in a shell before exec. */
const RAISE_FD_LIMIT = 'ulimit -n 65535 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"';

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  /** Raise `ulimit -n` in the child (for processes that hold thousands of sockets). */
  manyFiles?: boolean;
  stdio?: StdioOptions;
}

export function spawnTracked(command: string, args: readonly string[], options: SpawnOptions = {}) {
  const [cmd, argv] = options.manyFiles
    ? ["bash", ["-c", RAISE_FD_LIMIT, "bash", command, ...args]]
    : [command, [...args]];
  const child = spawn(cmd, argv, {
    cwd: repoRoot,
    env: options.env ?? process.env,
    stdio: options.stdio ?? ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  // A command that cannot start (not installed) reports here; exited() turns it into a failure.
  child.on("error", (error) => {
    if (child.pid === undefined) running.delete(child);
    child.stderr?.emit("data", Buffer.from(`${command}: ${error.message}\n`));
  });
  return child;
}

/** Keeps the last lines a child wrote, to explain a failure without flooding the terminal. */
export function tailOf(child: ChildProcess, lines = 40): () => string {
  const kept: string[] = [];
  const keep = (chunk: Buffer) => {
    kept.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (kept.length > lines) kept.splice(0, kept.length - lines);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => kept.join("\n");
}

/** The exit code; null when killed by a signal, -1 when it never started. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    // Other errors (a failed kill or IPC send) leave the process running: keep waiting for its exit.
    child.once("error", () => {
      if (child.pid === undefined) resolve(-1);
    });
  });
}

/** SIGTERM, then SIGKILL if it has not gone within `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = exited(child);
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await gone;
  clearTimeout(timer);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
