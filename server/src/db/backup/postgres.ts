import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import {
  assertBackupKind,
  BackupFormatError,
  formatBytes,
  partialPathFor,
  RestoreRefusedError,
  type Reporter,
} from "./common.js";
import { chooseTools, installedPgTools, type PgTools } from "./pg-tools.js";

/**
 * PostgreSQL backups are pg_dump's custom format, unchanged: a consistent snapshot taken while the
 * servers keep running, which any operator can also inspect or load with pg_restore by hand.
 */
export interface PostgresTarget {
  url: string;
  log: Reporter;
}

/**
 * libpq takes the password from PGPASSWORD rather than the command line, where `ps` would show it
 * to every user of the machine.
 */
function connectionFor(target: PostgresTarget): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(target.url);
  // Not a setting read here: the client programs get this process's environment (PATH, locale,
  // libpq's own PG* variables such as PGSSLROOTCERT) plus the password.
  // eslint-disable-next-line no-restricted-syntax
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  url.password = "";
  return { url: url.toString(), env };
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function serverMajor(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
  return Math.floor(Number(rows[0]!.v) / 10_000);
}

/** Tables, views and sequences outside PostgreSQL's own schemas: what a restore would replace. */
async function existingRelations(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT n.nspname || '.' || c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
      ORDER BY c.relkind <> 'r', 1`,
  );
  return rows.map((r) => r.name);
}

/** What the system holds, for the operator to compare before and after. */
async function summary(client: pg.Client): Promise<string> {
  const has = await client.query("SELECT 1 FROM pg_class WHERE oid = to_regclass('public.ticket_events')");
  if (!has.rowCount) return "no tickets table";
  const { rows } = await client.query<{ tickets: string; events: string; last: string | null }>(
    `SELECT (SELECT count(*) FROM public.tickets) AS tickets,
            (SELECT count(*) FROM public.ticket_events) AS events,
            (SELECT max(issued_at)::text FROM public.tickets) AS last`,
  );
  const r = rows[0]!;
  return `${r.tickets} tickets, ${r.events} ticket events, last issued ${r.last ?? "never"}`;
}

function collectStderr(child: ChildProcess): () => string {
  let text = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    text = (text + chunk.toString("utf8")).slice(-8_000);
  });
  return () => text.trim();
}

function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function toolsFor(client: pg.Client, log: Reporter): Promise<PgTools> {
  const { tools, warning } = chooseTools(await installedPgTools(), await serverMajor(client));
  if (warning) log.warn(warning);
  return tools;
}

export async function backupPostgres(target: PostgresTarget, file: string): Promise<{ bytes: number }> {
  const { url, env } = connectionFor(target);
  const { tools, before } = await withClient(target.url, async (client) => ({
    tools: await toolsFor(client, target.log),
    before: await summary(client),
  }));
  target.log.info(`backing up PostgreSQL with ${tools.pgDump} (${before})`);
  const partial = partialPathFor(file);
  const child = spawn(
    tools.pgDump,
    ["--format=custom", "--no-password", "--lock-wait-timeout=60s", `--file=${partial}`, `--dbname=${url}`],
    { env, stdio: ["ignore", "ignore", "pipe"] },
  );
  const stderr = collectStderr(child);
  const code = await exitOf(child);
  if (code !== 0) {
    fs.rmSync(partial, { force: true });
    throw new Error(`pg_dump failed (exit ${code}): ${stderr()}`);
  }
  fs.renameSync(partial, file);
  const bytes = fs.statSync(file).size;
  target.log.info(`wrote ${file} (${formatBytes(bytes)})`);
  return { bytes };
}

/**
 * Removes what a restore replaces: the migrations' bookkeeping (schema drizzle) and every table,
 * view, sequence, function and type in public that no extension owns. Tables are dropped, never
 * emptied row by row, so the append-only trigger on ticket_events (which refuses DELETE) is not in
 * the way; the names are collected first because CASCADE drops some objects before their turn.
 */
const DROP_APPLICATION_OBJECTS = `
DO $drop$
DECLARE
  stmt text;
  stmts text[];
BEGIN
  DROP SCHEMA IF EXISTS drizzle CASCADE;
  SELECT coalesce(array_agg(s ORDER BY pass), '{}') INTO stmts FROM (
    SELECT format('DROP %s IF EXISTS %I.%I CASCADE',
             CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                            WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
             n.nspname, c.relname) AS s, 1 AS pass
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND c.relispartition = false
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    UNION ALL
    SELECT format('DROP %s IF EXISTS %I.%I(%s) CASCADE',
             CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
             n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)), 2
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public'
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT format('DROP TYPE IF EXISTS %I.%I CASCADE', n.nspname, t.typname), 3
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r', 'm')
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
  ) AS everything;
  FOREACH stmt IN ARRAY stmts LOOP
    EXECUTE stmt;
  END LOOP;
END
$drop$;
`;

export async function restorePostgres(
  target: PostgresTarget,
  file: string,
  options: { force: boolean },
): Promise<void> {
  assertBackupKind(file, "postgres");
  const { url, env } = connectionFor(target);
  const tools = await withClient(target.url, async (client) => {
    const tools = await toolsFor(client, target.log);
    const existing = await existingRelations(client);
    if (existing.length > 0 && !options.force) {
      const some = existing.slice(0, 5).join(", ");
      throw new RestoreRefusedError(
        `The database is not empty (${existing.length} tables, views and sequences, such as ${some}; ` +
          `${await summary(client)}). Restoring replaces all of it: stop every server that uses it and ` +
          `run the restore again with --force.`,
      );
    }
    if (options.force) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      );
      if (rows[0]!.n > 0) {
        throw new RestoreRefusedError(
          `${rows[0]!.n} other connection(s) to this database are open (servers still running?). ` +
            `Stop every server that uses it, then restore.`,
        );
      }
      if (existing.length > 0) target.log.warn(`replacing ${await summary(client)}`);
    }
    return tools;
  });

  // Read the whole archive's table of contents first: a damaged or too-new file stops here.
  const list = spawn(tools.pgRestore, ["--list", file], { env, stdio: ["ignore", "ignore", "pipe"] });
  const listErr = collectStderr(list);
  if ((await exitOf(list)) !== 0) throw new BackupFormatError(`pg_restore cannot read ${file}: ${listErr()}`);

  target.log.info(`restoring ${file} with ${tools.pgRestore} into one transaction`);
  // pg_restore writes the SQL, psql runs it in a single transaction: the drop and the load commit
  // together or not at all. psql's input is ended only once pg_restore has succeeded; otherwise
  // psql is killed mid-transaction, and PostgreSQL rolls back what it had run.
  const psql = spawn(
    tools.psql,
    ["--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1", `--dbname=${url}`],
    { env, stdio: ["pipe", "ignore", "pipe"] },
  );
  const psqlErr = collectStderr(psql);
  const psqlExit = exitOf(psql);
  psql.stdin!.on("error", () => undefined); // psql stopping early is reported by its exit code
  psql.stdin!.write("SET client_min_messages = warning;\n");
  if (options.force) psql.stdin!.write(DROP_APPLICATION_OBJECTS);
  const restore = spawn(tools.pgRestore, ["--file=-", "--no-owner", "--no-privileges", file], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const restoreErr = collectStderr(restore);
  restore.stdout!.pipe(psql.stdin!, { end: false });
  const restoreCode = await exitOf(restore);
  if (restoreCode === 0) psql.stdin!.end();
  else psql.kill("SIGKILL");
  const psqlCode = await psqlExit;
  if (restoreCode !== 0) throw new Error(`pg_restore failed (exit ${restoreCode}): ${restoreErr()}`);
  if (psqlCode !== 0) throw new Error(`loading the backup failed, nothing was changed: ${psqlErr()}`);

  const after = await withClient(target.url, summary);
  target.log.info(`restored: ${after}`);
}
