import type { Issuing, QueueChanged, Service } from "@dost/shared";
import { useCallback, useEffect, useEffectEvent, useState } from "react";
import { ApiError } from "@dost/shared/client";
import { fetchCatalogue } from "../api/client.js";
import { useLive } from "../api/live.js";

export type ServicesState =
  | { status: "loading" }
  /** issuing null: a server that does not say, so the kiosk offers its services. */
  | { status: "ready"; services: Service[]; issuing: Issuing | null }
  | { status: "unreachable" };

/** Longest wait between looks at the hours: the kiosk's clock may differ from the server's. */
export const ISSUING_RECHECK_MAX_MS = 10 * 60_000;
/** When the next change of hours is already past by the kiosk's clock (its clock is ahead). */
export const ISSUING_RECHECK_SKEWED_MS = 60_000;

/**
 * How long until the kiosk should look at the hours again: just after issuing opens (or stops), but
 * at most ISSUING_RECHECK_MAX_MS, so a kiosk whose clock runs behind still switches in time.
 */
export function issuingRecheckDelay(issuing: Issuing | null, now: number): number | null {
  if (!issuing) return null;
  const next = issuing.open ? issuing.lastTicketAt : issuing.opensAt;
  if (!next) return issuing.open ? null : ISSUING_RECHECK_MAX_MS;
  const until = Date.parse(next) - now;
  if (until <= 0) return ISSUING_RECHECK_SKEWED_MS;
  // A second past the moment, so the server's clock has surely reached it too.
  return Math.min(until + 1000, ISSUING_RECHECK_MAX_MS);
}

/** Applies a queue:changed to the services it names; other services keep their figures. */
export function applyQueueChange(services: Service[], change: QueueChanged): Service[] {
  const byId = new Map(change.services.map((s) => [s.serviceId, s]));
  return services.map((service) => {
    const live = byId.get(service.id);
    return live
      ? { ...service, waiting: live.waiting, estimatedWaitMinutes: live.estimatedWaitMinutes }
      : service;
  });
}

async function readServices(centreId: string): Promise<ServicesState | "refused"> {
  try {
    return { status: "ready", ...(await fetchCatalogue(centreId)) };
  } catch (error) {
    return error instanceof ApiError && error.failure === "unauthenticated"
      ? "refused"
      : { status: "unreachable" };
  }
}

/**
 * The centre's services with their queue figures, loaded and then kept live by the kiosk's socket.
 * Each (re)connection reloads them, since events may have been missed meanwhile; a failed reload
 * keeps the figures already shown, and the start screen says they may be out of date.
 */
export function useServices(centreId: string, deviceKey: string, onRefused: () => void) {
  const [state, setState] = useState<ServicesState>({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  const refused = useEffectEvent(onRefused);

  useEffect(() => {
    let current = true;
    void readServices(centreId).then((next) => {
      if (!current) return;
      if (next === "refused") refused();
      else setState((prev) => (next.status === "unreachable" && prev.status === "ready" ? prev : next));
    });
    return () => {
      current = false;
    };
  }, [centreId, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  const { offline } = useLive(
    { deviceKey },
    {
      onConnect: reload,
      onRefused,
      onQueueChanged: (change) => {
        if (change.centreId !== centreId) return;
        setState((s) =>
          s.status === "ready" ? { ...s, services: applyQueueChange(s.services, change) } : s,
        );
      },
    },
  );

  // Back to the service list when issuing opens (and to the closed screen when it stops), by itself.
  const issuing = state.status === "ready" ? state.issuing : null;
  useEffect(() => {
    const delay = issuingRecheckDelay(issuing, Date.now());
    if (delay === null) return;
    const timer = setTimeout(reload, delay);
    return () => clearTimeout(timer);
    // generation too: a look that failed (state unchanged) is followed by another.
  }, [issuing, generation, reload]);

  /** A refusal said the centre is closed: show so now, without waiting for the next look. */
  const issuingClosed = useCallback((opensAt: string | null) => {
    setState((s) =>
      s.status === "ready" ? { ...s, issuing: { open: false, lastTicketAt: null, opensAt } } : s,
    );
  }, []);

  const retry = useCallback(() => {
    setState({ status: "loading" });
    reload();
  }, [reload]);

  return { state, offline, retry, issuingClosed };
}
