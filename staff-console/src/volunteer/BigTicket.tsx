import type { Service, Ticket } from "@dost/shared";
import { QRCodeSVG } from "qrcode.react";
import { useI18n } from "../i18n/i18n.js";

/** The visitor's status page, served by the kiosk app, which the QR code opens on a phone. */
export const statusUrlOf = (publicId: string, origin = window.location.origin): string =>
  `${origin.replace(/\/+$/, "")}/kiosk/t/${publicId}`;

/**
 * The ticket, large enough to show the visitor across the tablet, with its QR code; "print" sends
 * only this card to the printer (see the print rules in volunteer.css).
 */
export function BigTicket({
  ticket,
  service,
  onNext,
}: {
  ticket: Ticket;
  service: Service | null;
  onNext(): void;
}) {
  const { t, local } = useI18n();
  const url = statusUrlOf(ticket.publicId);
  return (
    <section className="volunteer-ticket" aria-labelledby="ticket-heading">
      <div className="volunteer-ticket-card">
        <h1 id="ticket-heading">{t.volunteer.ticketHeading}</h1>
        <p className="muted">{t.volunteer.ticketNumber}</p>
        <p className="volunteer-ticket-code" data-testid="ticket-code">
          {ticket.code}
        </p>
        {service && <p className="volunteer-ticket-service">{local(service.name)}</p>}
        {ticket.priority !== "none" && <p>{t.priority[ticket.priority]}</p>}
        {ticket.position !== null && <p>{t.volunteer.ahead({ count: ticket.position })}</p>}
        {ticket.estimatedWaitMinutes !== null && (
          <p>{t.volunteer.wait({ minutes: Math.round(ticket.estimatedWaitMinutes) })}</p>
        )}
        <figure className="volunteer-qr" data-status-url={url}>
          <QRCodeSVG value={url} size={220} marginSize={2} role="img" aria-label={t.volunteer.scan} />
          <figcaption>{t.volunteer.scan}</figcaption>
        </figure>
      </div>
      <div className="volunteer-ticket-actions">
        <button type="button" className="button large volunteer-action" onClick={() => window.print()}>
          {t.volunteer.print}
        </button>
        <button type="button" className="button primary large volunteer-action" onClick={onNext}>
          {t.volunteer.next}
        </button>
      </div>
    </section>
  );
}
