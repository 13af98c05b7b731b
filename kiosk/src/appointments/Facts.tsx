import type { CalendarNames } from "../i18n/appointments/messages.js";
import { dateIn, formatLongDate, formatTime } from "./dates.js";

/** Terms and their values, as the ticket's details show them. */
export function Facts({ rows, className }: { rows: [string, string][]; className?: string }) {
  return (
    <dl className={`ticket-details ${className ?? ""}`}>
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "Tuesday, 24 November 2026, 11:00": an appointment's start on the centre's calendar and clock. */
export function whenText(start: string, timeZone: string, names: CalendarNames): string {
  return `${formatLongDate(dateIn(start, timeZone), names)}, ${formatTime(start, timeZone)}`;
}
