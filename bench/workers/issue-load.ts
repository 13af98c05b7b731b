/**
 * Kiosks issuing tickets as fast as they can: autocannon with one connection per kiosk, each
 * request taking the next (centre, service) of the rotation with that centre's kiosk key.
 */
import autocannon from "autocannon";
import type { LoadMessage } from "../lib/measured-run.js";
import { serveWorker } from "../lib/worker-channel.js";

export interface IssueRequest {
  path: string;
  authorization: string;
  body: string;
}

export interface IssueLoadInput {
  url: string;
  kiosks: number;
  seconds: number;
  warmupSeconds: number;
  requests: IssueRequest[];
}

export interface IssueLoadResult {
  issued: number;
  failed: number;
  errors: number;
  seconds: number;
  perSecond: number;
  latencyMs: { p50: number; p99: number; mean: number; max: number };
  statusCodes: Record<string, number>;
}

serveWorker<IssueLoadInput, LoadMessage<IssueLoadResult>>(async (channel) => {
  const input = await channel.next(30_000);
  if (input.requests.length === 0) throw new Error("no requests to rotate over");
  let turn = 0;
  const requests: autocannon.RequestSpec[] = [
    {
      method: "POST",
      setupRequest: (request) => {
        const next = input.requests[turn++ % input.requests.length];
        if (!next) return request;
        return {
          ...request,
          method: "POST",
          path: next.path,
          body: next.body,
          headers: { "content-type": "application/json", authorization: next.authorization },
        };
      },
    },
  ];
  const run = (seconds: number) =>
    autocannon({ url: input.url, connections: input.kiosks, duration: seconds, timeout: 30, requests });
  // JIT, the pools' connections and the caches warm up before the measured run.
  if (input.warmupSeconds > 0) await run(input.warmupSeconds);
  channel.send({ type: "measuring" });
  const result = await run(input.seconds);
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]),
  );
  channel.send({
    type: "result",
    result: {
      issued: result["2xx"],
      failed: result.non2xx,
      errors: result.errors,
      seconds: result.duration,
      perSecond: result["2xx"] / result.duration,
      // autocannon records the latency of 2xx answers only.
      latencyMs: {
        p50: result.latency.p50,
        p99: result.latency.p99,
        mean: result.latency.mean,
        max: result.latency.max,
      },
      statusCodes,
    },
  });
});
