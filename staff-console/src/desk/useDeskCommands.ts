import type { Counter, Ticket } from "@dost/shared";
import { useCallback, useState } from "react";
import type { TicketCommand } from "../api/console-api.js";
import { serverNow } from "../api/server-clock.js";
import { useI18n, type LabelWith } from "../i18n/i18n.js";
import { useSession } from "../session/session.js";
import type { CentreData } from "./useCentreData.js";
import { useCommands } from "./useCommands.js";
import { UNDO_WINDOW_MS, usePendingAction } from "./usePendingAction.js";
import {
  isDeferred,
  type DeferredAction,
  type PendingAction,
  type VisitorAction,
} from "./visitor-actions.js";

const DONE_NOTICES: Record<TicketCommand, LabelWith<"code">> = {
  recall: (t) => t.notice.recalled,
  start: (t) => t.notice.started,
  complete: (t) => t.notice.completed,
  noShow: (t) => t.notice.noShow,
  cancel: (t) => t.notice.cancelled,
};

/**
 * Everything the employee can do at an open counter, as requests to the server. Each answer is
 * applied at once and confirmed by a refetch; a failure is shown and the screen refetched, so it
 * never pretends.
 */
export function useDeskCommands(
  counter: Counter,
  refresh: CentreData["refresh"],
  applyTicket: CentreData["applyTicket"],
  patchCounter: CentreData["patchCounter"],
) {
  const { api, rememberProfile } = useSession();
  const { t } = useI18n();
  const { busy, failure, run, dismiss } = useCommands(refresh);
  const [notice, setNotice] = useState("");
  /** The visitor last dealt with, so a note can still be written after the visit ended. */
  const [lastTicket, setLastTicket] = useState<Ticket | null>(null);

  const settle = useCallback(
    (ticket: Ticket, message: string) => {
      applyTicket(counter.id, ticket);
      setLastTicket(ticket);
      setNotice(message);
    },
    [applyTicket, counter.id],
  );

  const commitHeld = useCallback(
    async (held: PendingAction) => {
      const outcome = await run(() => api.act(held.ticket.id, held.action), { force: true });
      if (outcome.ok) settle(outcome.value, DONE_NOTICES[held.action](t)({ code: outcome.value.code }));
    },
    [api, run, settle, t],
  );
  const { pending, hold: holdAction, undo, flush } = usePendingAction(commitHeld);

  const hold = useCallback(
    (ticket: Ticket, action: DeferredAction) => {
      holdAction(ticket, action);
      setNotice(t.pending[action]({ code: ticket.code, seconds: UNDO_WINDOW_MS / 1000 }));
    },
    [holdAction, t],
  );

  const callNext = useCallback(async () => {
    await flush();
    const outcome = await run(() => api.callNext(counter.id));
    if (!outcome.ok) return;
    if (outcome.value) settle(outcome.value, t.notice.called({ code: outcome.value.code }));
    else setNotice(t.notice.nobodyWaiting);
  }, [api, counter.id, flush, run, settle, t]);

  /** Every visitor action except transfer, which needs its dialog first. */
  const act = useCallback(
    async (ticket: Ticket, action: Exclude<VisitorAction, "transfer">) => {
      if (isDeferred(action)) return hold(ticket, action);
      const outcome = await run(() => api.act(ticket.id, action));
      if (outcome.ok) settle(outcome.value, DONE_NOTICES[action](t)({ code: outcome.value.code }));
    },
    [api, hold, run, settle, t],
  );

  const transfer = useCallback(
    async (ticket: Ticket, serviceId: string, note: string) => {
      const outcome = await run(() => api.transfer(ticket.id, serviceId, note || undefined));
      if (outcome.ok) settle(outcome.value, t.notice.transferred({ code: outcome.value.code }));
      return outcome.ok;
    },
    [api, run, settle, t],
  );

  const callTicket = useCallback(
    async (ticket: Ticket, reason: string) => {
      const outcome = await run(() => api.callTicket(counter.id, ticket.id, reason));
      if (outcome.ok) settle(outcome.value, t.notice.called({ code: outcome.value.code }));
      return outcome.ok;
    },
    [api, counter.id, run, settle, t],
  );

  /** A counter command; on success the server's new state is known, so it shows at once. */
  const counterCommand = useCallback(
    async (task: () => Promise<void>, message: LabelWith<"label">, patch: Partial<Counter>) => {
      const outcome = await run(task);
      if (!outcome.ok) return false;
      patchCounter(counter.id, patch);
      setNotice(message(t)({ label: counter.label }));
      return true;
    },
    [counter.id, counter.label, patchCounter, run, t],
  );
  const since = () => new Date(serverNow()).toISOString();

  return {
    lock: { busy, pending },
    failure,
    dismiss,
    notice,
    lastTicket,
    callNext,
    act,
    transfer,
    callTicket,
    undo: () => {
      if (undo()) setNotice(t.notice.undone);
    },
    sendNow: flush,
    pause: (reason: string) =>
      counterCommand(
        () => api.pause(counter.id, reason),
        (t) => t.notice.paused,
        {
          status: "break",
          breakReason: reason,
          statusSince: since(),
        },
      ),
    resume: () =>
      counterCommand(
        () => api.resume(counter.id),
        (t) => t.notice.resumed,
        {
          status: "open",
          breakReason: null,
          statusSince: since(),
        },
      ),
    close: () =>
      counterCommand(
        () => api.closeCounter(counter.id),
        (t) => t.notice.closed,
        { status: "closed", user: null },
      ),
    changeProfile: async (serviceIds: string[]) => {
      const ok = await counterCommand(
        () => api.openCounter(counter.id, serviceIds),
        (t) => t.notice.profileChanged,
        {
          serviceIds,
        },
      );
      if (ok) rememberProfile(serviceIds);
      return ok;
    },
    saveNote: async (ticket: Ticket, note: string) => (await run(() => api.addNote(ticket.id, note))).ok,
  };
}
