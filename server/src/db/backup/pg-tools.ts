import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** One installation of PostgreSQL's client programs, all of one major version. */
export interface PgTools {
  major: number;
  pgDump: string;
  pgRestore: string;
  psql: string;
}

/** Debian and Ubuntu install each major version side by side, e.g. /usr/lib/postgresql/17/bin. */
const VERSIONED_ROOT = "/usr/lib/postgresql";

async function versionOf(program: string): Promise<number | null> {
  try {
    const { stdout } = await run(program, ["--version"]);
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Every installation found: the versioned directories first (newest first), then the PATH's. */
export async function installedPgTools(): Promise<PgTools[]> {
  const found: PgTools[] = [];
  const majors = fs.existsSync(VERSIONED_ROOT)
    ? fs
        .readdirSync(VERSIONED_ROOT)
        .filter((name) => /^\d+$/.test(name))
        .map(Number)
        .sort((a, b) => b - a)
    : [];
  for (const major of majors) {
    const bin = path.join(VERSIONED_ROOT, String(major), "bin");
    const tools = {
      major,
      pgDump: path.join(bin, "pg_dump"),
      pgRestore: path.join(bin, "pg_restore"),
      psql: path.join(bin, "psql"),
    };
    if ([tools.pgDump, tools.pgRestore, tools.psql].every((p) => fs.existsSync(p))) found.push(tools);
  }
  const onPath = await versionOf("pg_dump");
  if (onPath !== null && !found.some((t) => t.major === onPath)) {
    found.push({ major: onPath, pgDump: "pg_dump", pgRestore: "pg_restore", psql: "psql" });
  }
  return found;
}

export class ToolsMissingError extends Error {}

/**
 * The client programs to use with a server of `serverMajor`: the same major version when
 * installed, else the nearest newer one (pg_dump refuses servers newer than itself), with a
 * warning, since a dump made by newer tools needs tools at least as new to restore it.
 */
export function chooseTools(
  installed: readonly PgTools[],
  serverMajor: number,
): { tools: PgTools; warning: string | null } {
  const exact = installed.find((t) => t.major === serverMajor);
  if (exact) return { tools: exact, warning: null };
  const newer = installed.filter((t) => t.major > serverMajor).sort((a, b) => a.major - b.major)[0];
  if (newer) {
    return {
      tools: newer,
      warning:
        `warning: the PostgreSQL server is version ${serverMajor} but the client programs are version ` +
        `${newer.major} (no ${serverMajor} installed); install postgresql-client-${serverMajor} to match.`,
    };
  }
  const have = installed.map((t) => t.major).join(", ") || "none";
  throw new ToolsMissingError(
    `The PostgreSQL server is version ${serverMajor}, and pg_dump/pg_restore must be at least as new ` +
      `(installed: ${have}). Install postgresql-client-${serverMajor}.`,
  );
}
