import type { Service, Ticket } from "@dost/shared";
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n/i18n.js";
import { Dialog } from "../ui/Dialog.js";

/** Calling someone ahead of their turn is sometimes right, never silent: the reason is logged. */
export function CallOutOfOrderDialog({
  ticket,
  service,
  onCall,
  onClose,
}: {
  ticket: Ticket;
  service: Service | undefined;
  onCall(reason: string): void;
  onClose(): void;
}) {
  const { t, local } = useI18n();
  const [reason, setReason] = useState("");
  const suggestions = [
    t.outOfOrder.reasonAppointment,
    t.outOfOrder.reasonReturning,
    t.outOfOrder.reasonUrgent,
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim()) onCall(reason.trim());
  }

  return (
    <Dialog title={t.outOfOrder.title({ code: ticket.code })} onClose={onClose}>
      <form onSubmit={submit} className="stack">
        <p className="muted">
          {service ? local(service.name) : ""} · {t.priority[ticket.priority]}
        </p>
        <label className="field-label" htmlFor="out-of-order-reason">
          {t.outOfOrder.reason}
        </label>
        <input
          id="out-of-order-reason"
          required
          maxLength={500}
          list="out-of-order-reasons"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoComplete="off"
        />
        <datalist id="out-of-order-reasons">
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <div className="row end">
          <button type="button" className="button subtle" onClick={onClose}>
            {t.dialog.cancel}
          </button>
          <button type="submit" className="button primary" disabled={!reason.trim()}>
            {t.outOfOrder.submit({ code: ticket.code })}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
