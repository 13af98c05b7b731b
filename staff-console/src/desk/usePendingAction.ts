import { useCallback, useEffect, useRef, useState } from "react";
import type { Ticket } from "@dost/shared";
import { serverNow } from "../api/server-clock.js";
import { useSession } from "../session/session.js";
import type { DeferredAction, PendingAction } from "./visitor-actions.js";

export const UNDO_WINDOW_MS = 5000;

/**
 * Holds an action that ends a visit for a few seconds so a slip of the finger can be undone; the
 * screen says plainly that it has not been sent yet.
 */
export function usePendingAction(
  commit: (pending: PendingAction) => Promise<void>,
  windowMs = UNDO_WINDOW_MS,
) {
  const { beforeSignOut } = useSession();
  const [pending, setPending] = useState<PendingAction | null>(null);
  const current = useRef<PendingAction | null>(null);
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });

  /** Sends the held action now; resolves when the server has answered. */
  const flush = useCallback(async () => {
    const held = current.current;
    if (!held) return;
    current.current = null;
    setPending(null);
    await commitRef.current(held);
  }, []);

  const hold = useCallback(
    (ticket: Ticket, action: DeferredAction) => {
      if (current.current) return;
      const next = { ticket, action, deadline: serverNow() + windowMs };
      current.current = next;
      setPending(next);
    },
    [windowMs],
  );

  /** Drops the held action; says whether there was one. */
  const undo = useCallback((): boolean => {
    const had = current.current !== null;
    current.current = null;
    setPending(null);
    return had;
  }, []);

  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => void flush(), Math.max(0, pending.deadline - serverNow()));
    return () => clearTimeout(timer);
  }, [pending, flush]);

  // Signing out or leaving the desk sends what was decided rather than dropping it silently.
  useEffect(() => beforeSignOut(flush), [beforeSignOut, flush]);
  useEffect(() => () => void flush(), [flush]);

  return { pending, hold, undo, flush };
}
