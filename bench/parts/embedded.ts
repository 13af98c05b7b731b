/**
 * Part 5, embedded: issuing on the default install, the server with no DATABASE_URL and so PGlite
 * (PostgreSQL in WebAssembly, in the server's own process) in a fresh temporary DATA_DIR.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { BenchCentre } from "../lib/bench-data.js";
import type { CpuUse } from "../lib/cpu.js";
import { startServer } from "../lib/server.js";
import type { BenchSettings } from "../lib/settings.js";
import type { IssueLoadResult } from "../workers/issue-load.js";
import { issueOverHttp } from "./issuing.js";

export const EMBEDDED_KIOSKS = 8;
/**
 * Tuesday 24 November 2026, 10:00 in Baku. Kiosks issue only in a centre's hours (409
 * centre_closed otherwise), so a run in the evening or at a weekend measured 0 tickets/s; the
 * server's clock starts on a working morning instead, whatever the hour of the run.
 */
const WORKING_MORNING = "2026-11-24T06:00:00.000Z";
const DEMO_CENTRES = ["BAKU-1", "BAKU-2", "SUMGAYIT"];

export interface EmbeddedFigures {
  kiosks: number;
  centres: number;
  seconds: number;
  http: IssueLoadResult;
  /** The server's CPU, PGlite included (it runs in the server's process). */
  cpu: CpuUse | null;
}

/** The demo's centres and services, read as a kiosk reads them. */
async function demoCentres(url: string): Promise<BenchCentre[]> {
  return Promise.all(
    DEMO_CENTRES.map(async (code) => {
      const res = await fetch(`${url}/api/v1/centres/${code}/services`);
      if (!res.ok) throw new Error(`services of ${code}: ${res.status}`);
      const { services } = (await res.json()) as { services: { id: string }[] };
      return { id: code, code, serviceIds: services.map((s) => s.id) };
    }),
  );
}

export async function measureEmbedded(args: {
  settings: BenchSettings;
  cpuProfileDir?: string;
}): Promise<EmbeddedFigures> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "dost-bench-pglite-"));
  try {
    const server = await startServer({
      dataDir,
      clockStart: WORKING_MORNING,
      ...(args.cpuProfileDir ? { cpuProfileDir: args.cpuProfileDir } : {}),
    });
    try {
      const centres = await demoCentres(server.url);
      const { result, cpu } = await issueOverHttp(
        server,
        null,
        centres,
        EMBEDDED_KIOSKS,
        args.settings.seconds,
      );
      return {
        kiosks: EMBEDDED_KIOSKS,
        centres: centres.length,
        seconds: args.settings.seconds,
        http: result,
        cpu,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
