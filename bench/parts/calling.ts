/**
 * Part 2, calling: 40 counters of one centre draining a deep queue, each call-next → no-show as fast
 * as it can; then the event log is asked whether any ticket was called twice.
 */
import {
  CALLING_CENTRE,
  CALLING_COUNTERS,
  CALLING_QUEUE_DEPTH,
  PASSWORD,
  callingStaff,
} from "../lib/bench-data.js";
import { CpuMeter, type CpuUse } from "../lib/cpu.js";
import { withClient, type BenchDatabase } from "../lib/database.js";
import { runMeasured } from "../lib/measured-run.js";
import type { RunningServer } from "../lib/server.js";
import type { BenchSettings } from "../lib/settings.js";
import type { CallLoadInput, CallLoadResult } from "../workers/call-load.js";

export interface CallingFigures {
  counters: number;
  queueDepth: number;
  load: CallLoadResult;
  cpu: CpuUse | null;
  /** `call` events in the log for this centre: must equal the calls answered. */
  callEvents: number;
  /** Tickets with more than one `call` event: must be 0. */
  calledTwice: number;
}

export async function measureCalling(args: {
  server: RunningServer;
  database: BenchDatabase;
  settings: BenchSettings;
}): Promise<CallingFigures> {
  const { result: load, cpu } = await runMeasured<CallLoadInput, CallLoadResult>(
    "workers/call-load",
    {
      url: args.server.url,
      centreCode: CALLING_CENTRE,
      staff: Array.from({ length: CALLING_COUNTERS }, (_, i) => callingStaff(i + 1)),
      password: PASSWORD,
      seconds: args.settings.seconds,
      // Each counter could at most drain the whole queue by itself.
      maxCallsPerCounter: CALLING_QUEUE_DEPTH,
    },
    // Sign-in of 40 users (argon2) comes first, then the timed loops.
    { setupMs: 120_000, runMs: (args.settings.seconds + 60) * 1000 },
    new CpuMeter(args.server.pid, args.database),
  );
  const { callEvents, calledTwice } = await withClient(args.database.url, async (db) => {
    const { rows } = await db.query<{ call_events: number; called_twice: number }>(
      `SELECT coalesce(sum(n), 0)::int AS call_events, count(*) FILTER (WHERE n > 1)::int AS called_twice
       FROM (SELECT e.ticket_id, count(*) AS n
             FROM ticket_events e JOIN centres c ON c.id = e.centre_id
             WHERE c.code = $1 AND e.action = 'call'
             GROUP BY e.ticket_id) per_ticket`,
      [CALLING_CENTRE],
    );
    return { callEvents: rows[0]?.call_events ?? 0, calledTwice: rows[0]?.called_twice ?? 0 };
  });
  return { counters: load.counters, queueDepth: CALLING_QUEUE_DEPTH, load, cpu, callEvents, calledTwice };
}
