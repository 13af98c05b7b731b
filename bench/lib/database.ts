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

/** A fresh, empty database per run, so figures never depend on what an earlier run left behind. */
export async function createBenchDatabase(adminUrl: string, stamp: string): Promise<BenchDatabase> {
  const name = `dost_bench_${stamp.replace(/[^0-9a-z]/gi, "_").toLowerCase()}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return { name, url: databaseUrl(adminUrl, name) };
}

/** FORCE ends any connection still open (a server that was killed, pgbench after a failure). */
export async function dropBenchDatabase(adminUrl: string, database: BenchDatabase): Promise<void> {
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${database.name}" WITH (FORCE)`));
}

export async function postgresVersion(url: string): Promise<string> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return rows[0]?.v ?? "unknown";
  });
}
