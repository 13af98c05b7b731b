import type { Appointment } from "@dost/shared";
import { useState } from "react";
import { icsHref } from "../api/appointments.js";
import { bookUrl, formatCode } from "../appointments/code.js";
import { dateIn, formatLongDate, formatTime } from "../appointments/dates.js";
import { Facts, whenText } from "../appointments/Facts.js";
import { useI18n } from "../i18n/i18n.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";
import { CancelBooking } from "./CancelBooking.js";
import type { Booking } from "./load-booking.js";
import { MoveBooking } from "./MoveBooking.js";

type Mode = "view" | "cancel" | "move";
type Done = { kind: "cancelled" } | { kind: "moved"; start: string } | null;

/** A booking as the public may see it (masked), with what can still be done to it. */
export function BookingView(props: {
  booking: Booking;
  onChange(appointment: Appointment): void;
  onLookUpAnother(): void;
}) {
  const { t, language } = useI18n();
  const { appointment, centre, service } = props.booking;
  const [mode, setMode] = useState<Mode>("view");
  const [done, setDone] = useState<Done>(null);
  const tz = centre.timezone;

  const changed = (next: Appointment, outcome: Done) => {
    props.onChange(next);
    setDone(outcome);
    setMode("view");
  };

  if (mode === "cancel")
    return (
      <CancelBooking
        booking={props.booking}
        onCancelled={(next) => changed(next, { kind: "cancelled" })}
        onKeep={() => setMode("view")}
      />
    );
  if (mode === "move")
    return (
      <MoveBooking
        booking={props.booking}
        onMoved={(next) => changed(next, { kind: "moved", start: next.start })}
        onBack={() => setMode("view")}
      />
    );

  const { citizen } = appointment;
  const rows: [string, string][] = [
    [t.manage.statusLabel, t.manage.statuses[appointment.status]],
    [t.booking.dateLabel, formatLongDate(dateIn(appointment.start, tz), t.calendar)],
    [t.booking.timeLabel, formatTime(appointment.start, tz)],
    [t.centre, centre.name[language]],
    [t.service, service.name[language]],
  ];
  if (citizen) {
    rows.push([t.manage.nameLabel, citizen.name], [t.manage.phoneLabel, citizen.phone]);
    if (citizen.pin) rows.push([t.manage.pinLabel, citizen.pin]);
  }
  const booked = appointment.status === "booked";

  return (
    <section className="booking-view">
      <div className="screen-intro">
        <ScreenHeading>{t.manage.title}</ScreenHeading>
      </div>
      {done && (
        <p className="notice" role="status">
          {done.kind === "cancelled"
            ? t.manage.cancelled
            : t.manage.moved(whenText(done.start, tz, t.calendar))}
        </p>
      )}
      <div className="code-card">
        <p className="code-label">{t.booking.codeLabel}</p>
        <p className="appointment-code">{formatCode(appointment.code)}</p>
      </div>
      <Facts rows={rows} className={`appointment-${appointment.status}`} />
      <p className="field-hint">{t.booking.bakuTime}</p>
      <div className="actions stacked">
        {booked && (
          <>
            <button type="button" className="button primary" onClick={() => setMode("move")}>
              {t.manage.reschedule}
            </button>
            <button type="button" className="button secondary danger" onClick={() => setMode("cancel")}>
              {t.manage.cancel}
            </button>
            <a
              className="button secondary"
              href={icsHref(appointment.code)}
              download={`dost-${appointment.code}.ics`}
            >
              {t.booking.addToCalendar}
            </a>
          </>
        )}
        <button type="button" className="button tertiary" onClick={props.onLookUpAnother}>
          {t.manage.lookupAnother}
        </button>
        <a className="button tertiary" href={bookUrl()}>
          {t.booking.bookAnother}
        </a>
      </div>
    </section>
  );
}
