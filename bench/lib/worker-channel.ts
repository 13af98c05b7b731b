import type { ChildProcess, Serializable } from "node:child_process";
import path from "node:path";
import { spawnTracked, stopChild, tailOf } from "./children.js";
import { benchRoot } from "./settings.js";

/** What a worker process sends back: a message of its protocol, or why it failed. */
type Envelope<Out> = { kind: "message"; body: Out } | { kind: "failed"; error: string };

/**
 * A queue of messages from one side of an IPC channel, read in order with a deadline, so a silent
 * peer turns into an error instead of a hang.
 */
class Inbox<T> {
  private readonly items: T[] = [];
  private readonly waiters: { resolve(v: T): void; reject(e: Error): void }[] = [];
  private failure: Error | null = null;

  push(item: T): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(item);
    else this.items.push(item);
  }

  fail(error: Error): void {
    this.failure ??= error;
    for (const w of this.waiters.splice(0)) w.reject(this.failure);
  }

  next(timeoutMs: number, what: string): Promise<T> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve(item);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`${what}: no answer within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      const waiter = {
        resolve: (v: T) => {
          clearTimeout(timer);
          resolve(v);
        },
        reject: (e: Error) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.waiters.push(waiter);
    });
  }
}

export interface WorkerHandle<In, Out> {
  readonly pid: number;
  send(message: In): void;
  next(timeoutMs: number): Promise<Out>;
  stop(): Promise<void>;
}

/**
 * Starts bench/<name>.ts (e.g. "workers/issue-load") in its own Node process, TypeScript through tsx,
 * linked by IPC.
 */
export function startWorker<In, Out>(
  name: string,
  options: { manyFiles?: boolean } = {},
): WorkerHandle<In, Out> {
  const script = path.join(benchRoot, `${name}.ts`);
  const child: ChildProcess = spawnTracked(process.execPath, ["--import", "tsx", script], {
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    ...(options.manyFiles ? { manyFiles: true } : {}),
  });
  const tail = tailOf(child);
  const inbox = new Inbox<Out>();
  child.on("message", (raw) => {
    const envelope = raw as Envelope<Out>;
    if (envelope.kind === "message") inbox.push(envelope.body);
    else inbox.fail(new Error(`worker ${name} failed: ${envelope.error}`));
  });
  child.once("exit", (code, signal) => {
    const output = tail();
    inbox.fail(
      new Error(
        `worker ${name} exited (${signal ?? `code ${code}`})${output ? `; its last output:\n${output}` : ""}`,
      ),
    );
  });
  if (child.pid === undefined) throw new Error(`worker ${name} did not start`);
  return {
    pid: child.pid,
    send(message) {
      // Messages are plain JSON-like objects, which is what IPC carries.
      if (child.connected) child.send(message as Serializable);
    },
    next: (timeoutMs) => inbox.next(timeoutMs, `worker ${name}`),
    stop: () => stopChild(child, 5_000),
  };
}

/** The same for the common case: one input, one result, then the worker ends. */
export async function runWorker<In, Out>(
  name: string,
  input: In,
  timeoutMs: number,
  options: { manyFiles?: boolean } = {},
): Promise<Out> {
  const worker = startWorker<In, Out>(name, options);
  try {
    worker.send(input);
    return await worker.next(timeoutMs);
  } finally {
    await worker.stop();
  }
}

export interface WorkerChannel<In, Out> {
  next(timeoutMs: number): Promise<In>;
  send(message: Out): void;
}

/**
 * The worker's side: runs `main` with a channel to the orchestrator. The worker ends when `main`
 * does, and at once if the orchestrator goes away, so no load generator outlives it.
 */
export function serveWorker<In, Out>(main: (channel: WorkerChannel<In, Out>) => Promise<void>): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error("a bench worker must be started by bench/run.ts (it needs an IPC channel)");
  const inbox = new Inbox<In>();
  process.on("message", (m) => inbox.push(m as In));
  process.once("disconnect", () => process.exit(1));
  // process.exit() would drop messages still in flight, so the end waits for every send.
  const inFlight = new Set<Promise<void>>();
  const post = (envelope: Envelope<Out>): Promise<void> => {
    const sent = new Promise<void>((resolve) => send(envelope, undefined, {}, () => resolve()));
    inFlight.add(sent);
    void sent.then(() => inFlight.delete(sent));
    return sent;
  };
  const channel: WorkerChannel<In, Out> = {
    next: (timeoutMs) => inbox.next(timeoutMs, "orchestrator"),
    send: (body) => void post({ kind: "message", body }),
  };
  main(channel)
    .then(async () => {
      await Promise.all(inFlight);
      process.exit(0);
    })
    .catch(async (error: unknown) => {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      await Promise.all([...inFlight, post({ kind: "failed", error: text })]);
      process.exit(1);
    });
}
