/**
 * Where a process spent its CPU: the functions and the packages with the most self time in a V8
 * .cpuprofile (as written by `BENCH_CPU_PROFILE=1 npm run bench`, or node --cpu-prof).
 *
 *   node --import tsx bench/profile-summary.ts bench/results/profiles/<run>/shared/<file>.cpuprofile [top]
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { repoRoot } from "./lib/settings.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package (or our own workspace) a script belongs to: the unit a fix would target. */
function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node internals";
  const file = url.replace(/^file:\/\//, "");
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (modules?.[1]) return modules[1];
  const inRepo = path.relative(repoRoot, file);
  return inRepo.startsWith("..") ? file : (inRepo.split("/").slice(0, 2).join("/") ?? inRepo);
}

function frameOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? `${path.relative(repoRoot, url.replace(/^file:\/\//, ""))}:${lineNumber + 1}` : "";
  return `${functionName || "(anonymous)"} ${where}`.trim();
}

function top(totals: Map<string, number>, all: number, count: number): string[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([name, us]) =>
        `${((100 * us) / all).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`,
    );
}

async function main(): Promise<void> {
  const [file, countArg] = process.argv.slice(2);
  if (!file) throw new Error("usage: profile-summary.ts <file.cpuprofile> [top]");
  const count = Number(countArg ?? 25);
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));

  // Self time per sample: each sample's node gets the time until the next sample.
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, delta));
  });

  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    if (node.callFrame.functionName === "(idle)") {
      idle += us;
      continue;
    }
    busy += us;
    const fn = frameOf(node);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const area = areaOf(node.callFrame.url, node.callFrame.functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
  }
  const lines = [
    `${path.basename(file)}: busy ${(busy / 1e6).toFixed(1)} s, idle ${(idle / 1e6).toFixed(1)} s; shares are of busy time`,
    "",
    "By package:",
    ...top(byArea, busy, 15),
    "",
    `Top ${count} functions by self time:`,
    ...top(byFunction, busy, count),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
