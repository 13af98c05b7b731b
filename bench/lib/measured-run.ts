import type { CpuMeter, CpuUse } from "./cpu.js";
import { startWorker } from "./worker-channel.js";

/**
 * The protocol of a load worker: it sets up (sign-ins, warm-up), says "measuring" when the timed
 * part begins, and sends its result when it ends.
 */
export type LoadMessage<R> = { type: "measuring" } | { type: "result"; result: R };

/** Runs a load worker; the CPU meter, if any, runs exactly while the worker measures. */
export async function runMeasured<In, R>(
  name: string,
  input: In,
  limits: { setupMs: number; runMs: number },
  meter?: CpuMeter,
): Promise<{ result: R; cpu: CpuUse | null }> {
  const worker = startWorker<In, LoadMessage<R>>(name);
  try {
    worker.send(input);
    const first = await worker.next(limits.setupMs);
    if (first.type !== "measuring") throw new Error(`${name}: expected "measuring", got "${first.type}"`);
    const finish = async () => {
      const last = await worker.next(limits.runMs);
      if (last.type !== "result") throw new Error(`${name}: expected a result, got "${last.type}"`);
      return last.result;
    };
    if (!meter) return { result: await finish(), cpu: null };
    return await meter.during(finish);
  } finally {
    await worker.stop();
  }
}
