import fs from "node:fs";

/** Where a backup or restore says what it does; the scripts print it, the tests collect it. */
export interface Reporter {
  info(message: string): void;
  warn(message: string): void;
}

/** A restore that would destroy data or collide with a running system; nothing was changed. */
export class RestoreRefusedError extends Error {}

/** The file is not a backup this driver can load (or not a backup at all); nothing was changed. */
export class BackupFormatError extends Error {}

export type BackupKind = "postgres" | "pglite";

/**
 * What a backup file holds, from its first bytes: pg_dump's custom format starts with "PGDMP";
 * PGlite's data-directory dump is a gzipped tarball.
 */
export function backupKindOf(file: string): BackupKind | null {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(5);
    const read = fs.readSync(fd, head, 0, 5, 0);
    if (read === 5 && head.toString("latin1") === "PGDMP") return "postgres";
    if (read >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "pglite";
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/** Checks that `file` is a backup of `kind`, with a message that says what to do otherwise. */
export function assertBackupKind(file: string, kind: BackupKind): void {
  if (!fs.existsSync(file)) throw new BackupFormatError(`No such file: ${file}`);
  const found = backupKindOf(file);
  if (found === kind) return;
  if (found === null) throw new BackupFormatError(`${file} is not a backup made by npm run backup.`);
  throw new BackupFormatError(
    found === "pglite"
      ? `${file} is a backup of the embedded database (PGlite), but DATABASE_URL names a PostgreSQL ` +
          `server. Unset DATABASE_URL to restore it into DATA_DIR.`
      : `${file} is a PostgreSQL backup (pg_dump), but DATABASE_URL is not set, so the target is the ` +
          `embedded database. Set DATABASE_URL to restore it into PostgreSQL.`,
  );
}

/** A file written beside its final name and renamed at the end, so a failed backup leaves none. */
export function partialPathFor(file: string): string {
  return `${file}.partial-${process.pid}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
