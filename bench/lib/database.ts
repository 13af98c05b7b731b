import pg from "pg";

export interface BenchDatabase {
  name: string;
  url: string;
}

export async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** The same server and credentials as `adminUrl`, another database. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh, empty database per run, so figures never depend on what an earlier run left behind; or,
 * with `template`, a copy of one (`suffix` then tells the copies apart).
 */
export async function createBenchDatabase(
  adminUrl: string,
  stamp: string,
  copy?: { template: BenchDatabase; suffix: string },
): Promise<BenchDatabase> {
  const base = `dost_bench_${stamp.replace(/[^0-9a-z]/gi, "_").toLowerCase()}`;
  const name = copy ? `${base}_${copy.suffix}` : base;
  const template = copy ? ` TEMPLATE "${copy.template.name}"` : "";
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"${template}`));
  return { name, url: databaseUrl(adminUrl, name) };
}

/** FORCE ends any connection still open (a server that was killed, pgbench after a failure). */
export async function dropBenchDatabase(adminUrl: string, database: BenchDatabase): Promise<void> {
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${database.name}" WITH (FORCE)`));
}

/** Parses the time back out of a bench database's name (`dost_bench_2026_11_22t16_23_07_424z[_x]`). */
function stampOf(name: string): number | null {
  const m = /^dost_bench_(\d{4})_(\d{2})_(\d{2})t(\d{2})_(\d{2})_(\d{2})_(\d{3})z(?:_[a-z0-9]+)?$/.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m;
  return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
}

/**
 * A run killed outright (SIGKILL) cannot drop its database. The next run drops those left behind:
 * older than any run can last, and with nobody connected, so a parallel run's is never touched.
 */
export async function dropAbandonedBenchDatabases(adminUrl: string, olderThanMs: number): Promise<string[]> {
  return withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT d.datname FROM pg_database d
       WHERE d.datname LIKE 'dost\\_bench\\_%'
         AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
    );
    const dropped: string[] = [];
    for (const { datname } of rows) {
      const at = stampOf(datname);
      if (at === null || Date.now() - at < olderThanMs) continue;
      await c.query(`DROP DATABASE IF EXISTS "${datname}"`);
      dropped.push(datname);
    }
    return dropped;
  });
}

export async function postgresVersion(url: string): Promise<string> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return rows[0]?.v ?? "unknown";
  });
}
