import type { QueueChanged, Service } from "@dost/shared";
import { useCallback, useEffect, useEffectEvent, useState } from "react";
import { ApiError, fetchServices } from "../api/client.js";
import { useLive } from "../api/live.js";

export type ServicesState =
  { status: "loading" } | { status: "ready"; services: Service[] } | { status: "unreachable" };

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
    return { status: "ready", services: await fetchServices(centreId) };
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

  const retry = useCallback(() => {
    setState({ status: "loading" });
    reload();
  }, [reload]);

  return { state, offline, retry };
}
