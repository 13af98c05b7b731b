import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { LOCK_FILE, lockDataDir } from "../data-dir-lock.js";
import {
  assertBackupKind,
  formatBytes,
  partialPathFor,
  RestoreRefusedError,
  type Reporter,
} from "./common.js";

/**
 * The embedded database's backup is PGlite's own dump of its data directory (a gzipped tarball),
 * taken with the directory locked. PGlite runs inside the process that opens it, so a backup cannot
 * read the files of a running server safely (that server's changes may sit in its memory, and a
 * second PostgreSQL on the same files corrupts them): the server must be stopped first, and the lock
 * it holds while running makes the backup refuse otherwise.
 */
export interface PgliteTarget {
  dataDir: string;
  log: Reporter;
}

const hasDatabase = (dir: string) => fs.existsSync(path.join(dir, "PG_VERSION"));

/** What the directory holds besides our lock file (and a staging folder of this process). */
function entriesOf(dir: string, except: readonly string[] = []): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((name) => name !== LOCK_FILE && !except.includes(name));
}

async function summary(db: PGlite): Promise<string> {
  const has = await db.query("SELECT 1 FROM pg_class WHERE oid = to_regclass('public.ticket_events')");
  if (has.rows.length === 0) return "no tickets table";
  const { rows } = await db.query<{ tickets: number; events: number; last: string | null }>(
    `SELECT (SELECT count(*)::int FROM public.tickets) AS tickets,
            (SELECT count(*)::int FROM public.ticket_events) AS events,
            (SELECT max(issued_at)::text FROM public.tickets) AS last`,
  );
  const r = rows[0]!;
  return `${r.tickets} tickets, ${r.events} ticket events, last issued ${r.last ?? "never"}`;
}

export async function backupPglite(target: PgliteTarget, file: string): Promise<{ bytes: number }> {
  const { dataDir, log } = target;
  if (!hasDatabase(dataDir)) throw new Error(`There is no embedded database in ${dataDir} to back up.`);
  const lock = lockDataDir(dataDir, "backup");
  try {
    const db = await PGlite.create(dataDir);
    let tarball: Blob;
    try {
      log.info(`backing up the embedded database in ${dataDir} (${await summary(db)})`);
      // Everything into the data files first, so the copy starts without WAL to replay.
      await db.exec("CHECKPOINT");
      tarball = await db.dumpDataDir("gzip");
    } finally {
      await db.close();
    }
    const partial = partialPathFor(file);
    try {
      fs.writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
      fs.renameSync(partial, file);
    } finally {
      fs.rmSync(partial, { force: true });
    }
    const bytes = fs.statSync(file).size;
    log.info(`wrote ${file} (${formatBytes(bytes)})`);
    return { bytes };
  } finally {
    lock.release();
  }
}

/**
 * Loads the tarball into a staging folder inside the data directory and opens it there; only a
 * backup that opened is moved into place (over the old files with --force). A damaged file leaves
 * the directory as it was.
 */
export async function restorePglite(
  target: PgliteTarget,
  file: string,
  options: { force: boolean },
): Promise<void> {
  const { dataDir, log } = target;
  assertBackupKind(file, "pglite");
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir, "restore");
  const staging = path.join(dataDir, `.restore-${process.pid}`);
  const replaced = path.join(dataDir, `.replaced-${process.pid}`);
  try {
    const existing = entriesOf(dataDir);
    if (existing.length > 0 && !options.force) {
      throw new RestoreRefusedError(
        `${dataDir} is not empty (${hasDatabase(dataDir) ? "it holds an embedded database" : `${existing.length} files`}). ` +
          `Restoring replaces it: stop the server and run the restore again with --force.`,
      );
    }
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging);
    try {
      const db = await PGlite.create(staging, { loadDataDir: new Blob([fs.readFileSync(file)]) });
      try {
        log.info(`restored: ${await summary(db)}`);
      } finally {
        await db.close();
      }
    } catch (err) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw new Error(`${file} could not be loaded, nothing was changed: ${(err as Error).message}`, {
        cause: err,
      });
    }

    if (existing.length > 0) {
      log.warn(`replacing the embedded database in ${dataDir}`);
      fs.mkdirSync(replaced);
      for (const name of existing) fs.renameSync(path.join(dataDir, name), path.join(replaced, name));
    }
    // The tarball may carry the lock file of the process that made it; ours stays.
    for (const name of entriesOf(staging)) fs.renameSync(path.join(staging, name), path.join(dataDir, name));
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(replaced, { recursive: true, force: true });
  } finally {
    lock.release();
  }
}
