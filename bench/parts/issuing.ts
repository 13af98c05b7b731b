/**
 * Part 1, issuing: kiosks issuing over HTTP against the same transaction run bare by pgbench on the
 * same database, one after the other, for the same number of seconds.
 */
import path from "node:path";
import type { BenchCatalogue, BenchCentre } from "../lib/bench-data.js";
import { kioskKey } from "../lib/bench-data.js";
import { CpuMeter, type CpuUse } from "../lib/cpu.js";
import type { BenchDatabase } from "../lib/database.js";
import { runMeasured } from "../lib/measured-run.js";
import { runPgbench, type PgbenchResult } from "../lib/pgbench.js";
import type { RunningServer } from "../lib/server.js";
import { benchRoot, type BenchSettings } from "../lib/settings.js";
import { ratio } from "../lib/stats.js";
import type { IssueLoadInput, IssueLoadResult, IssueRequest } from "../workers/issue-load.js";

export const ISSUING_KIOSKS = 32;

export interface IssuingFigures {
  kiosks: number;
  centres: number;
  seconds: number;
  http: IssueLoadResult;
  httpCpu: CpuUse | null;
  pgbench: PgbenchResult;
  pgbenchCpu: CpuUse | null;
  /** HTTP tickets per second ÷ pgbench transactions per second. */
  ratio: number;
}

/**
 * Every (centre, service) pair once, centres varying fastest, so consecutive requests go to
 * different centres as real kiosks' would.
 */
export function issueRequests(centres: readonly BenchCentre[]): IssueRequest[] {
  const most = Math.max(...centres.map((c) => c.serviceIds.length));
  const requests: IssueRequest[] = [];
  for (let s = 0; s < most; s++) {
    for (const centre of centres) {
      const serviceId = centre.serviceIds[s];
      if (!serviceId) continue;
      requests.push({
        path: `/api/v1/centres/${centre.code}/tickets`,
        authorization: `Device ${kioskKey(centre.code)}`,
        body: JSON.stringify({ serviceId }),
      });
    }
  }
  return requests;
}

/**
 * autocannon in its own process: `kiosks` connections for `seconds`, after a short warm-up, with the
 * CPU the server (and its database's backends, if given) used during the measured seconds.
 */
export function issueOverHttp(
  server: RunningServer,
  database: BenchDatabase | null,
  centres: readonly BenchCentre[],
  kiosks: number,
  seconds: number,
): Promise<{ result: IssueLoadResult; cpu: CpuUse | null }> {
  return runMeasured<IssueLoadInput, IssueLoadResult>(
    "workers/issue-load",
    { url: server.url, kiosks, seconds, warmupSeconds: 3, requests: issueRequests(centres) },
    { setupMs: 60_000, runMs: (seconds + 60) * 1000 },
    new CpuMeter(server.pid, database),
  );
}

export async function measureIssuing(args: {
  server: RunningServer;
  database: BenchDatabase;
  catalogue: BenchCatalogue;
  settings: BenchSettings;
}): Promise<IssuingFigures> {
  const { catalogue, settings, database } = args;
  const http = await issueOverHttp(
    args.server,
    database,
    catalogue.issuing,
    ISSUING_KIOSKS,
    settings.seconds,
  );
  const { result: pgbench, cpu: pgbenchCpu } = await new CpuMeter(null, database).during(() =>
    runPgbench({
      pgbench: settings.pgbench,
      url: database.url,
      script: path.join(benchRoot, "sql/issue.sql"),
      clients: ISSUING_KIOSKS,
      threads: 2,
      seconds: settings.seconds,
      defines: {
        centres: catalogue.issuing.length,
        services: Math.min(...catalogue.issuing.map((c) => c.serviceIds.length)),
      },
    }),
  );
  return {
    kiosks: ISSUING_KIOSKS,
    centres: catalogue.issuing.length,
    seconds: settings.seconds,
    http: http.result,
    httpCpu: http.cpu,
    pgbench,
    pgbenchCpu,
    ratio: ratio(http.result.perSecond, pgbench.tps),
  };
}
