import type { Service, Ticket } from "@dost/shared";
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n/i18n.js";
import { Dialog } from "../ui/Dialog.js";

/** Sends the visitor back to the queue of another service, keeping their code and place in time. */
export function TransferDialog({
  ticket,
  services,
  onTransfer,
  onClose,
}: {
  ticket: Ticket;
  services: Service[];
  onTransfer(serviceId: string, note: string): void;
  onClose(): void;
}) {
  const { t, local } = useI18n();
  const targets = services.filter((s) => s.id !== ticket.serviceId);
  const [serviceId, setServiceId] = useState("");
  const [note, setNote] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (serviceId) onTransfer(serviceId, note.trim());
  }

  return (
    <Dialog title={t.transfer.title({ code: ticket.code })} onClose={onClose}>
      <form onSubmit={submit} className="stack">
        <label className="field-label" htmlFor="transfer-service">
          {t.transfer.service}
        </label>
        <select
          id="transfer-service"
          required
          value={serviceId}
          onChange={(e) => setServiceId(e.target.value)}
          data-autofocus
        >
          <option value="">{t.transfer.choose}</option>
          {targets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.prefix} · {local(s.name)}
            </option>
          ))}
        </select>
        <label className="field-label" htmlFor="transfer-note">
          {t.transfer.note}
        </label>
        <input id="transfer-note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        <div className="row end">
          <button type="button" className="button subtle" onClick={onClose}>
            {t.dialog.cancel}
          </button>
          <button type="submit" className="button primary" disabled={!serviceId}>
            {t.transfer.submit}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
