/**
 * From a call to the hall displays: opens the display sockets, then calls at a steady rate, round the
 * centres, and times every `ticket:called` each socket receives against the moment its call was sent.
 *
 * The calls and the sockets live in this one process on purpose: send and receipt times come from
 * the same monotonic clock (performance.now()), so the latency needs no clock comparison, and it
 * includes everything a display waits for (the request, the transaction, the adapter, the fan-out,
 * the frame and its decoding). The server's `calledAt` would leave out the request's way in and is
 * taken before the commit, so it is not used.
 */
import { performance } from "node:perf_hooks";
import { ApiClient } from "../lib/http.js";
import { closeSockets, openSockets } from "../lib/sockets.js";
import { bearer, countersOf, inBatches, openCounter, signIn, type TicketRef } from "../lib/staff.js";
import { summarise, type LatencySummary } from "../lib/stats.js";
import { serveWorker } from "../lib/worker-channel.js";

export interface DostCentreProbe {
  code: string;
  kioskKey: string;
  displayKey: string;
  serviceId: string;
  staff: string;
}

export type PublishTarget =
  | { kind: "dost"; url: string; password: string; centres: DostCentreProbe[] }
  | { kind: "bare"; url: string; rooms: string[] };

export interface PublishProbeInput {
  target: PublishTarget;
  sockets: number;
  callsPerSecond: number;
  warmupSeconds: number;
  seconds: number;
  /** At least this many waiting visitors per centre before the first call (DOST only). */
  waitingPerCentre: number;
}

export interface PublishProbeResult {
  sockets: number;
  socketsFailed: number;
  rooms: number;
  connectSeconds: number;
  calls: number;
  /** Calls not made because their room's previous call was still going. */
  skipped: number;
  receipts: number;
  /** Receipts expected (sockets of the called room) but not seen within the grace time. */
  missed: number;
  latencyMs: LatencySummary;
  /** The trigger request alone (call-next, or the bare server's /trigger), sent → answered. */
  triggerMs: LatencySummary;
  /**
   * Receipt minus the trigger's answer: what the fan-out adds after the caller already has its
   * answer (negative when the event overtakes the HTTP answer).
   */
  afterAnswerMs: LatencySummary;
  unexpected: Record<string, number>;
}

/** One room of display sockets and how to make a call heard in it. */
interface Room {
  auth: Record<string, string>;
  /** Sends the call; returns the ticket and when the request left, once the counter is free again. */
  call(): Promise<{ ticketId: string; sentAt: number; answeredAt: number }>;
}

async function dostRooms(target: Extract<PublishTarget, { kind: "dost" }>, ticketsPerCentre: number) {
  const api = new ApiClient(target.url, 64);
  const rooms = await inBatches(target.centres, 4, async (centre): Promise<Room> => {
    const token = await signIn(api, centre.staff, target.password);
    const [counter] = await countersOf(api, token, centre.code);
    if (!counter) throw new Error(`${centre.code} has no counter`);
    await openCounter(api, token, counter.id);
    for (let i = 0; i < ticketsPerCentre; i++) {
      await api.expect("POST", `/centres/${centre.code}/tickets`, {
        headers: { authorization: `Device ${centre.kioskKey}` },
        body: { serviceId: centre.serviceId },
      });
    }
    const headers = bearer(token);
    return {
      auth: { deviceKey: centre.displayKey },
      async call() {
        const sentAt = performance.now();
        const { ticket } = await api.expect<{ ticket: TicketRef | null }>(
          "POST",
          `/counters/${counter.id}/call-next`,
          { headers },
        );
        const answeredAt = performance.now();
        if (!ticket) throw new Error(`${centre.code}: nobody waiting`);
        // Frees the counter for its next call; not part of the measure.
        await api.expect("POST", `/tickets/${ticket.id}/no-show`, { headers });
        return { ticketId: ticket.id, sentAt, answeredAt };
      },
    };
  });
  return { rooms, close: () => api.close() };
}

function bareRooms(target: Extract<PublishTarget, { kind: "bare" }>) {
  const api = new ApiClient(target.url, 64, "");
  const rooms = target.rooms.map((room): Room => ({
    auth: { room },
    async call() {
      const sentAt = performance.now();
      const { ticketId } = await api.expect<{ ticketId: string }>("POST", "/trigger", { body: { room } });
      return { ticketId, sentAt, answeredAt: performance.now() };
    },
  }));
  return { rooms, close: () => api.close() };
}

const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - performance.now())));

serveWorker<PublishProbeInput, PublishProbeResult>(async (channel) => {
  const input = await channel.next(30_000);
  const { target } = input;
  const roomCount = target.kind === "dost" ? target.centres.length : target.rooms.length;
  const totalSeconds = input.warmupSeconds + input.seconds;
  const callsPerCentre = Math.ceil((input.callsPerSecond * totalSeconds) / roomCount);
  // Enough for every call of the run, and a queue of a realistic depth while calling.
  const ticketsPerCentre = Math.max(input.waitingPerCentre, callsPerCentre + 3);
  const { rooms, close } =
    target.kind === "dost" ? await dostRooms(target, ticketsPerCentre) : bareRooms(target);

  // Every receipt, by ticket, stamped first thing in the handler.
  const receipts = new Map<string, number[]>();
  const auths = Array.from({ length: input.sockets }, (_, i) => rooms[i % rooms.length]?.auth ?? {});
  const opened = await openSockets(target.url, auths, 50, (socket) => {
    socket.on("ticket:called", (payload: { ticketId: string }) => {
      const at = performance.now();
      const list = receipts.get(payload.ticketId);
      if (list) list.push(at);
      else receipts.set(payload.ticketId, [at]);
    });
  });
  const socketsPerRoom = new Array<number>(rooms.length).fill(0);
  opened.byIndex.forEach((socket, i) => {
    if (socket) socketsPerRoom[i % rooms.length] = (socketsPerRoom[i % rooms.length] ?? 0) + 1;
  });

  const unexpected: Record<string, number> = {};
  /** Calls at `callsPerSecond`, each to the next room whose previous call has finished. */
  async function callSteadily(seconds: number) {
    const sent = new Map<string, { sentAt: number; answeredAt: number; room: number }>();
    const triggerMs: number[] = [];
    const busy = new Set<number>();
    const calls: Promise<void>[] = [];
    const total = Math.round(input.callsPerSecond * seconds);
    const start = performance.now();
    let cursor = 0;
    let skipped = 0;
    for (let k = 0; k < total; k++) {
      await sleepUntil(start + (k * 1000) / input.callsPerSecond);
      const room = Array.from({ length: rooms.length }, (_, j) => (cursor + j) % rooms.length).find(
        (r) => !busy.has(r),
      );
      const target = room === undefined ? undefined : rooms[room];
      if (room === undefined || !target) {
        skipped++;
        continue;
      }
      cursor = room + 1;
      busy.add(room);
      calls.push(
        target
          .call()
          .then(({ ticketId, sentAt, answeredAt }) => {
            sent.set(ticketId, { sentAt, answeredAt, room });
            triggerMs.push(answeredAt - sentAt);
          })
          .catch((e: unknown) => {
            const what = e instanceof Error ? e.message.slice(0, 80) : String(e);
            unexpected[what] = (unexpected[what] ?? 0) + 1;
          })
          .finally(() => busy.delete(room)),
      );
    }
    await Promise.all(calls);
    return { sent, triggerMs, skipped };
  }

  await callSteadily(input.warmupSeconds);
  receipts.clear();
  const run = await callSteadily(input.seconds);
  // Late receipts still count, up to a grace time well beyond the one-second promise to displays.
  await new Promise((r) => setTimeout(r, 3_000));

  const latencies: number[] = [];
  const afterAnswer: number[] = [];
  let missed = 0;
  for (const [ticketId, { sentAt, answeredAt, room }] of run.sent) {
    const got = receipts.get(ticketId) ?? [];
    for (const at of got) {
      latencies.push(at - sentAt);
      afterAnswer.push(at - answeredAt);
    }
    missed += Math.max(0, (socketsPerRoom[room] ?? 0) - got.length);
  }
  closeSockets(opened.sockets);
  close();
  channel.send({
    sockets: opened.sockets.length,
    socketsFailed: opened.failed,
    rooms: rooms.length,
    connectSeconds: opened.seconds,
    calls: run.sent.size,
    skipped: run.skipped,
    receipts: latencies.length,
    missed,
    latencyMs: summarise(latencies),
    triggerMs: summarise(run.triggerMs),
    afterAnswerMs: summarise(afterAnswer),
    unexpected: { ...unexpected, ...opened.errors },
  });
});
