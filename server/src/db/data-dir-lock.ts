import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The embedded database (PGlite) runs inside the process that opens it: a second process opening
 * the same files runs a second PostgreSQL over them and corrupts them, and PGlite itself takes no
 * lock (its postmaster.pid holds a dummy pid). So whoever opens a data directory — the server, a
 * backup, a restore — first takes this lock file, and refuses while a live process holds it.
 *
 * A lock whose process is gone (a crash, a kill -9, a container restarted with the same pid) is
 * stale and taken over. Liveness can only be checked on the same host: a lock written by another
 * host name is taken over too, since a data directory on a local disk is only ever opened there.
 */
export const LOCK_FILE = "dost.lock";

export interface LockOwner {
  pid: number;
  host: string;
  /** What holds it: "server", "backup", "restore". */
  purpose: string;
  since: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by a ${owner.purpose} (pid ${owner.pid} on ${owner.host}, ` +
        `since ${owner.since}). Stop it first; two processes must never open the same data directory.`,
    );
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<LockOwner>;
    if (typeof parsed.pid !== "number" || typeof parsed.host !== "string") return null;
    return {
      pid: parsed.pid,
      host: parsed.host,
      purpose: String(parsed.purpose ?? "process"),
      since: String(parsed.since ?? "?"),
    };
  } catch {
    return null; // unreadable or half-written: treated as stale
  }
}

function isAlive(owner: LockOwner): boolean {
  if (owner.host !== os.hostname() || owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live holder of a data directory's lock, if any (for a message before doing anything). */
export function lockHolder(dataDir: string): LockOwner | null {
  const owner = readOwner(path.join(dataDir, LOCK_FILE));
  return owner && isAlive(owner) ? owner : null;
}

export interface DataDirLock {
  release(): void;
}

/** Takes the lock or throws DataDirLockedError; the directory must exist. */
export function lockDataDir(dataDir: string, purpose: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: os.hostname(), purpose, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // "wx": created only if absent, so of two processes racing for a free lock only one wins.
      fs.writeFileSync(file, JSON.stringify(me), { flag: "wx" });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = readOwner(file);
      if (owner && isAlive(owner)) throw new DataDirLockedError(dataDir, owner);
      fs.rmSync(file, { force: true }); // stale
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}
