import type { Counter, Service, Ticket } from "@dost/shared";
import { useMemo, useRef, useState } from "react";
import { writeLastChoice } from "../open-counter/last-profile.js";
import { useShortcuts } from "../ui/useShortcuts.js";
import { BreakDialog } from "./BreakDialog.js";
import { CallOutOfOrderDialog } from "./CallOutOfOrderDialog.js";
import { CounterBar } from "./CounterBar.js";
import { FailureAlert } from "./FailureAlert.js";
import { NextInLine } from "./NextInLine.js";
import { NotePanel } from "./NotePanel.js";
import { ProfileDialog } from "./ProfileDialog.js";
import { QueueSummary } from "./QueueSummary.js";
import { SHORTCUTS } from "./shortcuts.js";
import { TransferDialog } from "./TransferDialog.js";
import type { CentreData } from "./useCentreData.js";
import { useDeskCommands } from "./useDeskCommands.js";
import { canCallNext, isActionEnabled, VISITOR_ACTIONS, type VisitorAction } from "./visitor-actions.js";
import { VisitorPanel } from "./VisitorPanel.js";
import { WaitingList } from "./WaitingList.js";

type OpenDialog =
  | { kind: "transfer"; ticket: Ticket }
  | { kind: "outOfOrder"; ticket: Ticket }
  | { kind: "break" }
  | { kind: "profile" }
  | null;

/** The working screen of an open counter: the visitor, the queue, and every action by one key. */
export function CounterDesk({
  userId,
  counter,
  services,
  waiting,
  timeZone,
  refresh,
  applyTicket,
  patchCounter,
}: {
  userId: string;
  counter: Counter;
  services: Service[];
  waiting: Ticket[];
  timeZone: string;
  refresh: CentreData["refresh"];
  applyTicket: CentreData["applyTicket"];
  patchCounter: CentreData["patchCounter"];
}) {
  const desk = useDeskCommands(counter, refresh, applyTicket, patchCounter);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const noteInput = useRef<HTMLTextAreaElement>(null);
  const ticket = counter.currentTicket;
  const { lock } = desk;

  const servicesById = useMemo(() => new Map(services.map((s) => [s.id, s])), [services]);
  const profile = useMemo(
    () => services.filter((s) => counter.serviceIds.includes(s.id)),
    [services, counter.serviceIds],
  );
  const profileWaiting = useMemo(
    () => waiting.filter((w) => counter.serviceIds.includes(w.serviceId)),
    [waiting, counter.serviceIds],
  );
  const mayCallOutOfOrder = counter.status === "open" && ticket === null && !lock.busy && !lock.pending;

  function onAction(action: VisitorAction) {
    if (!ticket || !isActionEnabled(action, ticket, lock)) return;
    if (action === "transfer") setDialog({ kind: "transfer", ticket });
    else void desk.act(ticket, action);
  }

  function pauseOrResume() {
    if (lock.busy) return;
    if (counter.status === "break") void desk.resume();
    else if (counter.status === "open" && ticket === null) setDialog({ kind: "break" });
  }

  useShortcuts([
    {
      shortcut: SHORTCUTS.callNext,
      run: () => canCallNext(counter.status, ticket, lock) && void desk.callNext(),
    },
    ...VISITOR_ACTIONS.map((action) => ({ shortcut: SHORTCUTS[action], run: () => onAction(action) })),
    { shortcut: SHORTCUTS.undo, run: () => desk.undo() },
    { shortcut: SHORTCUTS.pause, run: pauseOrResume },
    { shortcut: SHORTCUTS.note, run: () => noteInput.current?.focus() },
  ]);

  const close = () => setDialog(null);
  return (
    <div className="desk">
      <CounterBar
        counter={counter}
        profile={profile}
        timeZone={timeZone}
        busy={lock.busy}
        onPauseOrResume={pauseOrResume}
        onEditProfile={() => setDialog({ kind: "profile" })}
        onClose={() => void desk.close()}
      />
      <FailureAlert failure={desk.failure} onDismiss={desk.dismiss} />
      <p className="notice" role="status" aria-live="polite">
        {desk.notice}
      </p>
      <div className="desk-grid">
        <div className="stack">
          <VisitorPanel
            ticket={ticket}
            service={ticket ? servicesById.get(ticket.serviceId) : undefined}
            counterStatus={counter.status}
            lock={lock}
            onCallNext={() => void desk.callNext()}
            onAction={onAction}
            onUndo={desk.undo}
            onSendNow={() => void desk.sendNow()}
          />
          {/* Keyed by visit: a half-written note must never land on the next visitor. */}
          <NotePanel
            key={(ticket ?? desk.lastTicket)?.id ?? "none"}
            ticket={ticket ?? desk.lastTicket}
            onSave={desk.saveNote}
            inputRef={noteInput}
          />
        </div>
        <div className="stack">
          <QueueSummary services={profile} waiting={profileWaiting} />
          <NextInLine counterId={counter.id} timeZone={timeZone} version={profileWaiting} />
          <WaitingList
            waiting={profileWaiting}
            servicesById={servicesById}
            canCall={mayCallOutOfOrder}
            onCall={(chosen) => setDialog({ kind: "outOfOrder", ticket: chosen })}
          />
        </div>
      </div>
      {dialog?.kind === "transfer" && (
        <TransferDialog
          ticket={dialog.ticket}
          services={services}
          onClose={close}
          onTransfer={(serviceId, note) => {
            close();
            void desk.transfer(dialog.ticket, serviceId, note);
          }}
        />
      )}
      {dialog?.kind === "outOfOrder" && (
        <CallOutOfOrderDialog
          ticket={dialog.ticket}
          service={servicesById.get(dialog.ticket.serviceId)}
          onClose={close}
          onCall={(reason) => {
            close();
            void desk.callTicket(dialog.ticket, reason);
          }}
        />
      )}
      {dialog?.kind === "break" && (
        <BreakDialog
          onClose={close}
          onPause={(reason) => {
            close();
            void desk.pause(reason);
          }}
        />
      )}
      {dialog?.kind === "profile" && (
        <ProfileDialog
          services={services}
          current={counter.serviceIds}
          onClose={close}
          onSave={(serviceIds) => {
            close();
            writeLastChoice(userId, { counterId: counter.id, serviceIds });
            void desk.changeProfile(serviceIds);
          }}
        />
      )}
    </div>
  );
}
