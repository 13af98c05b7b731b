import type { Appointment, Centre, Service } from "@dost/shared";
import { QRCodeSVG } from "qrcode.react";
import { icsHref } from "../api/appointments.js";
import { formatCode, manageUrl } from "../appointments/code.js";
import { dateIn, formatLongDate, formatTime } from "../appointments/dates.js";
import { Facts } from "../appointments/Facts.js";
import { useI18n } from "../i18n/i18n.js";
import { DocumentList } from "../ui/DocumentList.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";

/**
 * The booking is made: the code large enough to read out at the kiosk, when and where, a QR code
 * that opens the booking's own page (to move or cancel it), and a calendar file.
 */
export function Confirmation(props: {
  appointment: Appointment;
  centre: Centre;
  service: Service;
  onBookAnother(): void;
}) {
  const { t, language } = useI18n();
  const { appointment, centre, service } = props;
  const url = manageUrl(appointment.code);
  const tz = centre.timezone;
  return (
    <section className="confirmation">
      <ScreenHeading>{t.booking.confirmedHeading}</ScreenHeading>
      <div className="code-card">
        <p className="code-label">{t.booking.codeLabel}</p>
        <p className="appointment-code">{formatCode(appointment.code)}</p>
        <p>{t.booking.codeHint}</p>
      </div>
      <Facts
        rows={[
          [t.booking.dateLabel, formatLongDate(dateIn(appointment.start, tz), t.calendar)],
          [t.booking.timeLabel, formatTime(appointment.start, tz)],
          [t.centre, centre.name[language]],
          [t.service, service.name[language]],
        ]}
      />
      <p className="field-hint">{t.booking.bakuTime}</p>
      <DocumentList service={service} />
      <p className="notice">{t.booking.arriveHint}</p>
      <figure className="qr" data-manage-url={url}>
        <QRCodeSVG value={url} size={200} marginSize={2} role="img" aria-label={t.booking.scanToManage} />
        <figcaption>{t.booking.scanToManage}</figcaption>
      </figure>
      <div className="actions stacked">
        <a
          className="button secondary"
          href={icsHref(appointment.code)}
          download={`dost-${appointment.code}.ics`}
        >
          {t.booking.addToCalendar}
        </a>
        <a className="button secondary" href={url}>
          {t.booking.manageLink}
        </a>
        <button type="button" className="button tertiary" onClick={props.onBookAnother}>
          {t.booking.bookAnother}
        </button>
      </div>
    </section>
  );
}
