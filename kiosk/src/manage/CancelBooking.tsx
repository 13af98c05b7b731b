import type { Appointment } from "@dost/shared";
import { useRef, useState } from "react";
import { cancelAppointment } from "../api/appointments.js";
import { ApiError } from "@dost/shared/client";
import { refusalOf, type Refusal as ServerRefusal } from "../api/client.js";
import { whenText } from "../appointments/Facts.js";
import { useI18n } from "../i18n/i18n.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";
import { ServerMessage } from "../ui/ServerMessage.js";
import { isPhoneDigits, PhoneDigitsField } from "./PhoneDigitsField.js";

type Refusal = { kind: "rejected"; refusal: ServerRefusal } | { kind: "unreachable" };

/** Cancelling cannot be undone, so it asks once more, naming the appointment it will cancel. */
export function CancelBooking(props: {
  booking: { appointment: Appointment; centre: { timezone: string } };
  onCancelled(appointment: Appointment): void;
  onKeep(): void;
}) {
  const { t } = useI18n();
  const { appointment, centre } = props.booking;
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const inFlight = useRef(false);
  const [digits, setDigits] = useState("");
  const [digitsError, setDigitsError] = useState<string | undefined>();
  const digitsInput = useRef<HTMLInputElement>(null);

  const cancel = () => {
    if (inFlight.current) return;
    if (!isPhoneDigits(digits)) {
      setDigitsError(t.manage.phoneLast4Needed);
      digitsInput.current?.focus();
      return;
    }
    inFlight.current = true;
    setBusy(true);
    setRefusal(null);
    cancelAppointment(appointment.code, digits)
      .then(props.onCancelled)
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.code === "FORBIDDEN") {
          setDigitsError(t.manage.phoneLast4Wrong);
          digitsInput.current?.focus();
          return;
        }
        setRefusal(
          error instanceof ApiError && error.failure === "rejected"
            ? { kind: "rejected", refusal: refusalOf(error) }
            : { kind: "unreachable" },
        );
      })
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };

  return (
    <section className="confirm-panel" aria-busy={busy}>
      <div className="screen-intro">
        <ScreenHeading>{t.manage.cancelHeading}</ScreenHeading>
        <p className="lead">
          {t.manage.cancelText(whenText(appointment.start, centre.timezone, t.calendar))}
        </p>
      </div>
      <PhoneDigitsField
        value={digits}
        onChange={(value) => {
          setDigits(value);
          setDigitsError(undefined);
        }}
        error={digitsError}
        inputRef={digitsInput}
      />
      {refusal && (
        <div className="notice error" role="alert">
          <p>{refusal.kind === "rejected" ? t.manage.notPossible : t.unreachableText}</p>
          {refusal.kind === "rejected" && (
            <ServerMessage refusal={refusal.refusal} timeZone={centre.timezone} />
          )}
        </div>
      )}
      <div className="actions stacked">
        <button type="button" className="button primary danger" disabled={busy} onClick={cancel}>
          {t.manage.confirmCancel}
        </button>
        <button type="button" className="button secondary" disabled={busy} onClick={props.onKeep}>
          {t.manage.keep}
        </button>
      </div>
    </section>
  );
}
