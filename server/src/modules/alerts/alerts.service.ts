import { randomUUID } from "node:crypto";
import {
  activeKeys,
  alertThresholdsSchema,
  diffAlerts,
  evaluateAlerts,
  RULE_ALERT_KINDS,
  type PrinterProblem,
  type Alert,
  type AlertThresholds,
  type AlertThresholdsInput,
} from "@dost/shared";
import { violatedUnique } from "../../db/errors.js";
import type { Db } from "../../db/client.js";
import type { CentreEvent, Publisher } from "../../core/realtime.js";
import type { Clock } from "../../lib/clock.js";
import { notFound } from "../../lib/errors.js";
import { auditLog, type AuditActor } from "../audit/index.js";
import type { CatalogService, CentreDirectory, CentreRecord } from "../catalog/index.js";
import type { CounterService } from "../counters/index.js";
import type { QueueService } from "../queue/index.js";
import { centreSnapshot } from "./alert-snapshot.js";
import { alertsRepository as repo } from "./alerts.repository.js";
import { createForecastCache } from "./demand.js";

export interface AlertsServiceDeps {
  db: Db;
  clock: Clock;
  publisher: Publisher;
  centres: Pick<CentreDirectory, "find" | "all">;
  catalog: Pick<CatalogService, "servicesOfCentre">;
  counters: Pick<CounterService, "withState">;
  queue: Pick<QueueService, "state" | "onQueueChanged">;
}

/** The queue state a refresh handed over, and when (monotonic ms). */
type QueueNow = Awaited<ReturnType<QueueService["state"]>>;

/**
 * A centre's rules run at most this often (real time): alerts are about minutes, and a busy
 * centre's queue changes several times a second. Without it an evaluation (six reads and the rules)
 * followed every coalesced change back to back and cost more than the issuing it watched.
 */
export const ALERTS_MIN_GAP_MS = 1_000;
/** A refresh's queue state stands in for a fresh read while it is this young. */
const QUEUE_STATE_FRESH_MS = 500;

export interface EvaluationResult {
  raised: Alert[];
  cleared: Alert[];
  escalated: Alert[];
}

/**
 * Alerts, computed on the server: a centre's rules run after each coalesced queue change (the
 * announcer's hook, after the commit) and on the housekeeping tick, for what time alone brings on
 * (a visit running long, a counter idle). Each centre's evaluations run one after another, so an
 * alert is raised once; the open ones are rows (cleared_at NULL) and a unique index backs that up
 * across processes.
 */
export function createAlertsService(deps: AlertsServiceDeps) {
  const { db, clock, publisher, centres } = deps;
  const forecast = createForecastCache();
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const lastStarted = new Map<string, number>();
  const latestQueue = new Map<string, { queue: QueueNow; at: number }>();
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
  let closed = false;

  async function thresholdsOf(centreId: string): Promise<AlertThresholds> {
    return alertThresholdsSchema.parse((await repo.thresholds(db, centreId)) ?? {});
  }

  /** The queue state the announcer just computed, if young enough to stand for now. */
  function recentQueue(centreId: string): QueueNow | undefined {
    const latest = latestQueue.get(centreId);
    latestQueue.delete(centreId);
    return latest && performance.now() - latest.at < QUEUE_STATE_FRESH_MS ? latest.queue : undefined;
  }

  async function evaluateNow(centre: CentreRecord): Promise<EvaluationResult> {
    const now = clock.now();
    const [open, thresholds, snapshot] = await Promise.all([
      repo.open(db, centre.id),
      thresholdsOf(centre.id),
      centreSnapshot({ ...deps, forecast }, centre, now, recentQueue(centre.id)),
    ]);
    // Only the rules' own alerts: a printer's is not theirs to clear.
    const previous = open.filter(isRuleAlert);
    const conditions = evaluateAlerts(snapshot, thresholds, activeKeys(previous));
    const changes = diffAlerts(previous, conditions, {
      centreId: centre.id,
      now: now.toISOString(),
      newId: randomUUID,
    });
    const { raised, cleared, escalated } = changes;
    if (raised.length + cleared.length + escalated.length === 0) return { raised, cleared, escalated };
    await db.transaction(async (tx) => {
      await repo.clear(
        tx,
        cleared.map((a) => a.id),
        now,
      );
      await repo.insert(tx, raised);
      for (const alert of escalated) await repo.update(tx, alert);
    });
    const events: CentreEvent[] = [
      ...[...raised, ...escalated].map((payload) => ({ name: "alert:raised" as const, payload })),
      ...cleared.map((a) => ({
        name: "alert:cleared" as const,
        payload: {
          centreId: a.centreId,
          id: a.id,
          key: a.key,
          kind: a.kind,
          clearedAt: a.clearedAt ?? now.toISOString(),
        },
      })),
    ];
    publisher.publish(events);
    return { raised, cleared, escalated };
  }

  const printerKey = (deviceId: string) => `printer_problem:${deviceId}`;

  /** Runs the centre's rules, after any evaluation already running for it; one more if asked meanwhile. */
  function evaluate(centreId: string): Promise<void> {
    const current = running.get(centreId);
    if (current) {
      again.add(centreId);
      return current;
    }
    const run = (async () => {
      do {
        const wait = ALERTS_MIN_GAP_MS - (performance.now() - (lastStarted.get(centreId) ?? -Infinity));
        if (wait > 0) await sleep(wait);
        again.delete(centreId);
        if (closed) return;
        lastStarted.set(centreId, performance.now());
        const centre = await centres.find(db, centreId);
        if (centre) await evaluateNow(centre);
      } while (again.has(centreId));
    })().finally(() => running.delete(centreId));
    running.set(centreId, run);
    return run;
  }

  return {
    /** Subscribes to the queue's changes; call once when the app is built. */
    start(onError: (err: unknown) => void): void {
      deps.queue.onQueueChanged((centreId, queue) => {
        latestQueue.set(centreId, { queue, at: performance.now() });
        evaluate(centreId).catch(onError);
      });
    },

    evaluate,

    /** Every active centre's rules, for what the passing of time raises or clears. */
    async tick(): Promise<void> {
      const all = await centres.all(db);
      for (const centre of all) if (centre.active) await evaluate(centre.id);
    },

    /** Waits for every evaluation in flight (tests, and closing). */
    async settled(): Promise<void> {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },

    async list(centreRef: string, since: Date | null): Promise<Alert[]> {
      const centre = await centres.find(db, centreRef);
      if (!centre) throw notFound("Centre");
      return repo.list(db, centre.id, since);
    },

    async thresholds(centreRef: string): Promise<AlertThresholds> {
      const centre = await centres.find(db, centreRef);
      if (!centre) throw notFound("Centre");
      return thresholdsOf(centre.id);
    },

    /** Replaces a centre's thresholds (one transaction with its audit row), then re-evaluates it. */
    async setThresholds(
      centreRef: string,
      input: AlertThresholdsInput,
      actor: AuditActor,
    ): Promise<AlertThresholds> {
      const centre = await centres.find(db, centreRef);
      if (!centre) throw notFound("Centre");
      const after = alertThresholdsSchema.parse(input);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const before = alertThresholdsSchema.parse((await repo.thresholds(tx, centre.id)) ?? {});
        await repo.saveThresholds(tx, centre.id, after, now);
        await auditLog.record(tx, actor, {
          kind: "alert_thresholds.updated",
          at: now,
          centreId: centre.id,
          target: { type: "centre", id: centre.id },
          before,
          after,
        });
      });
      await evaluate(centre.id);
      return after;
    },

    /**
     * A kiosk's printer cannot print: raised once (its problem brought up to date if it changes),
     * told to the centre's managers like every alert.
     */
    async printerProblem(
      centreId: string,
      details: { deviceId: string; deviceName: string; problem: PrinterProblem },
    ): Promise<void> {
      const key = printerKey(details.deviceId);
      const now = clock.now().toISOString();
      const earlier = (await repo.open(db, centreId)).find((a) => a.key === key);
      if (earlier?.kind === "printer_problem" && earlier.details.problem === details.problem) return;
      const alert: Alert = {
        centreId,
        id: earlier?.id ?? randomUUID(),
        key,
        kind: "printer_problem",
        raisedAt: earlier?.raisedAt ?? now,
        clearedAt: null,
        severity: "critical",
        details,
        suggestion: null,
      };
      try {
        await (earlier ? repo.update(db, alert) : repo.insert(db, [alert]));
      } catch (e) {
        // Another process raised it a moment ago: it is raised.
        if (violatedUnique(e) !== null) return;
        throw e;
      }
      publisher.publish([{ name: "alert:raised", payload: alert }]);
    },

    /** The kiosk's printer printed again: its alert, if one is open, clears. */
    async printerWorks(centreId: string, deviceId: string): Promise<void> {
      const key = printerKey(deviceId);
      const open = (await repo.open(db, centreId)).find((a) => a.key === key);
      if (!open) return;
      const now = clock.now();
      await repo.clear(db, [open.id], now);
      publisher.publish([
        {
          name: "alert:cleared",
          payload: { centreId, id: open.id, key, kind: open.kind, clearedAt: now.toISOString() },
        },
      ]);
    },

    close(): void {
      closed = true;
    },
  };
}

const RULE_KINDS: ReadonlySet<string> = new Set(RULE_ALERT_KINDS);
const isRuleAlert = (alert: Alert): boolean => RULE_KINDS.has(alert.kind);

export type AlertsService = ReturnType<typeof createAlertsService>;
