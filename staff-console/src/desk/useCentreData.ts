import type { Counter, Service, Ticket } from "@dost/shared";
import { useCallback, useRef, useState } from "react";
import { ApiError, type FailureCode } from "@dost/shared/client";
import { useLiveRefresh } from "../realtime/useLiveRefresh.js";
import { useSession } from "../session/session.js";

export interface CentreSnapshot {
  services: Service[];
  counters: Counter[];
  /** Waiting tickets in the server's call order. */
  waiting: Ticket[];
}

/** Events come in bursts (a call emits four); a quarter second gathers one. */
const DEBOUNCE_MS = 250;
/** A safety net under the events: even a silently missed one is corrected within this time. */
const POLL_MS = 30_000;

/**
 * The centre as the server sees it, kept true by refetching on every live event (debounced) and
 * rebuilding from scratch on every (re)connect. Nothing is guessed locally except the server's own
 * answer to an action, applied at once and then confirmed by the next fetch.
 */
export function useCentreData(centreId: string, subscribe: boolean) {
  const { api } = useSession();
  const [snapshot, setSnapshot] = useState<CentreSnapshot | null>(null);
  const [failure, setFailure] = useState<FailureCode | null>(null);
  const catalogDue = useRef(true);
  /** Bumped by every answer applied locally; a fetch begun before one may be older than it. */
  const localEdits = useRef(0);
  const live = useLiveRefresh({
    centreId,
    subscribe,
    debounceMs: DEBOUNCE_MS,
    pollMs: POLL_MS,
    onResync: () => (catalogDue.current = true),
    load: async () => {
      const editsAtStart = localEdits.current;
      try {
        const services = catalogDue.current ? await api.services(centreId) : null;
        const [counters, waiting] = await Promise.all([api.counters(centreId), api.waiting(centreId)]);
        catalogDue.current = false;
        // Our own action's answer arrived meanwhile: this fetch may predate it, and showing it would
        // flash an old state (and drop a key pressed in that instant). Fetch again instead.
        if (localEdits.current !== editsAtStart) {
          live.request();
          return;
        }
        setSnapshot((previous) => ({ services: services ?? previous?.services ?? [], counters, waiting }));
        setFailure(null);
      } catch (error) {
        setFailure(error instanceof ApiError ? error.code : "NETWORK");
      }
    },
  });
  const { online, now: refresh } = live;

  /**
   * The server's answer to our own action, shown before the confirming fetch arrives (the caller
   * asks for that fetch).
   */
  const applyTicket = useCallback((counterId: string, ticket: Ticket) => {
    const atCounter = ticket.status === "called" || ticket.status === "serving";
    localEdits.current += 1;
    setSnapshot((previous) =>
      previous
        ? {
            ...previous,
            counters: previous.counters.map((c) =>
              c.id === counterId ? { ...c, currentTicket: atCounter ? ticket : null } : c,
            ),
            waiting: previous.waiting.filter((w) => w.id !== ticket.id),
          }
        : previous,
    );
  }, []);

  /** The same for a counter command the server accepted (204): break, resume, profile, close. */
  const patchCounter = useCallback((counterId: string, patch: Partial<Counter>) => {
    localEdits.current += 1;
    setSnapshot((previous) =>
      previous
        ? {
            ...previous,
            counters: previous.counters.map((c) => (c.id === counterId ? { ...c, ...patch } : c)),
          }
        : previous,
    );
  }, []);

  return { snapshot, failure, online, refresh, applyTicket, patchCounter };
}

export type CentreData = ReturnType<typeof useCentreData>;
