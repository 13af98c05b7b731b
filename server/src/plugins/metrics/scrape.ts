import { DEVICE_KINDS } from "@dost/shared";
import type { PoolStats } from "../../db/client.js";
import type { SocketServer } from "../realtime/publisher.js";
import type { Instruments } from "./instruments.js";

/** Where the gauges' figures come from, as functions: plugins import no module (app.ts wires them). */
export interface GaugeSources {
  /** Every centre's waiting tickets today and its longest wait, read from the database. */
  queueByCentre(): Promise<{ code: string; waiting: number; longestWaitSeconds: number }[]>;
  /** Texts due and not sent yet, and how long the oldest has been due. */
  outboxBacklog(): Promise<{ pending: number; oldestDueSeconds: number }>;
  /** The PostgreSQL pool's use; null on the embedded database, which has no pool. */
  poolStats(): PoolStats | null;
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
 */
async function readDatabase(sources: GaugeSources, instruments: Instruments): Promise<void> {
  const [queues, outbox] = await Promise.all([sources.queueByCentre(), sources.outboxBacklog()]);
  instruments.queueWaiting.reset();
  instruments.queueLongestWait.reset();
  for (const q of queues) {
    instruments.queueWaiting.set({ centre: q.code }, q.waiting);
    instruments.queueLongestWait.set({ centre: q.code }, q.longestWaitSeconds);
  }
  instruments.outboxPending.set(outbox.pending);
  instruments.outboxOldestDue.set(outbox.oldestDueSeconds);
}

/** Brings the gauges up to date; called by GET /metrics just before it renders the registry. */
export async function refreshGauges(sources: GaugeSources, instruments: Instruments): Promise<void> {
  const io = sources.io();
  if (io) {
    const counts = countSockets(io);
    for (const kind of SOCKET_KINDS) instruments.sockets.set({ kind }, counts[kind]);
  }

  const pool = sources.poolStats();
  if (pool) {
    instruments.pool.set({ state: "total" }, pool.total);
    instruments.pool.set({ state: "idle" }, pool.idle);
    instruments.pool.set({ state: "waiting" }, pool.waiting);
    instruments.poolMax.set(pool.max);
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
