import type { Centre, Service, Ticket } from "@dost/shared";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "@dost/shared/client";
import { fetchCentre, fetchPublicTicket, fetchServices } from "../api/client.js";
import { useLive } from "../api/live.js";

export type TicketStatusState =
  | { status: "loading" }
  | { status: "not-found" }
  | { status: "unreachable" }
  | { status: "ready"; ticket: Ticket; centre: Centre; service: Service | null };

/**
 * The server pushes `ticket:updated` when this ticket itself changes, and `ticket:place` when its
 * place moves while it is among the first ten of its service; further back, its place is re-read
 * now and then. Slow enough that a hall full of phones behind one address stays under the public
 * rate limit.
 */
export const WAITING_REFRESH_MS = 60_000;

async function readTicketStatus(publicId: string): Promise<TicketStatusState> {
  try {
    const ticket = await fetchPublicTicket(publicId);
    const [centre, services] = await Promise.all([
      fetchCentre(ticket.centreId),
      fetchServices(ticket.centreId),
    ]);
    const service = services.find((s) => s.id === ticket.serviceId) ?? null;
    return { status: "ready", ticket, centre, service };
  } catch (error) {
    const gone = error instanceof ApiError && error.failure === "rejected" && error.code === "NOT_FOUND";
    return { status: gone ? "not-found" : "unreachable" };
  }
}

/** A ticket's status page data: the ticket, kept live, with its centre and service for names. */
export function useTicketStatus(publicId: string) {
  const [state, setState] = useState<TicketStatusState>({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  // Counts the updates pushed live: a read that started before one may hold the older state (the
  // reload on connect races the first event), and must not overwrite it.
  const pushed = useRef(0);

  useEffect(() => {
    let current = true;
    const pushedBefore = pushed.current;
    void readTicketStatus(publicId).then((next) => {
      if (!current) return;
      if (pushed.current !== pushedBefore && next.status === "ready") return;
      // Once the page has shown the ticket, a failed refresh keeps it; the offline notice says enough.
      setState((prev) => (prev.status === "ready" && next.status === "unreachable" ? prev : next));
    });
    return () => {
      current = false;
    };
  }, [publicId, generation]);

  const waiting = state.status === "ready" && state.ticket.status === "waiting";
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(reload, WAITING_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [waiting, reload]);

  const { offline } = useLive(state.status === "ready" ? { publicId } : null, {
    onConnect: reload,
    onTicketUpdated: ({ ticket }) => {
      if (ticket.publicId !== publicId || state.status !== "ready") return;
      pushed.current += 1;
      // A transfer moves the ticket to another service, whose name is then read afresh.
      if (ticket.serviceId !== state.ticket.serviceId) reload();
      setState((s) => (s.status === "ready" ? { ...s, ticket } : s));
    },
  });

  const retry = useCallback(() => {
    setState({ status: "loading" });
    reload();
  }, [reload]);

  return { state, offline, retry };
}
