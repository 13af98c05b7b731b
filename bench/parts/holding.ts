/**
 * Part 4, holding: the server's resident memory with 10,000 display sockets connected, on a server
 * of its own started for this part, so the figure before is a fresh process's and not the
 * leftovers of the other parts.
 */
import type { BenchCatalogue } from "../lib/bench-data.js";
import { displayKey } from "../lib/bench-data.js";
import { sleep } from "../lib/children.js";
import { settledResidentKb } from "../lib/rss.js";
import { startServer } from "../lib/server.js";
import type { BenchSettings } from "../lib/settings.js";
import { startWorker, type WorkerHandle } from "../lib/worker-channel.js";
import type { HolderCommand, HolderReport } from "../workers/socket-holder.js";

export const HELD_SOCKETS = 10_000;
/** Two processes of 5,000 sockets each, so no one client process is the bottleneck. */
const HOLDERS = 2;

export interface HoldingFigures {
  sockets: number;
  connected: number;
  failed: number;
  errors: Record<string, number>;
  connectSeconds: number;
  rssBeforeKb: number;
  rssWithSocketsKb: number;
  /** (RSS with sockets − RSS before) ÷ sockets connected. */
  kbPerSocket: number;
}

async function expectReport<T extends HolderReport["type"]>(
  holder: WorkerHandle<HolderCommand, HolderReport>,
  type: T,
  timeoutMs: number,
): Promise<Extract<HolderReport, { type: T }>> {
  const report = await holder.next(timeoutMs);
  if (report.type !== type) throw new Error(`holder said "${report.type}", expected "${type}"`);
  return report as Extract<HolderReport, { type: T }>;
}

export async function measureHolding(args: {
  databaseUrl: string;
  catalogue: BenchCatalogue;
  settings: BenchSettings;
  cpuProfileDir?: string;
}): Promise<HoldingFigures> {
  const server = await startServer({
    databaseUrl: args.databaseUrl,
    ...(args.cpuProfileDir ? { cpuProfileDir: args.cpuProfileDir } : {}),
  });
  const holders: WorkerHandle<HolderCommand, HolderReport>[] = [];
  try {
    // One request through each path the sockets will take, then let start-up garbage settle.
    await fetch(`${server.url}/api/v1/centres`);
    await sleep(2_000);
    const rssBeforeKb = await settledResidentKb(server.pid);

    const keys = args.catalogue.issuing.map((c) => displayKey(c.code));
    const perHolder = Math.ceil(HELD_SOCKETS / HOLDERS);
    const started = Date.now();
    for (let h = 0; h < HOLDERS; h++) {
      const holder = startWorker<HolderCommand, HolderReport>("workers/socket-holder", { manyFiles: true });
      holders.push(holder);
      const count = Math.min(perHolder, HELD_SOCKETS - h * perHolder);
      holder.send({
        type: "open",
        url: server.url,
        auths: Array.from({ length: count }, (_, i) => ({
          deviceKey: keys[(h * perHolder + i) % keys.length] ?? "",
        })),
        concurrency: 100,
      });
    }
    const reports = await Promise.all(holders.map((h) => expectReport(h, "connected", 300_000)));
    const connectSeconds = (Date.now() - started) / 1000;
    // Handshake garbage is collected over the next seconds; read once it has settled.
    await sleep(3_000);
    const rssWithSocketsKb = await settledResidentKb(server.pid);

    holders.forEach((h) => h.send({ type: "close" }));
    await Promise.all(holders.map((h) => expectReport(h, "closed", 60_000)));
    const connected = reports.reduce((s, r) => s + r.connected, 0);
    const errors: Record<string, number> = {};
    for (const r of reports) for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + v;
    return {
      sockets: HELD_SOCKETS,
      connected,
      failed: reports.reduce((s, r) => s + r.failed, 0),
      errors,
      connectSeconds,
      rssBeforeKb,
      rssWithSocketsKb,
      kbPerSocket: connected > 0 ? (rssWithSocketsKb - rssBeforeKb) / connected : Number.NaN,
    };
  } finally {
    await Promise.all(holders.map((h) => h.stop()));
    await server.stop();
  }
}
