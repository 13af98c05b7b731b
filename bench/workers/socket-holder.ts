/**
 * Holds display sockets open on the server, so the orchestrator can read the server's memory with
 * them connected: opens them all, reports, waits for "close", closes them, reports again.
 */
import { closeSockets, openSockets } from "../lib/sockets.js";
import { serveWorker } from "../lib/worker-channel.js";

export type HolderCommand =
  { type: "open"; url: string; auths: Record<string, string>[]; concurrency: number } | { type: "close" };

export type HolderReport =
  | { type: "connected"; connected: number; failed: number; errors: Record<string, number>; seconds: number }
  | { type: "closed" };

serveWorker<HolderCommand, HolderReport>(async (channel) => {
  const open = await channel.next(30_000);
  if (open.type !== "open") throw new Error(`expected "open", got "${open.type}"`);
  const opened = await openSockets(open.url, open.auths, open.concurrency);
  channel.send({
    type: "connected",
    connected: opened.sockets.length,
    failed: opened.failed,
    errors: opened.errors,
    seconds: opened.seconds,
  });
  // Bounded: the orchestrator closes within minutes; an hour means it is gone.
  await channel.next(3_600_000);
  closeSockets(opened.sockets);
  channel.send({ type: "closed" });
});
