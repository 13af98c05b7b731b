/**
 * Counters draining a deep queue: each member of staff signs in, opens their own counter, then loops
 * call-next → no-show as fast as the server answers, until the time is up or the queue is empty.
 */
import { performance } from "node:perf_hooks";
import { ApiClient } from "../lib/http.js";
import { bearer, countersOf, inBatches, openCounter, signIn, type TicketRef } from "../lib/staff.js";
import type { LoadMessage } from "../lib/measured-run.js";
import { summarise, type LatencySummary } from "../lib/stats.js";
import { serveWorker } from "../lib/worker-channel.js";

export interface CallLoadInput {
  url: string;
  centreCode: string;
  staff: string[];
  password: string;
  seconds: number;
  /** Upper bound on call-next requests per counter, whatever the time. */
  maxCallsPerCounter: number;
}

export interface CallLoadResult {
  counters: number;
  calls: number;
  seconds: number;
  perSecond: number;
  callNextMs: LatencySummary;
  noShowMs: LatencySummary;
  /** Answers other than 200 (409 would mean a counter was asked to call while busy). */
  unexpected: Record<string, number>;
  drained: boolean;
}

serveWorker<CallLoadInput, LoadMessage<CallLoadResult>>(async (channel) => {
  const input = await channel.next(30_000);
  const api = new ApiClient(input.url, input.staff.length + 4);
  try {
    // Sign-in (argon2) and opening are set-up, not measured.
    const tokens = await inBatches(input.staff, 4, (username) => signIn(api, username, input.password));
    const counters = (await countersOf(api, tokens[0] ?? "", input.centreCode)).slice(0, tokens.length);
    if (counters.length < tokens.length)
      throw new Error(`only ${counters.length} counters for ${tokens.length} staff`);
    await inBatches(counters, 4, (counter, i) => openCounter(api, tokens[i] ?? "", counter.id));

    const callNextMs: number[] = [];
    const noShowMs: number[] = [];
    const unexpected: Record<string, number> = {};
    const note = (what: string) => (unexpected[what] = (unexpected[what] ?? 0) + 1);
    let drained = false;
    channel.send({ type: "measuring" });
    const started = performance.now();
    const deadline = started + input.seconds * 1000;

    await Promise.all(
      counters.map(async (counter, i) => {
        const headers = bearer(tokens[i] ?? "");
        for (let n = 0; n < input.maxCallsPerCounter && performance.now() < deadline && !drained; n++) {
          const t0 = performance.now();
          const called = await api.request("POST", `/counters/${counter.id}/call-next`, { headers });
          if (called.status !== 200) {
            note(`call-next ${called.status}`);
            continue;
          }
          const elapsed = performance.now() - t0;
          const ticket = (called.body as { ticket: TicketRef | null }).ticket;
          if (!ticket) {
            drained = true;
            break;
          }
          callNextMs.push(elapsed);
          const t1 = performance.now();
          const done = await api.request("POST", `/tickets/${ticket.id}/no-show`, { headers });
          if (done.status === 200) noShowMs.push(performance.now() - t1);
          else note(`no-show ${done.status}`);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const calls = callNextMs.length;
    channel.send({
      type: "result",
      result: {
        counters: counters.length,
        calls,
        seconds,
        perSecond: calls / seconds,
        callNextMs: summarise(callNextMs),
        noShowMs: summarise(noShowMs),
        unexpected,
        drained,
      },
    });
  } finally {
    api.close();
  }
});
