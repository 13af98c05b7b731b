import { readFile } from "node:fs/promises";
import { sleep } from "./children.js";

/** Resident memory of a process in KiB, from /proc/<pid>/status (VmRSS). */
export async function residentKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]);
}

/**
 * The median of a few readings a second apart: RSS moves with every garbage collection, and the
 * median of five is steadier than any one reading.
 */
export async function settledResidentKb(pid: number, readings = 5): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < readings; i++) {
    if (i > 0) await sleep(1_000);
    values.push(await residentKb(pid));
  }
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? Number.NaN;
}
