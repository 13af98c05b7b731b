import type { Centre, Service, Ticket } from "@dost/shared";
import { QRCodeSVG } from "qrcode.react";
import { useEffect, useEffectEvent, useState } from "react";
import { useAudioMode } from "../audio/AudioMode.js";
import { useI18n } from "../i18n/i18n.js";
import { statusUrl } from "../route.js";
import { DocumentList } from "../ui/DocumentList.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";
import { TicketDetails } from "./TicketDetails.js";

/** How long the ticket stays on screen after printing before the kiosk greets the next visitor. */
export const TICKET_SCREEN_SECONDS = 12;
/** In audio mode the ticket is read out first, and the visitor may ask to hear it again. */
export const AUDIO_TICKET_SCREEN_SECONDS = 40;

/** Long enough for React to have painted the receipt (and its QR) before the print snapshot. */
const PRINT_DELAY_MS = 300;

/**
 * Step 3: the ticket. It prints itself once (silently, in Chromium's --kiosk-printing mode), stays a
 * few seconds for the visitor to read or scan, then hands the kiosk to the next visitor.
 */
export function TicketScreen(props: {
  ticket: Ticket;
  service: Service;
  centre: Centre;
  publicUrl?: string | null;
  /** False when the server prints the ticket on the kiosk's network printer. */
  printInBrowser?: boolean;
  onDone(): void;
}) {
  const { t } = useI18n();
  const { ticket, service, centre } = props;
  const url = statusUrl(ticket.publicId, props.publicUrl ?? undefined);
  const { on: speaking } = useAudioMode();
  const [secondsLeft, setSecondsLeft] = useState(
    speaking ? AUDIO_TICKET_SCREEN_SECONDS : TICKET_SCREEN_SECONDS,
  );
  const done = useEffectEvent(props.onDone);

  const printInBrowser = props.printInBrowser ?? true;
  useEffect(() => {
    if (!printInBrowser) return;
    const timer = window.setTimeout(() => window.print(), PRINT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [ticket.id, printInBrowser]);

  useEffect(() => {
    const tick = window.setInterval(() => setSecondsLeft((s) => s - 1), 1000);
    return () => window.clearInterval(tick);
  }, []);

  useEffect(() => {
    if (secondsLeft <= 0) done();
  }, [secondsLeft]);

  return (
    <>
      <section className="ticket-screen">
        <div className="ticket-card">
          <ScreenHeading className="ticket-heading">{t.ticketHeading}</ScreenHeading>
          <p className="ticket-code-label">{t.ticketNumber}</p>
          <p className="ticket-code">{ticket.code}</p>
          <TicketDetails ticket={ticket} service={service} centre={centre} />
          <DocumentList service={service} />
        </div>
        <div className="ticket-side">
          <figure className="qr" data-status-url={url}>
            <QRCodeSVG value={url} size={240} marginSize={2} role="img" aria-label={t.scanToFollow} />
            <figcaption>{t.scanToFollow}</figcaption>
          </figure>
          <p className="lead">{t.takeYourTicket}</p>
          <p className="countdown">{t.closesIn(Math.max(0, secondsLeft))}</p>
          <button type="button" className="button primary" onClick={props.onDone}>
            {t.done}
          </button>
        </div>
      </section>
      <Receipt ticket={ticket} service={service} centre={centre} url={url} />
    </>
  );
}

/** The 80 mm paper ticket: hidden on screen, the only thing on the page when printing. */
function Receipt(props: { ticket: Ticket; service: Service; centre: Centre; url: string }) {
  const { t } = useI18n();
  return (
    <div className="receipt" aria-hidden="true">
      <p className="receipt-brand">DOST</p>
      <p className="receipt-code">{props.ticket.code}</p>
      <TicketDetails ticket={props.ticket} service={props.service} centre={props.centre} />
      <DocumentList service={props.service} />
      <QRCodeSVG value={props.url} size={160} marginSize={2} />
      <p className="receipt-hint">{t.scanToFollow}</p>
    </div>
  );
}
