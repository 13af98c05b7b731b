import { spawn } from "node:child_process";
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
