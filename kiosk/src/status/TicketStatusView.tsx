import type { Centre, Service, Ticket } from "@dost/shared";
import { Fragment, useEffect, useRef } from "react";
import { formatDateTime, formatWaitRange } from "../i18n/format.js";
import { useI18n } from "../i18n/i18n.js";
import type { Messages } from "../i18n/messages.js";
import { DocumentList } from "../ui/DocumentList.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";
import { FeedbackForm } from "./FeedbackForm.js";

/** Two long buzzes: noticeable in a pocket, unlike a notification tick. */
const CALLED_VIBRATION = [400, 200, 400];

function headline(t: Messages, ticket: Ticket): { title: string; detail?: string } {
  const counter = ticket.counter?.label ?? "";
  switch (ticket.status) {
    case "waiting":
      return { title: t.statusWaiting };
    case "called":
      return { title: t.statusCalled, detail: t.goToCounter(counter) };
    case "serving":
      return { title: t.statusServing(counter) };
    case "done":
      return { title: t.statusDone };
    case "no_show":
      return { title: t.statusNoShow };
    case "cancelled":
      return { title: t.statusCancelled };
    case "expired":
      return { title: t.statusExpired };
  }
}

/** Buzzes the phone each time the ticket is called (a recall too), where the browser allows it. */
function useVibrateWhenCalled(ticket: Ticket): void {
  const callKey = ticket.status === "called" ? (ticket.calledAt ?? "called") : null;
  const previous = useRef<string | null>(callKey);
  useEffect(() => {
    if (callKey && callKey !== previous.current && typeof navigator.vibrate === "function") {
      navigator.vibrate(CALLED_VIBRATION);
    }
    previous.current = callKey;
  }, [callKey]);
}

export function TicketStatusView(props: {
  ticket: Ticket;
  centre: Centre;
  service: Service | null;
  offline: boolean;
}) {
  const { t, language, locale } = useI18n();
  const { ticket, centre, service } = props;
  useVibrateWhenCalled(ticket);
  const { title, detail } = headline(t, ticket);
  const called = ticket.status === "called";

  return (
    <section className="ticket-status">
      <div className="status-code-card">
        <ScreenHeading>
          <span className="status-code-label">{t.ticketNumber}</span>{" "}
          <span className="status-code">{ticket.code}</span>
        </ScreenHeading>
      </div>

      {/* One live region for the status, so the moment of the call is spoken as well as shown. Its
          words are new nodes for each call, so a recall to the same counter is announced again. */}
      <div className={`status-banner status-${ticket.status}`} aria-live="assertive" aria-atomic="true">
        <Fragment key={called ? `called:${ticket.calledAt ?? ""}` : ticket.status}>
          <p className="status-title">{title}</p>
          {detail && <p className="status-detail">{detail}</p>}
        </Fragment>
      </div>

      {ticket.status === "waiting" && (
        <dl className="status-figures">
          <div>
            <dt>{t.peopleAhead}</dt>
            <dd>{ticket.position ?? 0}</dd>
          </div>
          <div>
            <dt>{t.estimatedWait}</dt>
            <dd>{formatWaitRange(t, ticket.estimatedWaitMinutes, ticket.estimatedWaitRange)}</dd>
          </div>
        </dl>
      )}

      <dl className="ticket-details">
        {service && (
          <div>
            <dt>{t.service}</dt>
            <dd>{service.name[language]}</dd>
          </div>
        )}
        <div>
          <dt>{t.centre}</dt>
          <dd>{centre.name[language]}</dd>
        </div>
        <div>
          <dt>{t.issuedAt}</dt>
          <dd>{formatDateTime(ticket.issuedAt, centre.timezone, locale)}</dd>
        </div>
      </dl>

      {/* Worth reading while waiting; once served, the papers are behind the visitor. */}
      {service && (ticket.status === "waiting" || ticket.status === "called") && (
        <DocumentList service={service} />
      )}

      {ticket.status === "done" && <FeedbackForm publicId={ticket.publicId} />}

      {!called && (
        <p className={props.offline ? "notice" : "live-note"} role="status">
          {props.offline ? t.liveOffline : t.liveUpdates}
        </p>
      )}
    </section>
  );
}
