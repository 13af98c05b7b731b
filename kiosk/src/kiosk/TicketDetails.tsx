import type { Centre, Service, Ticket } from "@dost/shared";
import { formatDateTime, formatWaitRange } from "../i18n/format.js";
import { useI18n } from "../i18n/i18n.js";

/** The facts of a ticket, as a list of terms; shared by the screen and the printed receipt. */
export function TicketDetails(props: { ticket: Ticket; service: Service; centre: Centre }) {
  const { t, language, locale } = useI18n();
  const { ticket, service, centre } = props;
  const rows: [string, string][] = [
    [t.service, service.name[language]],
    [t.centre, centre.name[language]],
    [t.issuedAt, formatDateTime(ticket.issuedAt, centre.timezone, locale)],
    [t.peopleAhead, String(ticket.position ?? 0)],
    [t.estimatedWait, formatWaitRange(t, ticket.estimatedWaitMinutes, ticket.estimatedWaitRange)],
  ];
  return (
    <dl className="ticket-details">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
