import { spawn, type ChildProcess } from "node:child_process";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * Runs `npm run admin:create` as an operator would: a child process of the built script, the
 * password on standard input. Resolves with its exit code and what it printed.
 */
export function runAdminCreate(
  args: string[],
  password: string,
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // An undefined value removes the variable (the embedded database when DATABASE_URL is unset).
    const merged: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "silent", ...env };
    for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
    const child = spawn("npm", ["run", "-s", "admin:create", "--", ...args], {
      cwd: REPO_ROOT,
      env: merged,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(`${password}\n`);
  });
}

/** Real processes of the server and of its scripts, started from the sources as `npm run` would. */
export const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const SOURCE_NODE_ARGS = ["--conditions=@dost/source", "--import", "tsx"];

/** The environment of a child: this one's, with `env` on top (undefined removes a variable). */
function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn" };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run backup` / `npm run restore`'s script and waits for it to end. */
export function runScript(
  script: "backup" | "restore",
  args: readonly string[],
  env: Record<string, string | undefined>,
): Promise<ScriptResult> {
  const child = spawn(process.execPath, [...SOURCE_NODE_ARGS, `src/scripts/${script}.ts`, ...args], {
    cwd: serverDir,
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

export interface ServerProcess {
  url: string;
  proc: ChildProcess;
  output(): string;
  /** SIGTERM, as an operator's `stop` does, and wait for the exit. */
  stop(): Promise<void>;
}

/**
 * The real server in a child process, once /health answers 200: from the sources (src/server.ts),
 * or `built` as `npm start` runs it (dist/server.js, after `npm run build`).
 */
export async function startServerProcess(
  env: Record<string, string | undefined>,
  { built = false }: { built?: boolean } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const args = built ? ["dist/server.js"] : [...SOURCE_NODE_ARGS, "src/server.ts"];
  const proc = spawn(process.execPath, args, {
    cwd: serverDir,
    env: childEnv({ PORT: String(port), HOST: "127.0.0.1", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  proc.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  proc.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once("exit", r));
    proc.kill("SIGTERM");
    await exited;
  };
  // PGlite compiles its WebAssembly and opens its files at start: slow on a busy two-core machine.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${output}`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, proc, output: () => output, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  proc.kill("SIGKILL");
  throw new Error(`server did not become healthy: ${output}`);
}
