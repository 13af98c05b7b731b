import { DEVICE_KINDS, serviceDay } from "@dost/shared";
import { sql } from "drizzle-orm";
import pg from "pg";
import type { Db } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";
import type { Clock } from "../../lib/clock.js";
import type { CentreDirectory } from "../../modules/catalog/centre-directory.js";
import type { SocketServer } from "../realtime/publisher.js";
import type { Instruments } from "./instruments.js";

export interface ScrapeSources {
  db: Db;
  clock: Clock;
  centres: Pick<CentreDirectory, "all">;
  /** The socket server, once it exists. */
  io(): SocketServer | undefined;
}

/** A scrape must answer even while the database hangs; Prometheus gives up after 10 s by default. */
const DATABASE_READ_TIMEOUT_MS = 3_000;

/** Staff consoles, each kind of device, and public ticket status pages. */
const SOCKET_KINDS = ["staff", ...DEVICE_KINDS, "status_page"] as const;
type SocketKind = (typeof SOCKET_KINDS)[number];

/** Local sockets by who they are: the handshake put the principal (or none, a status page) on them. */
function countSockets(io: SocketServer): Record<SocketKind, number> {
  const counts = Object.fromEntries(SOCKET_KINDS.map((kind) => [kind, 0])) as Record<SocketKind, number>;
  for (const socket of io.of("/").sockets.values()) {
    const principal = socket.data.principal;
    if (!principal) counts.status_page++;
    else if (principal.kind === "user") counts.staff++;
    else counts[principal.device.kind]++;
  }
  return counts;
}

/**
 * Queue figures come from the database, not from this process's own events: with several
 * replicas each one publishes only the changes it made, while every replica reads the same rows.
 * One grouped read over the waiting tickets (a partial index) per scrape.
 */
async function readDatabase(sources: ScrapeSources, instruments: Instruments): Promise<void> {
  const now = sources.clock.now();
  const centres = await sources.centres.all(sources.db);
  const waiting =
    centres.length === 0
      ? []
      : await queryRows<{ centreId: string; waiting: number; longest: number }>(
          sources.db,
          sql`SELECT t.centre_id AS "centreId", count(*)::int AS "waiting",
                     extract(epoch FROM ${now.toISOString()}::timestamptz - min(t.queued_at))::float8 AS "longest"
                FROM tickets t
                JOIN (VALUES ${sql.join(
                  centres.map((c) => sql`(${c.id}::uuid, ${serviceDay(now, c.timezone)}::date)`),
                  sql`, `,
                )}) AS today(centre_id, day) ON t.centre_id = today.centre_id AND t.service_day = today.day
               WHERE t.status = 'waiting'
               GROUP BY t.centre_id`,
        );
  const [outbox] = await queryRows<{ pending: number; oldest: number | null }>(
    sources.db,
    sql`SELECT count(*)::int AS "pending",
               extract(epoch FROM ${now.toISOString()}::timestamptz - min(next_attempt_at))::float8 AS "oldest"
          FROM notifications WHERE status = 'pending' AND next_attempt_at <= ${now.toISOString()}::timestamptz`,
  );
  const byCentre = new Map(waiting.map((w) => [w.centreId, w]));
  instruments.queueWaiting.reset();
  instruments.queueLongestWait.reset();
  for (const centre of centres) {
    const w = byCentre.get(centre.id);
    instruments.queueWaiting.set({ centre: centre.code }, w?.waiting ?? 0);
    instruments.queueLongestWait.set({ centre: centre.code }, Math.max(0, w?.longest ?? 0));
  }
  instruments.outboxPending.set(outbox?.pending ?? 0);
  instruments.outboxOldestDue.set(Math.max(0, outbox?.oldest ?? 0));
}

/** Brings the gauges up to date; called by GET /metrics just before it renders the registry. */
export async function refreshGauges(sources: ScrapeSources, instruments: Instruments): Promise<void> {
  const io = sources.io();
  if (io) {
    const counts = countSockets(io);
    for (const kind of SOCKET_KINDS) instruments.sockets.set({ kind }, counts[kind]);
  }

  // drizzle keeps the node-postgres pool it was given; PGlite has none.
  const client = (sources.db as unknown as { $client?: unknown }).$client;
  if (client instanceof pg.Pool) {
    instruments.pool.set({ state: "total" }, client.totalCount);
    instruments.pool.set({ state: "idle" }, client.idleCount);
    instruments.pool.set({ state: "waiting" }, client.waitingCount);
    instruments.poolMax.set(client.options.max ?? 10);
  }

  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      readDatabase(sources, instruments),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("database read timed out")), DATABASE_READ_TIMEOUT_MS);
      }),
    ]);
    instruments.databaseUp.set(1);
  } catch {
    // Stale figures would look current: drop them, and say why.
    instruments.databaseUp.set(0);
    instruments.queueWaiting.reset();
    instruments.queueLongestWait.reset();
    instruments.outboxPending.reset();
    instruments.outboxOldestDue.reset();
  } finally {
    clearTimeout(timer);
  }
}
