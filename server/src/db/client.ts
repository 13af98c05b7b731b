import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { Config } from "../config.js";
import { lockDataDir } from "./data-dir-lock.js";
import * as schema from "./schema.js";
import { createTransactionGuard, noTransactionGuard, type TransactionGuard } from "./transaction-guard.js";

export type Schema = typeof schema;
/** The same drizzle API over node-postgres or PGlite: services never know which. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** What a repository method runs its SQL on: the pool, or the caller's transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: "postgres" | "pglite";
  /**
   * A small pool of its own for the socket.io adapter's LISTEN/NOTIFY (absent on PGlite), so a
   * connection it holds for good neither starves requests nor survives an outage unnoticed.
   */
  listenerPool(): pg.Pool | undefined;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  /** The PostgreSQL pool's use (for metrics); null on PGlite, which has one connection and no pool. */
  poolStats(): PoolStats | null;
  close(): Promise<void>;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export interface DatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  migrationsFolder: string;
  poolSize: number;
  connectTimeoutMs: number;
  /**
   * Make a query on the root handle inside an open transaction throw (see transaction-guard.ts).
   * Default: on, except in production on PostgreSQL.
   */
  transactionGuard?: boolean;
  /** Production: the guard is off on PostgreSQL unless asked for. */
  production?: boolean;
}

/** How the server (and every script) opens the database the configuration names. */
export function databaseOptions(config: Config): DatabaseOptions {
  return {
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    migrationsFolder: config.paths.migrations,
    poolSize: config.dbPoolSize,
    connectTimeoutMs: config.dbConnectTimeoutMs,
    production: config.env === "production",
  };
}

const STATEMENT_TIMEOUT_MS = 30_000;

/**
 * node-postgres's pool uses one timeout for two waits: for a free connection, and for opening a new
 * one. A client class of our own gives opening its own, short, timeout.
 */
function quickConnectClient(connectTimeoutMs: number): typeof pg.Client {
  return class QuickConnectClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super({
        ...(typeof config === "string" ? { connectionString: config } : config),
        connectionTimeoutMillis: connectTimeoutMs,
      });
    }
  };
}

/** Serialises migrations when several server processes start at once. */
const MIGRATION_LOCK_KEY = 7_254_001;

export function openDatabase(options: DatabaseOptions): Database {
  return options.databaseUrl ? openPostgres(options, options.databaseUrl) : openPglite(options);
}

function guardFor(
  options: Pick<DatabaseOptions, "transactionGuard">,
  kind: Database["kind"],
  production: boolean,
): TransactionGuard {
  const on = options.transactionGuard ?? !(production && kind === "postgres");
  return on ? createTransactionGuard() : noTransactionGuard;
}

/**
 * Routes the root handle's transactions through the guard, and checks every root query against it.
 * `rootQuery` is the driver method the root handle sends its queries through (never a transaction's).
 */
function guard<C extends object, K extends keyof C>(
  db: Db,
  client: C,
  rootQuery: K[],
  g: TransactionGuard,
): Db {
  if (g === noTransactionGuard) return db;
  for (const method of rootQuery) {
    const original = client[method];
    if (typeof original !== "function") throw new Error(`driver has no ${String(method)}()`);
    // Same signature, one check in front; the driver's overloads make a precise type impractical.
    client[method] = function (this: unknown, ...args: unknown[]) {
      g.assertOutside();
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as C[K];
  }
  const transaction = db.transaction.bind(db);
  db.transaction = ((body, config) => {
    // Taken here, in the caller's synchronous frame, so the error names the code that opened it.
    const openedAt = new Error().stack?.split("\n").slice(2).join("\n");
    return transaction((tx) => g.within(() => body(tx), openedAt), config);
  }) as Db["transaction"];
  return db;
}

function openPostgres(options: DatabaseOptions, url: string): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize,
    // Two different waits. Opening a connection fails fast while the database is away (see
    // QuickConnectClient), and a request waiting for a free connection of a busy pool queues for as
    // long as a statement may run: a busy hour must queue, not fail with 503.
    Client: quickConnectClient(options.connectTimeoutMs),
    connectionTimeoutMillis: STATEMENT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    statement_timeout: STATEMENT_TIMEOUT_MS,
  });
  // A client losing its connection emits 'error'; without a listener that is an uncaught exception
  // and the process dies. The pool listens only while a client is idle, so every client gets a
  // listener of its own for its whole life: checked out (inside a transaction) the failure reaches
  // the running query as a rejection instead, and the request answers 503.
  pool.on("connect", (client) => client.on("error", () => undefined));
  pool.on("error", () => undefined);
  releaseBrokenClients(pool);
  const db = guard(
    drizzlePg({ client: pool, schema }) as Db,
    pool,
    ["query"],
    guardFor(options, "postgres", options.production ?? false),
  );
  let listeners: ReturnType<typeof createListenerPool> | undefined;
  return {
    db,
    kind: "postgres",
    listenerPool() {
      listeners ??= createListenerPool(url, options.connectTimeoutMs);
      return listeners.facade;
    },
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg({ client, schema }), {
          migrationsFolder: options.migrationsFolder,
        });
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
        client.release();
      }
    },
    async ping() {
      await pool.query("SELECT 1");
    },
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: options.poolSize,
    }),
    async close() {
      await Promise.all([pool.end(), listeners?.end()]);
    },
  };
}

/**
 * A checked-out client whose connection fails goes back to the pool at once, marked broken (the
 * pool discards it), and the holder's own release later is a no-op. Drizzle's transaction() needs
 * this: when its BEGIN fails it never releases the client, and a few such failures during an outage
 * would leave the pool with no slot once the database is back.
 */
function releaseBrokenClients(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  // Only the promise form is wrapped: pool.query() uses the callback form and releases by itself.
  const wrapped = async (): Promise<pg.PoolClient> => {
    const client = await connect();
    const releaseToPool = client.release.bind(client);
    let released = false;
    const broken = (err?: Error) => client.release(err ?? new Error("connection ended"));
    const onEnd = () => broken();
    client.release = (err?: Error | boolean) => {
      if (released) return;
      released = true;
      client.off("error", broken);
      client.off("end", onEnd);
      releaseToPool(err);
    };
    client.once("error", broken);
    client.once("end", onEnd);
    return client;
  };
  const original = pool.connect;
  // The callback form stays the pool's own; the overloads make a precise type impractical.
  pool.connect = function (this: pg.Pool, ...args: unknown[]) {
    if (args.length > 0) return (original as (...a: unknown[]) => unknown).apply(this, args);
    return wrapped();
  } as pg.Pool["connect"];
}

/**
 * @socket.io/postgres-adapter keeps one client checked out for LISTEN and attaches no 'error'
 * listener to it, so a lost connection would throw an uncaught exception and leak the pool slot.
 * It gets a pool of its own behind a facade whose connect() (used only for that LISTEN client)
 * frees the client when its connection fails; the adapter then reconnects by itself. Release is
 * made idempotent, since the adapter also releases the client when it closes. Its queries (NOTIFY,
 * cleanup) go to the pool unchanged.
 */
function createListenerPool(
  url: string,
  connectTimeoutMs: number,
): { facade: pg.Pool; end(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 3, connectionTimeoutMillis: connectTimeoutMs });
  pool.on("error", () => undefined);
  const held = new Set<pg.PoolClient>();
  let ending = false;
  // After shutdown the adapter may still ask; it then waits for good and holds nothing.
  const never = () => new Promise<pg.PoolClient>(() => undefined);

  const connect = async (): Promise<pg.PoolClient> => {
    if (ending) return never();
    const client = await pool.connect();
    if (ending) {
      client.release();
      return never();
    }
    const releaseToPool = client.release.bind(client);
    let released = false;
    const fail = (err?: Error) => client.release(err ?? new Error("connection ended"));
    const onEnd = () => fail();
    client.release = (err?: Error | boolean) => {
      if (released) return;
      released = true;
      held.delete(client);
      client.off("error", fail);
      client.off("end", onEnd);
      releaseToPool(err);
    };
    client.on("error", fail);
    client.on("end", onEnd);
    held.add(client);
    return client;
  };
  // The adapter calls only connect() and query(); the cast states that this facade is enough.
  const facade = { connect, query: pool.query.bind(pool) } as unknown as pg.Pool;
  return {
    facade,
    async end() {
      ending = true;
      for (const client of [...held]) client.release(new Error("shutting down"));
      await pool.end();
    },
  };
}

function openPglite(options: DatabaseOptions): Database {
  fs.mkdirSync(options.dataDir, { recursive: true });
  // PGlite runs in this process: a second process on the same files (a backup, a second server)
  // would corrupt them, so the directory is locked for as long as it is open.
  const lock = lockDataDir(options.dataDir, "server");
  const database = databaseOverPglite(new PGlite(options.dataDir), options);
  return {
    ...database,
    async close() {
      await database.close();
      lock.release();
    },
  };
}

/**
 * The Database over a PGlite instance the caller made: the server's own under `DATA_DIR`, or an
 * in-memory one loaded from a dump (the tests' fresh database per file).
 */
export function databaseOverPglite(
  client: PGlite,
  options: Pick<DatabaseOptions, "migrationsFolder" | "transactionGuard" | "production">,
): Database {
  const db = guard(
    drizzlePglite({ client, schema }) as Db,
    client,
    ["query", "exec"],
    guardFor(options, "pglite", options.production ?? false),
  );
  return {
    db,
    kind: "pglite",
    listenerPool: () => undefined,
    async migrate() {
      await migratePglite(drizzlePglite({ client, schema }), {
        migrationsFolder: options.migrationsFolder,
      });
    },
    async ping() {
      await db.execute(sql`SELECT 1`);
    },
    poolStats: () => null,
    async close() {
      await client.close();
    },
  };
}
