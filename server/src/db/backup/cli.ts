import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig, type Config } from "../../config.js";
import { DataDirLockedError } from "../data-dir-lock.js";
import { RestoreRefusedError, type Reporter } from "./common.js";
import { ToolsMissingError } from "./pg-tools.js";

/** Exit codes of `npm run backup` and `npm run restore`, for scripts and cron jobs that run them. */
export const EXIT = { ok: 0, failed: 1, usage: 2, refused: 3 } as const;

export const consoleReporter: Reporter = {
  info: (message) => process.stdout.write(`${message}\n`),
  warn: (message) => process.stderr.write(`${message}\n`),
};

/**
 * Runs one backup or restore with the server's own settings (the database that DATABASE_URL or
 * DATA_DIR names) and turns its outcome into a message and an exit code.
 */
export async function runCli(
  usage: string,
  flags: readonly string[],
  task: (config: Config, file: string, given: ReadonlySet<string>) => Promise<void>,
): Promise<never> {
  let file: string | undefined;
  const given = new Set<string>();
  try {
    const parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(flags.map((f) => [f, { type: "boolean" as const }])),
    });
    if (parsed.positionals.length !== 1) throw new Error("one file expected");
    file = parsed.positionals[0];
    for (const [flag, on] of Object.entries(parsed.values)) if (on) given.add(flag);
  } catch {
    process.stderr.write(`${usage}\n`);
    process.exit(EXIT.usage);
  }
  const started = performance.now();
  try {
    const config = loadConfig();
    // npm runs scripts from the repository root, so a relative file name is taken from there.
    await task(config, path.resolve(file!), given);
    consoleReporter.info(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    process.exit(EXIT.ok);
  } catch (err) {
    const refused = err instanceof RestoreRefusedError || err instanceof DataDirLockedError;
    const known = refused || err instanceof ConfigError || err instanceof ToolsMissingError;
    const message = known || !(err instanceof Error) ? String((err as Error).message ?? err) : err.message;
    process.stderr.write(`${refused ? "refused" : "failed"}: ${message}\n`);
    process.exit(refused ? EXIT.refused : EXIT.failed);
  }
}
