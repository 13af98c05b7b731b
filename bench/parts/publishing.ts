/**
 * Part 3, publishing: call → display latency with 1,000 display sockets over 31 centres, on the
 * server and on bare socket.io with the same rooms, sockets and call rate.
 */
import type { BenchCatalogue } from "../lib/bench-data.js";
import { withClient } from "../lib/database.js";
import { PASSWORD, centreStaff, displayKey, kioskKey } from "../lib/bench-data.js";
import type { BenchSettings } from "../lib/settings.js";
import { ratio } from "../lib/stats.js";
import { runWorker, startWorker } from "../lib/worker-channel.js";
import type { BareServerReady } from "../bare-socketio.js";
import type { PublishProbeInput, PublishProbeResult, PublishTarget } from "../workers/publish-probe.js";

export const PUBLISHING_SOCKETS = 1_000;
/** Calls per second over all centres: a busy morning, well below what either side can take. */
export const PUBLISHING_CALLS_PER_SECOND = 10;
/** Visitors waiting per centre when the probe starts: a busy hall. */
export const PUBLISHING_WAITING_PER_CENTRE = 30;

export interface PublishingFigures {
  sockets: number;
  callsPerSecond: number;
  dost: PublishProbeResult;
  bare: PublishProbeResult;
  /** DOST p99 ÷ bare socket.io p99. */
  p99Ratio: number;
  p50Ratio: number;
}

/**
 * Part 1 leaves thousands of waiting tickets per centre (pgbench's above all), and every call reads
 * its centre's whole queue; expiring them, as the sweeper does when a centre closes, keeps this
 * figure independent of how fast pgbench was. The probe then issues its own waiting visitors.
 */
async function clearQueues(databaseUrl: string, centreIds: string[]): Promise<void> {
  await withClient(databaseUrl, (db) =>
    db.query(
      `UPDATE tickets SET status = 'expired', finished_at = now()
       WHERE status = 'waiting' AND centre_id = ANY($1::uuid[])`,
      [centreIds],
    ),
  );
}

function probe(target: PublishTarget, seconds: number): Promise<PublishProbeResult> {
  return runWorker<PublishProbeInput, PublishProbeResult>(
    "workers/publish-probe",
    {
      target,
      sockets: PUBLISHING_SOCKETS,
      callsPerSecond: PUBLISHING_CALLS_PER_SECOND,
      warmupSeconds: 2,
      seconds,
      waitingPerCentre: PUBLISHING_WAITING_PER_CENTRE,
    },
    (seconds + 180) * 1000,
    { manyFiles: true },
  );
}

export async function measurePublishing(args: {
  serverUrl: string;
  databaseUrl: string;
  catalogue: BenchCatalogue;
  settings: BenchSettings;
}): Promise<PublishingFigures> {
  const { catalogue, settings } = args;
  await clearQueues(
    args.databaseUrl,
    catalogue.issuing.map((c) => c.id),
  );
  const dost = await probe(
    {
      kind: "dost",
      url: args.serverUrl,
      password: PASSWORD,
      centres: catalogue.issuing.map((c) => ({
        code: c.code,
        kioskKey: kioskKey(c.code),
        displayKey: displayKey(c.code),
        serviceId: c.serviceIds[0] ?? "",
        staff: centreStaff(c.code),
      })),
    },
    settings.seconds,
  );

  const bareServer = startWorker<Record<string, never>, BareServerReady>("bare-socketio");
  let bare: PublishProbeResult;
  try {
    bareServer.send({});
    const { url } = await bareServer.next(30_000);
    bare = await probe(
      { kind: "bare", url, rooms: catalogue.issuing.map((c) => `centre:${c.id}:display`) },
      settings.seconds,
    );
  } finally {
    await bareServer.stop();
  }
  return {
    sockets: PUBLISHING_SOCKETS,
    callsPerSecond: PUBLISHING_CALLS_PER_SECOND,
    dost,
    bare,
    p99Ratio: ratio(dost.latencyMs.p99, bare.latencyMs.p99),
    p50Ratio: ratio(dost.latencyMs.p50, bare.latencyMs.p50),
  };
}
