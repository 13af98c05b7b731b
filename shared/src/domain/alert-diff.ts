import type { Alert } from "../api/monitoring.js";
import type { AlertCondition } from "./alert-rules.js";

/**
 * From the alerts active before an evaluation and the conditions that hold after it: which alerts
 * start (raised once, with a fresh id), which end (cleared once), and which turn critical. An alert
 * that goes on keeps its id and raisedAt, with its details and suggestion brought up to date; the
 * key (kind + service or counter) is what makes it "the same" alert.
 */
export interface AlertChanges {
  /** Every alert active now: what to keep for the next evaluation and to show. */
  active: Alert[];
  raised: Alert[];
  cleared: Alert[];
  /** Went on, but from warning to critical: worth telling the managers again. */
  escalated: Alert[];
}

export interface AlertContext {
  centreId: string;
  /** The time of the evaluation, ISO 8601 with offset. */
  now: string;
  /** A new UUID for each alert raised (crypto.randomUUID on the server; a counter in tests). */
  newId: () => string;
}

export function diffAlerts(
  previous: readonly Alert[],
  conditions: readonly AlertCondition[],
  context: AlertContext,
): AlertChanges {
  const before = new Map(previous.map((alert) => [alert.key, alert]));
  const active: Alert[] = [];
  const raised: Alert[] = [];
  const escalated: Alert[] = [];
  const seen = new Set<string>();
  for (const condition of conditions) {
    if (seen.has(condition.key)) continue;
    seen.add(condition.key);
    const earlier = before.get(condition.key);
    const alert = {
      ...condition,
      centreId: context.centreId,
      id: earlier?.id ?? context.newId(),
      raisedAt: earlier?.raisedAt ?? context.now,
      clearedAt: null,
    } as Alert;
    active.push(alert);
    if (!earlier) raised.push(alert);
    else if (earlier.severity === "warning" && alert.severity === "critical") escalated.push(alert);
  }
  const cleared = previous
    .filter((alert) => !seen.has(alert.key))
    .map((alert) => ({ ...alert, clearedAt: context.now }));
  return { active, raised, cleared, escalated };
}

/** The keys of the active alerts, as `evaluateAlerts` takes them for its clearing thresholds. */
export const activeKeys = (alerts: readonly Alert[]): Set<string> => new Set(alerts.map((a) => a.key));
