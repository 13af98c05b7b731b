import type { Alert } from "../api/monitoring.js";
import { alertSubject, type AlertCondition } from "./alert-rules.js";

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
  // Earlier alerts by kind, then by what they are about. Not by `key`: a key is a string built
  // afresh each evaluation, and hashing hundreds of new strings was most of this function's cost,
  // whereas the ids it is made of come from the snapshot and are hashed once. What is left in
  // `before` at the end has ended. Conditions are unique per key, as evaluateAlerts gives them.
  const before = new Map<AlertCondition["kind"], Map<string | undefined, Alert>>();
  for (const alert of previous) {
    let ofKind = before.get(alert.kind);
    if (!ofKind) before.set(alert.kind, (ofKind = new Map()));
    ofKind.set(alertSubject(alert), alert);
  }
  const active: Alert[] = [];
  const raised: Alert[] = [];
  const escalated: Alert[] = [];
  for (const condition of conditions) {
    const ofKind = before.get(condition.kind);
    const subject = alertSubject(condition);
    const earlier = ofKind?.get(subject);
    if (earlier) ofKind?.delete(subject);
    // One literal of one shape for every kind (absent ids as undefined, which JSON leaves out):
    // spreading conditions of five shapes made this the costliest line of an evaluation.
    // The cast: TypeScript cannot pair each kind with its details through the union by itself.
    const alert = {
      centreId: context.centreId,
      id: earlier?.id ?? context.newId(),
      // The earlier string, whose hash is already cached, for activeKeys to set cheaply.
      key: earlier?.key ?? condition.key,
      kind: condition.kind,
      serviceId: condition.serviceId,
      counterId: condition.counterId,
      raisedAt: earlier?.raisedAt ?? context.now,
      clearedAt: null,
      severity: condition.severity,
      details: condition.details,
      suggestion: condition.suggestion,
    } as Alert;
    active.push(alert);
    if (!earlier) raised.push(alert);
    else if (earlier.severity === "warning" && alert.severity === "critical") escalated.push(alert);
  }
  const cleared: Alert[] = [];
  for (const ofKind of before.values()) {
    for (const alert of ofKind.values()) cleared.push({ ...alert, clearedAt: context.now });
  }
  return { active, raised, cleared, escalated };
}

/** The keys of the active alerts, as `evaluateAlerts` takes them for its clearing thresholds. */
export const activeKeys = (alerts: readonly Alert[]): Set<string> => new Set(alerts.map((a) => a.key));
