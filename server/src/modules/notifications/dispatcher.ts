import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import { GatewayError, type NotificationGateway, type SendReceipt } from "./gateway.js";
import { notificationsRepository as repo, type ClaimedNotification } from "./notifications.repository.js";

export const MAX_ATTEMPTS = 8;

/** 1, 2, 4 … minutes after each failure, capped at an hour. */
export const retryDelayMs = (attempts: number): number => Math.min(60, 2 ** attempts) * 60_000;

/** A gateway that names no timeout of its own is given this long per message. */
export const DEFAULT_SEND_TIMEOUT_MS = 30_000;
/** Slack on every lease for the statements around a send and a paused event loop. */
const LEASE_MARGIN_MS = 15_000;

export interface DispatcherDeps {
  db: Db;
  clock: Clock;
  gateway: NotificationGateway;
  /** The longest one send may take; leases are sized from it. */
  sendTimeoutMs?: number;
  /** Messages sent at once by one dispatcher. */
  concurrency?: number;
  log?: { warn(obj: object, msg: string): void };
}

/**
 * Sends due outbox messages without holding a transaction or a connection while a provider
 * answers: a slow gateway must never stall the database (the embedded one has a single
 * connection, so a transaction held across an HTTP call would stop the whole server).
 *
 * 1. Claim: one UPDATE marks a batch `sending` under this run's lease token (SKIP LOCKED, so two
 *    processes never claim the same row).
 * 2. For each message: renew the lease for the longest the send may take (skip it if the lease
 *    was lost), send with no connection held, record the outcome in one statement guarded by the
 *    lease token. A dead process's claims come back when their lease runs out.
 */
export function createDispatcher(deps: DispatcherDeps) {
  const sendTimeoutMs = deps.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  const concurrency = Math.max(1, deps.concurrency ?? 4);
  const perMessageLeaseMs = sendTimeoutMs + LEASE_MARGIN_MS;
  let running: Promise<{ sent: number; failed: number }> | null = null;

  async function sendOne(
    message: ClaimedNotification,
    leaseToken: string,
  ): Promise<"sent" | "failed" | "lost"> {
    const { db, clock } = deps;
    if (!message.recipient || !message.body) {
      await repo.markFailed(db, message.id, leaseToken, "no recipient or text (purged)", null);
      return "failed";
    }
    if (!(await repo.renewLease(db, message.id, leaseToken, perMessageLeaseMs))) return "lost";
    try {
      const receipt = await withDeadline(
        deps.gateway.send({
          id: message.id,
          kind: message.kind,
          channel: message.channel,
          recipient: message.recipient,
          body: message.body,
        }),
        sendTimeoutMs + 1000,
      );
      await repo.markSent(db, message.id, leaseToken, clock.now(), receipt?.providerMessageId ?? null);
      return "sent";
    } catch (err) {
      const permanent = err instanceof GatewayError && err.permanent;
      const giveUp = permanent || message.attempts >= MAX_ATTEMPTS;
      const next = giveUp ? null : new Date(clock.now().getTime() + retryDelayMs(message.attempts));
      // A GatewayError's message is written to be safe; anything else may hold what it was given.
      const reason =
        err instanceof GatewayError ? err.message : `${(err as Error)?.name ?? "Error"} from the gateway`;
      await repo.markFailed(db, message.id, leaseToken, reason, next);
      deps.log?.warn(
        { notification: message.id, kind: message.kind, attempts: message.attempts, permanent, reason },
        giveUp ? "notification failed for good" : "notification failed, will retry",
      );
      return "failed";
    }
  }

  async function dispatchBatch(limit: number): Promise<{ sent: number; failed: number }> {
    const leaseToken = randomUUID();
    // The whole batch must stay ours until its last message is reached at this concurrency.
    const rounds = Math.ceil(limit / concurrency);
    const claimed = await repo.claimDue(deps.db, {
      now: deps.clock.now(),
      limit,
      leaseToken,
      leaseMs: rounds * perMessageLeaseMs + LEASE_MARGIN_MS,
    });
    let sent = 0;
    let failed = 0;
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const message = claimed[next++]!;
        const outcome = await sendOne(message, leaseToken);
        if (outcome === "sent") sent += 1;
        if (outcome === "failed") failed += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
    return { sent, failed };
  }

  return {
    /** One run over due messages; a call while this process's previous run goes on joins it. */
    dispatch(limit = 20): Promise<{ sent: number; failed: number }> {
      running ??= dispatchBatch(limit).finally(() => {
        running = null;
      });
      return running;
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;

/** Bounds a gateway that ignores its own timeout, so one hung send cannot hold the dispatcher. */
async function withDeadline(send: Promise<SendReceipt | void>, ms: number): Promise<SendReceipt | void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GatewayError(`no answer within ${ms} ms`, false)), ms);
  });
  try {
    return await Promise.race([send, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
