import type { Alert, AlertCleared } from "@dost/shared";
import { useCallback, useEffect, useState } from "react";
import { ApiError, type FailureCode } from "@dost/shared/client";
import { useCentreEvents } from "../../realtime/useCentreEvents.js";
import { useSession } from "../../session/session.js";

const MUTE_KEY = "dost.console.alertsMuted";

function storedMute(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === "1";
  } catch {
    return false;
  }
}

/** Puts an alert in the list: a raise of the same condition (an escalation) replaces it in place. */
export function upsertAlert(alerts: Alert[], alert: Alert): Alert[] {
  const at = alerts.findIndex((a) => a.id === alert.id || a.key === alert.key);
  if (at < 0) return [alert, ...alerts];
  return alerts.map((a, i) => (i === at ? alert : a));
}

export function removeAlert(alerts: Alert[], cleared: AlertCleared): Alert[] {
  return alerts.filter((a) => a.id !== cleared.id);
}

/**
 * The centre's open alerts: read from the server on every (re)connect, then kept by the socket's
 * `alert:raised` and `alert:cleared`. A live raise (a new alert, or one turning critical) plays
 * `sound` unless muted and becomes `latest`, for the screen reader; the alerts already open when
 * the screen loaded do neither.
 */
export function useAlerts(centreId: string, subscribe: boolean, sound: () => void) {
  const { api, token, expire } = useSession();
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [failure, setFailure] = useState<FailureCode | null>(null);
  const [muted, setMutedState] = useState(storedMute);
  const [latest, setLatest] = useState<Alert | null>(null);

  // Read again on every (re)connect: a raise or a clear may have been missed while away.
  const [reads, setReads] = useState(0);
  useEffect(() => {
    let current = true;
    api.alerts(centreId).then(
      (all) => {
        if (!current) return;
        // Newest first: what just started is what needs the manager now.
        const open = all.filter((a) => a.clearedAt === null);
        setAlerts(open.sort((a, b) => b.raisedAt.localeCompare(a.raisedAt)));
        setFailure(null);
      },
      (error: unknown) => current && setFailure(error instanceof ApiError ? error.code : "NETWORK"),
    );
    return () => {
      current = false;
    };
  }, [api, centreId, reads]);

  const { online } = useCentreEvents(centreId, token, subscribe, {
    onChange: () => undefined,
    onResync: () => setReads((n) => n + 1),
    onUnauthenticated: () => expire(token),
    onServerDisconnect: () =>
      api.me().then(
        () => true,
        (error: unknown) => !(error instanceof ApiError && error.status === 401),
      ),
    // Called as an effect event: `alerts` and `muted` are this render's.
    onAlertRaised: (alert) => {
      const known = alerts.find((a) => a.id === alert.id);
      setAlerts((current) => upsertAlert(current, alert));
      if (known?.severity === alert.severity) return;
      setLatest(alert);
      if (!muted) sound();
    },
    onAlertCleared: (cleared) => setAlerts((current) => removeAlert(current, cleared)),
  });

  const setMuted = useCallback((next: boolean) => {
    setMutedState(next);
    try {
      localStorage.setItem(MUTE_KEY, next ? "1" : "0");
    } catch {
      // Without storage the choice holds for this visit.
    }
  }, []);

  return { alerts, latest, failure, online, muted, setMuted };
}
